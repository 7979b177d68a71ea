import type { Page } from 'playwright-core';
import { createClient } from '../../shared/api/client';
import type { CounselClient } from '../../shared/api/contract';
import type { Core } from '../../electron/core/types';
import { E2E_PASS } from './flows';
import type { E2eApp } from './harness';

export const PHQ9 = '患者健康问卷-9（PHQ-9）';
export const CALM = '谢谢你认真作答。请在座位上稍等一下，老师马上过来。';

/** The counselor on a connection of their own (as the CLI would be), for setting up what the page then uses. */
export async function counselorClient(core: Core): Promise<CounselClient> {
  const conn = core.connect('test');
  const client = createClient((method, input) => conn.call(method, input));
  await client.auth.login({ username: 'wanglaoshi', passphrase: E2E_PASS });
  return client;
}

/** Roster students of 初二2班 with no consent recorded yet; 学号 202403NN counting from `first`. */
export async function addStudents(client: CounselClient, names: readonly string[], first = 1): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const { id } = await client.students.create({
      studentNo: `202403${String(first + i).padStart(2, '0')}`,
      name,
      sex: i % 2 ? 'F' : 'M',
      grade: 8,
      className: '2班',
      birthDate: '2011-05-01',
      guardians: [{ name: `${name.slice(0, 1)}家长`, relation: '母亲', phone: '13900000000' }],
    });
    ids.push(id);
  }
  return ids;
}

/** Roster students with testing consent from themselves and a guardian (guide ETH-05/06). */
export async function studentsWithConsent(client: CounselClient, names: readonly string[], first = 1): Promise<string[]> {
  const ids = await addStudents(client, names, first);
  for (const id of ids) {
    for (const party of ['student', 'guardian'] as const) {
      await client.consents.record({ studentId: id, scope: 'testing', party, outcome: 'given', date: '2025-03-10', form: 'written' });
    }
  }
  return ids;
}

/** 测评施测 → the student → 开始施测 with PHQ-9 in the given mode. */
export async function startPhq9(p: Page, name: string, mode: '屏幕作答' | '纸笔录入'): Promise<void> {
  await p.getByRole('menuitem', { name: '测评施测' }).click();
  const picker = p.getByRole('combobox', { name: '学生' });
  await picker.click();
  await picker.fill(name);
  await p.getByTitle(new RegExp(`^${name} · 初二2班 · `)).click();
  await p.getByRole('button', { name: '开始施测' }).click();
  await choosePhq9(p, mode);
}

/** The 开始施测 dialog, opened from wherever: PHQ-9 in the given mode, started. */
export async function choosePhq9(p: Page, mode: '屏幕作答' | '纸笔录入'): Promise<void> {
  const dialog = p.getByRole('dialog', { name: '开始施测' });
  await dialog.getByLabel('量表').click();
  // The option in the popup, not the select's own display when PHQ-9 is already chosen.
  await p.locator(`.ant-select-item-option[title="${PHQ9}"]`).click();
  await dialog.getByLabel(mode).check();
  await dialog.getByRole('button', { name: '开始施测' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** In the kiosk: answers the items shown with option positions (1 = the first option), waiting for each to be stored. */
export async function answerKiosk(p: Page, from: number, keys: readonly string[]): Promise<void> {
  for (const [i, key] of keys.entries()) {
    await p.getByText(`第 ${from + i} / 9 题`).waitFor();
    // While the last answer is saved the options are disabled and keys are not taken.
    await p.locator('.kiosk-option:not([disabled])').first().waitFor();
    await p.keyboard.press(key);
  }
}

/** The counselor's passphrase, through the discreet corner button. */
export async function unlockKiosk(p: Page): Promise<void> {
  await p.getByRole('button', { name: '老师', exact: true }).click();
  await p.getByLabel('口令').fill(E2E_PASS);
  await p.getByRole('button', { name: /^解\s*锁$/ }).click();
}

/** The counselor's own screen: another window on the same running app, on 我的个案 with its open alerts. */
export async function openDesk(app: E2eApp): Promise<Page> {
  const desk = await app.page.context().newPage();
  await desk.goto(app.bridge.launchUrl);
  await desk.getByRole('menuitem', { name: '我的个案' }).click();
  await desk.getByText(/^待处理预警（\d+）$/).waitFor();
  // Chromium pauses animation frames of a page in the background, and antd's dialogs wait on them:
  // whichever screen is being used is brought to the front, as a person would look at it.
  await app.page.bringToFront();
  return desk;
}

/** At the kiosk, PHQ-9 from its first item: 完全不会 for items 1–8, 有几天 (code 1) for item 9, then the calm message. */
export async function answerWithItem9AtOne(kiosk: Page): Promise<void> {
  await kiosk.getByRole('button', { name: '开始作答' }).click();
  await answerKiosk(kiosk, 1, ['1', '1', '1', '1', '1', '1', '1', '1', '2']);
  await kiosk.getByText(CALM).waitFor();
}

/** On the counselor's screen: the student's critical alert, shown afresh, handled as a talk in person. */
export async function acknowledgeCritical(desk: Page, name: string): Promise<void> {
  await desk.bringToFront();
  // No reload: the home screen's own polling brings the alert in.
  const item = desk.locator('.ant-card', { hasText: /^待处理预警/ }).locator('.ant-list-item', { hasText: name });
  await item.getByText('危急').waitFor();
  await item.getByRole('button', { name: /^处\s*理$/ }).click();
  const ack = desk.getByRole('dialog', { name: `处理预警：${name}` });
  await ack.getByLabel('已当面约谈').check();
  await ack.getByLabel('说明').fill('已在辅导室当面约谈。');
  const saved = desk.getByText('已记录处理').waitFor();
  await ack.getByRole('button', { name: /^保\s*存$/ }).click();
  await saved;
  await item.waitFor({ state: 'detached' });
}

/** Back at the kiosk once the alert is handled: the counselor unlocks, lets the student go on, and the form is submitted. */
export async function finishAfterAlert(kiosk: Page): Promise<void> {
  await kiosk.bringToFront();
  await unlockKiosk(kiosk);
  await kiosk.getByText('本次作答提出的预警').waitFor();
  await kiosk.getByText('已处理').waitFor();
  await kiosk.getByRole('button', { name: '继续作答' }).click();
  await kiosk.getByText('所有题目都已作答。').waitFor();
  await kiosk.getByRole('button', { name: /^提\s*交$/ }).click();
  await kiosk.getByText('作答完成，谢谢你！').waitFor();
}

/** The counselor closes the finished kiosk with the passphrase. */
export async function closeKiosk(kiosk: Page): Promise<void> {
  await unlockKiosk(kiosk);
  await kiosk.getByRole('button', { name: /^关\s*闭$/ }).click();
  await kiosk.getByTestId('kiosk').waitFor({ state: 'detached' });
}
