import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, dateInZone } from '../../shared/domain/dates';
import { filledDraft, openCase } from '../helpers/counseling';
import { counselorClient, studentsWithConsent } from './assessments-flows';
import { completeSetup, E2E_PASS } from './flows';
import { e2eAvailable, settled, startApp, type E2eApp } from './harness';

const available = e2eAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

interface Focused {
  tag: string;
  role: string;
  name: string;
  /** Where it is drawn: a Tab stop the eye cannot see has no size or is off screen. */
  visible: boolean;
  inPicker: boolean;
  inDialog: boolean;
  /** The segmented switch it is in, by name. */
  segmented: string;
  /** Drawn with a focus ring (an outline), as a keyboard user needs to see where they are. */
  ring: boolean;
}

/** What has focus now, as a keyboard user would learn it: its role, its name, and whether it can be seen. */
const focused = (p: Page): Promise<Focused> =>
  p.evaluate(() => {
    const a = document.activeElement as HTMLElement;
    // A radio or checkbox is drawn by its label (antd hides the input itself and rings the label).
    const drawn = a instanceof HTMLInputElement && (a.type === 'radio' || a.type === 'checkbox') ? (a.closest('label') ?? a) : a;
    const r = drawn.getBoundingClientRect();
    const labelled = a.getAttribute('aria-labelledby');
    const name = a.getAttribute('aria-label') ?? (labelled ? document.getElementById(labelled)?.textContent : null) ?? (a.id ? document.querySelector(`label[for="${a.id}"]`)?.textContent : null) ?? a.textContent ?? '';
    return {
      tag: a.tagName,
      role: a.getAttribute('role') ?? '',
      name: name.replace(/\s+/g, ''),
      visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && getComputedStyle(a).visibility !== 'hidden',
      inPicker: a.closest('.ant-picker') !== null,
      // A drawer's focus guards sit just outside the element with role=dialog.
      inDialog: a.closest('[role="dialog"], .ant-drawer') !== null,
      segmented: a.closest('.ant-segmented')?.getAttribute('aria-label') ?? '',
      ring: getComputedStyle(a).outlineStyle !== 'none' && parseFloat(getComputedStyle(a).outlineWidth) >= 1,
    };
  });

/** Presses `key` until what has focus matches (at most `max` times); every stop on the way must be visible. */
/** Presses `key` and waits until focus has moved to another element (a menu moves it a frame later). */
async function move(p: Page, key: string): Promise<Focused> {
  const before = await p.evaluateHandle(() => document.activeElement);
  await p.keyboard.press(key);
  await p.waitForFunction((el) => document.activeElement !== el, before);
  await before.dispose();
  return focused(p);
}

async function pressUntil(p: Page, key: string, want: (f: Focused) => boolean, what: string, max = 40): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    const f = await move(p, key);
    path.push(`${f.tag}[${f.role}] ${f.name.slice(0, 20)}`);
    if (f.tag !== 'BODY') expect(f.visible, `an invisible Tab stop on the way to ${what}: ${path.at(-1)}`).toBe(true);
    if (want(f)) return;
  }
  throw new Error(`${key} never reached ${what}; went through:\n${path.join('\n')}`);
}

/** Enter on the option the arrows or typing made active, once the list shows it, then waits for the list to close. */
/** Enter on the select's active option, once that is the one wanted (a searched list is redrawn when the core answers). */
async function chooseActiveOption(p: Page, text?: string): Promise<void> {
  await p.locator('.ant-select-item-option-active', text === undefined ? {} : { hasText: text }).waitFor();
  await p.keyboard.press('Enter');
  await p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
}

const named = (name: string) => (f: Focused) => f.name === name.replace(/\s+/g, '');

async function expectTitleFocused(p: Page, title: string): Promise<void> {
  await expect.poll(() => focused(p)).toMatchObject({ tag: 'H1', name: title.replace(/\s+/g, '') });
}

/** Back to the menu with Shift+Tab, `key` (an arrow) to the entry, Enter; focus is then on the page's title. */
async function openFromMenu(p: Page, name: string, key: 'ArrowDown' | 'ArrowUp'): Promise<void> {
  await pressUntil(p, 'Shift+Tab', (f) => f.role === 'menu' || f.role === 'menuitem', 'the menu', 60);
  await pressUntil(p, key, named(name), `${name} in the menu`, 25);
  await p.keyboard.press('Enter');
  await expectTitleFocused(p, name);
}

/** A date-range filter lets Tab in, from the start date to the end date, and out; Shift+Tab comes back in. */
async function tabThroughDateFilter(p: Page, where: string): Promise<void> {
  await pressUntil(p, 'Tab', (f) => f.inPicker, `the date filter on ${where}`);
  expect(await move(p, 'Tab'), `${where}: Tab from the start date goes to the end date`).toMatchObject({ inPicker: true });
  expect((await move(p, 'Tab')).inPicker, `${where}: Tab from the end date leaves the date filter`).toBe(false);
  expect(await move(p, 'Shift+Tab'), `${where}: Shift+Tab comes back into it`).toMatchObject({ inPicker: true });
}

