import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from './flows';
import { e2eAvailable, settled, startApp, type E2eApp } from './harness';
import { printedText, stubPrint } from './print';
import { DUTY, ROOM, SCHEDULE_STUDENT, scheduleDates, setUpRoom, slotPoint, typeInto } from './schedule-flows';

const available = e2eAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => app?.close());

describe.skipIf(!available)('the counseling-room schedule in a real browser', () => {
  it('room with opening hours and duty → book a free slot by click → a clash is named → drag to move → door schedule PDF without the student', async () => {
    const p = app.page;
    const { nextWednesday } = scheduleDates();
    await completeSetup(p);
    await setUpRoom(p);

    // 日程, by room: next week's Wednesday afternoon lies inside the opening hours.
    await p.getByRole('menuitem', { name: '日程' }).click();
    await p.getByRole('button', { name: '下一页' }).click();
    await p.locator(`[role="columnheader"][data-date="${nextWednesday}"]`).waitFor();
    await p.getByText(`值班：${DUTY}`).first().waitFor();
    const free = await slotPoint(p, nextWednesday, '14:00');
    await p.mouse.click(free.x, free.y);
    const booking = p.getByRole('dialog');
    await booking.getByText('新建预约').waitFor();
    expect(await booking.getByLabel('日期').inputValue()).toBe(nextWednesday);
    expect(await booking.getByLabel('开始', { exact: true }).inputValue()).toBe('14:00');
    expect(await booking.getByLabel('结束', { exact: true }).inputValue()).toBe('14:45');
    const picker = booking.getByRole('combobox', { name: '学生' });
    await picker.click();
    await picker.fill(SCHEDULE_STUDENT.name);
    await p.getByTitle(new RegExp(`^${SCHEDULE_STUDENT.name} · `)).click();
    // The student list is still sliding shut; a click meanwhile can go unheard.
    await settled(p);
    await booking.getByRole('button', { name: /预\s*约/ }).click();
    // What lasts, not the toast: the dialog closes and the appointment is on the calendar.
    await booking.waitFor({ state: 'hidden' });
    const event = p.locator('.schedule-event', { hasText: SCHEDULE_STUDENT.name });
    await event.waitFor();

    // A second booking over it, for a staff member: refused, and the booked one is named.
    await p.getByRole('button', { name: '新建预约' }).click();
    const clash = p.getByRole('dialog');
    await clash.getByLabel('教职工').check();
    await clash.getByLabel('姓名或说明').fill('初一年级组长');
    await typeInto(p, '日期', nextWednesday);
    await typeInto(p, '开始', '14:15');
    await typeInto(p, '结束', '15:00');
    await clash.getByRole('button', { name: /预\s*约/ }).click();
    const refusal = clash.getByRole('alert').filter({ hasText: '时间冲突' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`${nextWednesday} 14:00–14:45 · ${ROOM} · 王老师 · ${SCHEDULE_STUDENT.name}`);
    await clash.getByRole('button', { name: /取\s*消/ }).click();
    await clash.waitFor({ state: 'hidden' });

    // Dragged an hour and a half later, the appointment moves; the core checks it like a booking.
    const from = await event.boundingBox();
    const to = await slotPoint(p, nextWednesday, '15:30');
    await p.mouse.move(from!.x + from!.width / 2, from!.y + 6);
    await p.mouse.down();
    await p.mouse.move(from!.x + from!.width / 2, to.y + 2, { steps: 12 });
    await p.mouse.up();
    const moved = p.locator('.schedule-event', { hasText: '15:30–16:15' });
    await moved.waitFor();

    // The calendar's events take focus (role=button) and open with Enter.
    await moved.locator('xpath=ancestor::*[@role="button"][1]').focus();
    await p.keyboard.press('Enter');
    const drawer = p.getByRole('dialog').filter({ hasText: '预约详情' });
    await drawer.getByText(`${nextWednesday} 15:30–16:15`).waitFor();
    await p.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The door schedule of that week: rooms, hours and duty from the openings, never a student.
    await stubPrint(p);
    await p.getByRole('menuitem', { name: '活动室与开放时间' }).click();
    await p.getByRole('button', { name: '打印门口开放时间表' }).click();
    const ask = p.getByRole('dialog');
    await ask.getByLabel('周').click();
    await p.locator('.ant-picker-dropdown td[title]').first().waitFor();
    const week = p.locator(`.ant-picker-dropdown td[title="${nextWednesday}"]`);
    // The picker opens on this month; next week may already be in the next. A click while the
    // popup still slides in can go unheard, so its opening motion is waited out first, and each
    // click is followed by the month it shows.
    await settled(p);
    const month = p.locator('.ant-picker-dropdown .ant-picker-header-view');
    for (let tries = 0; tries < 5 && !(await week.isVisible()); tries++) {
      const shown = await month.textContent();
      await p.locator('.ant-picker-dropdown .ant-picker-header-next-btn').click();
      await expect.poll(() => month.textContent()).not.toBe(shown);
    }
    await week.click();
    await ask.getByRole('button', { name: /打\s*印/ }).click();
    const text = await printedText(p, app.dataDir, 'door-print');
    expect(text).toContain('示例市第一中学心理辅导室开放时间');
    expect(text).toContain(ROOM);
    expect(text).toContain(`值班：${DUTY}`);
    expect(text).toContain('14:00–17:00');
    expect(text).not.toContain(SCHEDULE_STUDENT.name);
  });
});
