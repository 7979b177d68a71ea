import type { Page } from 'playwright-core';

const SAVE = /^保\s*存$/;

/** Today at the school, and a day some weeks on: programs and sessions are dated from it. */
export function schoolDate(daysFromToday = 0): string {
  const day = new Date(Date.now() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(day);
}

/** antd's date and time pickers take typed text; Enter confirms it. */
export async function pick(dialog: ReturnType<Page['getByRole']>, label: string, value: string): Promise<void> {
  const field = dialog.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

/**
 * From any page: 团体活动 → 新建活动, a named group-counseling program for one class of the roster
 * (as the class select names it, e.g. 初一1班), running for two months; then the whole class joins.
 */
export async function createClassGroup(p: Page, theme: string, className: string, goals = ''): Promise<void> {
  await createProgram(p, theme, className, goals);
  await p.getByRole('button', { name: '添加成员' }).click();
  const add = p.getByRole('dialog', { name: '添加成员' });
  await add.getByText(/^将添加该班全部在读学生/).waitFor();
  await add.getByRole('button', { name: '添加成员' }).click();
  await add.waitFor({ state: 'detached' });
}

/** From any page: 团体活动 → 新建活动 for one class, running for two months; left on its page, with no members yet. */
export async function createProgram(p: Page, theme: string, className: string, goals = ''): Promise<void> {
  await p.getByRole('menuitem', { name: '团体活动' }).click();
  await p.getByRole('button', { name: '新建活动' }).click();
  const form = p.getByRole('dialog', { name: '新建团体活动' });
  await form.getByLabel('主题').fill(theme);
  await form.getByLabel('班级', { exact: true }).click();
  await p.getByTitle(className, { exact: true }).click();
  await pick(form, '结束日期', schoolDate(60));
  await form.getByLabel('活动目标').fill(goals);
  await form.getByRole('button', { name: SAVE }).click();
  await p.getByRole('heading', { name: `团体活动：${theme}` }).waitFor();
}

/** On a program's page: 记录一次活动 on a date, at the given time (or the last session's), with a headcount for unnamed programs. */
export async function recordSession(p: Page, { date, time, content, headcount }: { date: string; time?: [string, string]; content: string; headcount?: number }): Promise<void> {
  await p.getByRole('button', { name: '记录一次活动' }).click();
  const form = p.getByRole('dialog', { name: '记录一次活动' });
  await pick(form, '日期', date);
  if (time) {
    await pick(form, '开始', time[0]);
    await pick(form, '结束', time[1]);
  }
  if (headcount !== undefined) await form.getByLabel('参加人数').fill(String(headcount));
  await form.getByLabel('活动内容').fill(content);
  await form.getByRole('button', { name: SAVE }).click();
  await form.waitFor({ state: 'detached' });
}

/**
 * Opens 点名 for session `number` and types `keys` (Playwright key names) into the sheet, which
 * starts on the first student; waits until the marks are saved. The sheet is left open.
 */
export async function markAttendance(p: Page, number: number, keys: readonly string[]): Promise<ReturnType<Page['getByRole']>> {
  await p.getByRole('row', { name: new RegExp(`第 ${number} 次`) }).getByRole('button', { name: '点名' }).click();
  const sheet = p.getByRole('dialog', { name: new RegExp(`^点名：第 ${number} 次`) });
  await sheet.getByRole('row').first().waitFor();
  await p.waitForFunction(() => document.activeElement?.getAttribute('role') === 'row');
  for (const key of keys) await p.keyboard.press(key);
  await sheet.getByText(/^已保存 \d\d:\d\d:\d\d$/).waitFor();
  return sheet;
}