/** Enter on what has focus opens a dialog; Escape closes it and focus is back on what opened it. */
async function dialogReturnsFocus(p: Page, opener: string): Promise<void> {
  expect(await focused(p)).toMatchObject({ name: opener });
  await p.keyboard.press('Enter');
  await p.getByRole('dialog').waitFor();
  await settled(p);
  await expect.poll(() => focused(p), { message: `${opener}: focus goes into the dialog` }).toMatchObject({ inDialog: true });
  await p.keyboard.press('Escape');
  await p.getByRole('dialog').waitFor({ state: 'hidden' });
  await expect.poll(() => focused(p), { message: `${opener}: focus is back on the button that opened the dialog` }).toMatchObject({ tag: 'BUTTON', name: opener, inDialog: false });
}

describe.skipIf(!available)('the keyboard alone', () => {
  it('logs in, moves through the menu, adds a student with a guardian, Tabs through and past the archive’s date filter, and books an appointment', async () => {
    const p = app.page;
    await completeSetup(p);
    const client = await counselorClient(app.core);
    const [studentId] = await studentsWithConsent(client, ['陈思远']);
    const kase = await openCase(client, studentId!);
    // A record still to sign, so 我的个案 lists it to be opened from there.
    await filledDraft(client, kase.id, { sessionDate: dateInZone(Date.now(), 'Asia/Shanghai') });
    // A room open every afternoon from tomorrow, set up through the contract: the booking below is what is tested.
    const tomorrow = addDays(dateInZone(Date.now(), 'Asia/Shanghai'), 1);
    await client.calendar.saveTerm({ name: '本学期', startDate: addDays(tomorrow, -60), endDate: addDays(tomorrow, 150) });
    const room = await client.rooms.create({ name: '一号个体辅导室', zoneType: 'individual', areaM2: 15.5, capacity: 3 });
    await client.openings.saveSlot({ roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU', validFrom: tomorrow, start: '14:00', end: '17:00' });
    await p.getByRole('button', { name: '退出登录' }).click();

    // Login: the user name has focus; after login focus is on the landing page's title.
    await p.getByLabel('用户名').waitFor();
    expect(await focused(p)).toMatchObject({ tag: 'INPUT', name: '用户名' });
    await p.keyboard.type('wanglaoshi');
    await p.keyboard.press('Tab');
    await p.keyboard.type(E2E_PASS);
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '我的个案');

    // The menu: back to it with Shift+Tab, arrows move inside, Space opens the entry and focus goes to its title.
    await pressUntil(p, 'Shift+Tab', (f) => f.role === 'menu' || f.role === 'menuitem', 'the menu');
    await pressUntil(p, 'ArrowDown', named('学生名册'), '学生名册 in the menu', 10);
    await p.keyboard.press(' ');
    await expectTitleFocused(p, '学生名册');
    // Enter opens an entry as well.
    await pressUntil(p, 'Shift+Tab', (f) => f.role === 'menu' || f.role === 'menuitem', 'the menu');
    await pressUntil(p, 'ArrowUp', named('日程'), '日程 in the menu', 10);
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '日程');
    // 周/日 is one Tab stop; an arrow switches the view.
    await pressUntil(p, 'Tab', (f) => f.segmented === '视图', 'the 周/日 switch');
    await p.keyboard.press('ArrowRight');
    await expect.poll(() => p.locator('.ant-segmented[aria-label="视图"] .ant-segmented-item-selected').textContent()).toBe('日');
    expect((await move(p, 'Tab')).segmented, 'Tab leaves the switch').not.toBe('视图');
    await pressUntil(p, 'Shift+Tab', (f) => f.role === 'menu' || f.role === 'menuitem', 'the menu');
    await pressUntil(p, 'ArrowDown', named('学生名册'), '学生名册 in the menu', 10);
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '学生名册');

    // 新增学生 with a guardian, every field reached with Tab, each stop visible.
    await pressUntil(p, 'Tab', named('新增学生'), '新增学生');
    await p.keyboard.press('Enter');
    await p.getByRole('dialog').waitFor();
    await settled(p);
    // The drawer opens with focus in its first field, not on antd's invisible focus guard.
    await expect.poll(() => focused(p)).toMatchObject({ tag: 'INPUT', name: '学号', inDialog: true, visible: true });
    await p.keyboard.type('20249001');
    await p.keyboard.press('Tab');
    expect(await focused(p)).toMatchObject({ name: '姓名' });
    await p.keyboard.type('林一帆');
    await p.keyboard.press('Tab');
    // The sex is a radio group: Space checks the first, an arrow moves to the second.
    await p.keyboard.press('ArrowRight');
    await pressUntil(p, 'Tab', named('年级'), '年级');
    await p.keyboard.press('ArrowDown');
    await chooseActiveOption(p);
    await pressUntil(p, 'Tab', named('班级'), '班级');
    await p.keyboard.type('3班');
    await pressUntil(p, 'Tab', named('添加监护人'), '添加监护人');
    await p.keyboard.press('Enter');
    // The new row takes focus at its first field.
    await expect.poll(() => focused(p)).toMatchObject({ tag: 'INPUT', name: '监护人姓名', inDialog: true });
    await p.keyboard.type('林海');
    await p.keyboard.press('Tab');
    await p.keyboard.type('父亲');
    await p.keyboard.press('Tab');
    await p.keyboard.type('13800000000');
    await pressUntil(p, 'Tab', (f) => f.tag === 'BUTTON' && f.name === '保存', '保存');
    await p.keyboard.press('Enter');
    await p.getByRole('dialog').waitFor({ state: 'hidden' });
    const row = p.getByRole('row', { name: /林一帆/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('女');

    // A student's archive, opened from the roster by keyboard; its date filter lets Tab through and out.
    await pressUntil(p, 'Tab', named('陈思远'), '陈思远 in the roster');
    await p.keyboard.press('Enter');
    await p.getByRole('button', { name: '一生一档' }).waitFor();
    await pressUntil(p, 'Tab', named('一生一档'), '一生一档');
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '一生一档：陈思远');
    await tabThroughDateFilter(p, '一生一档');

    // Booking the next free slot for that student: 新建预约, the student picked by typing, 预约.
    await pressUntil(p, 'Shift+Tab', (f) => f.role === 'menu' || f.role === 'menuitem', 'the menu', 60);
    await pressUntil(p, 'ArrowUp', named('日程'), '日程 in the menu', 10);
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '日程');
    // 新建预约 starts at the next opening in view, so it waits for the view's openings.
    await expect.poll(() => p.getByRole('button', { name: '新建预约' }).isEnabled()).toBe(true);
    await pressUntil(p, 'Tab', named('新建预约'), '新建预约');
    await p.keyboard.press('Enter');
    await p.getByRole('dialog').waitFor();
    await expect.poll(() => focused(p)).toMatchObject({ role: 'combobox', inDialog: true });
    await p.keyboard.type('陈思远');
    // The drawn option, active once the list answers the typed name (antd also keeps a hidden list for screen readers).
    await chooseActiveOption(p, '陈思远');
    await pressUntil(p, 'Tab', (f) => f.tag === 'BUTTON' && f.name === '预约', '预约');
    await p.keyboard.press('Enter');
    // Closed once booked; if it stays open, the failure shows what the dialog says.
    await expect.poll(async () => ((await p.getByRole('dialog').count()) === 0 ? 'closed' : await p.getByRole('dialog').innerText())).toBe('closed');
    const booked = await client.appointments.list({ from: tomorrow, to: tomorrow });
    expect(booked.items.map((a) => [a.start, a.studentId])).toEqual([['14:00', studentId]]);
  });

  it('returns focus to the opener of a dialog, rings sorted headers, leaves the audit log’s date filter, and puts focus on the title after unlocking and opening a record or a case', async () => {
    const p = app.page;
    // Where the first test left off: on 日程, logged in.
    await openFromMenu(p, '审计日志', 'ArrowDown');
    await tabThroughDateFilter(p, '审计日志');

    // 学生名册: a sortable header is a Tab stop drawn with a ring, and Enter sorts by it.
    await openFromMenu(p, '学生名册', 'ArrowUp');
    await pressUntil(p, 'Tab', (f) => f.tag === 'TH' && f.name.startsWith('学号'), 'the 学号 header');
    expect((await focused(p)).ring, 'the focused 学号 header shows a focus ring').toBe(true);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('th[aria-sort="ascending"]').textContent()).toContain('学号');

    // A drawer and a dialog closed with Escape give focus back to the button that opened them.
    await pressUntil(p, 'Shift+Tab', named('新增学生'), '新增学生');
    await dialogReturnsFocus(p, '新增学生');
    await pressUntil(p, 'Tab', named('学年升级'), '学年升级');
    await dialogReturnsFocus(p, '学年升级');

    // Locked and unlocked by keyboard: focus on the landing page's title.
    await pressUntil(p, 'Shift+Tab', named('锁定'), '锁定', 60);
    await p.keyboard.press('Enter');
    await p.getByRole('button', { name: /^解\s*锁$/ }).waitFor();
    // The lock screen puts focus on its passphrase, as the login screen does on the user name.
    await expect.poll(() => focused(p)).toMatchObject({ tag: 'INPUT', name: '口令' });
    await p.keyboard.type(E2E_PASS);
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '我的个案');

    // From 我的个案: the unsigned record, then (back again) the case; focus on each one's title.
    await pressUntil(p, 'Tab', (f) => f.tag === 'LI' && f.name.startsWith('陈思远') && !f.name.includes('学业'), 'the unsigned record');
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '辅导记录 · 陈思远');
    await pressUntil(p, 'Shift+Tab', named('返回'), '返回');
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '我的个案');
    await pressUntil(p, 'Tab', (f) => f.tag === 'LI' && f.name.startsWith('陈思远') && f.name.includes('学业'), 'the open case');
    await p.keyboard.press('Enter');
    await expectTitleFocused(p, '个案：陈思远');
  });
});
