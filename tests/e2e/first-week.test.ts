import { renameSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, weekOf } from '../../shared/domain/dates';
import { addStudents, counselorClient, PHQ9 } from './assessments-flows';
import { completeSetup } from './flows';
import { createProgram } from './groups-flows';
import { e2eAvailable, settled, startApp, type E2eApp, modalsGone } from './harness';
import { printedText, stubPrint } from './print';
import { scheduleDates, typeInto } from './schedule-flows';

const available = e2eAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => app?.close());

/** Seven students of 初二2班, none with a testing consent yet: one gets a case, one is tested. */
const [CLIENT, TESTED, ...REST] = ['陈一鸣', '刘思琪', '张子涵', '杨浩然', '黄雨桐', '赵俊杰', '周可欣'] as const;
const CLASS = [CLIENT, TESTED, ...REST];
const ROOM = '心理辅导室';

/** A school-records export as the counselor got it: 学籍号 … 监护人联系电话, 120 students of 初一, written by a real xlsx writer. */
async function schoolRecordsExport(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('学生名单');
  sheet.addRow(['学籍号', '姓名', '性别', '出生日期', '年级', '班级', '监护人联系电话']);
  for (let i = 1; i <= 120; i++) {
    const name = i === 1 ? '欧阳晨曦' : `学生${String(i).padStart(3, '0')}`;
    sheet.addRow([`G20250${String(i).padStart(3, '0')}`, name, i % 2 ? '男' : '女', '2013-09-01', '初一', `${1 + (i % 3)}班`, `139${String(i).padStart(8, '0')}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const SATURDAY_DUTY = '孙老师';

describe.skipIf(!available)('a counselor’s first week, at 1366×768', () => {
  it('a Saturday morning opening in the week view and on the door schedule, a record dated tomorrow, consent given where the test asks for it', async () => {
    const p = app.page;
    await p.setViewportSize({ width: 1366, height: 768 });
    await completeSetup(p);
    // The home a new archive lands on: the getting-started list beside the grouped menu, then the same menu in English.
    await p.getByRole('menuitem', { name: '我的个案' }).click();
    await p.getByRole('region', { name: '开始使用' }).waitFor();
    await settled(p);
    await p.screenshot({ path: 'docs/screenshots/home-getting-started.png' });
    await p.getByRole('menuitem', { name: '设置' }).click();
    await p.getByText('English', { exact: true }).click();
    await p.getByRole('menuitem', { name: 'My caseload' }).click();
    await p.getByRole('heading', { name: 'My caseload' }).waitFor();
    await settled(p);
    await p.screenshot({ path: 'docs/screenshots/menu-en.png' });
    await p.getByRole('menuitem', { name: 'Settings' }).click();
    await p.getByText('简体中文', { exact: true }).click();
    await p.getByRole('menuitem', { name: '我的个案' }).waitFor();
    const { today, termStart, termEnd } = scheduleDates();
    const saturday = addDays(weekOf(today).start, 5);
    const client = await counselorClient(app.core);
    await addStudents(client, CLASS);
    await client.calendar.saveTerm({ name: '本学期', startDate: termStart, endDate: termEnd });
    await client.rooms.create({ name: ROOM, zoneType: 'individual', areaM2: 15, capacity: 3 });

    // A boarding school's Saturday morning, as a weekly opening like any other.
    await p.getByRole('menuitem', { name: '活动室与开放时间' }).click();
    await p.getByRole('button', { name: '添加开放时间' }).click();
    const slot = p.getByRole('dialog');
    await slot.getByLabel('周六', { exact: true }).check();
    await typeInto(p, '开始', '08:30');
    await typeInto(p, '结束', '11:30');
    await slot.getByLabel('值班人员').fill(SATURDAY_DUTY);
    await slot.getByRole('button', { name: /保\s*存/ }).click();
    await p.getByRole('cell', { name: SATURDAY_DUTY, exact: true }).waitFor();
    // No bell schedule yet: the share outside class says so instead of 100 %.
    await p.getByText('未设置作息时间').waitFor();

    // The week view shows it on Saturday.
    await p.getByRole('menuitem', { name: '日程' }).click();
    await p.locator(`[role="columnheader"][data-date="${saturday}"]`).waitFor();
    await p.getByText(`值班：${SATURDAY_DUTY}`).first().waitFor();

    // And the door schedule of this week prints a Saturday column with it.
    await stubPrint(p);
    await p.getByRole('menuitem', { name: '活动室与开放时间' }).click();
    await p.getByRole('button', { name: '打印门口开放时间表' }).click();
    await p.getByRole('dialog').getByRole('button', { name: /打\s*印/ }).click();
    const door = await printedText(p, app.dataDir, 'door-print', 'docs/screenshots/door-schedule-saturday');
    renameSync('docs/screenshots/door-schedule-saturday-1.png', 'docs/screenshots/door-schedule-saturday.png');
    expect(door).toContain('周六');
    expect(door).toContain('08:30–11:30');
    expect(door).toContain(`值班：${SATURDAY_DUTY}`);
    await p.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await p.getByTestId('door-print').waitFor({ state: 'detached' });

    // A record dated tomorrow is refused on its date field.
    await p.getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('cell', { name: CLIENT }).click();
    await p.getByRole('button', { name: '开个案' }).click();
    const open = p.getByRole('dialog', { name: new RegExp(`为 ${CLIENT} 开个案`) });
    await open.getByLabel('学业').check();
    await open.getByRole('button', { name: '开个案' }).click();
    await p.getByRole('heading', { name: `个案：${CLIENT}` }).waitFor();
    await p.getByRole('button', { name: '新建记录' }).click();
    const date = p.getByLabel('日期', { exact: true });
    await date.click();
    await date.fill(addDays(today, 1));
    await date.press('Enter');
    await p.locator('.ant-form-item', { has: date }).getByText('不能晚于今天').waitFor();

    // A test without consent: the gate asks for it, records both parties, and the test starts.
    await p.getByRole('menuitem', { name: '测评施测' }).click();
    const picker = p.getByRole('combobox', { name: '学生' });
    await picker.click();
    await picker.fill(TESTED);
    await p.getByTitle(new RegExp(`^${TESTED} · 初二2班 · `)).click();
    await p.getByRole('button', { name: '开始施测' }).click();
    const start = p.getByRole('dialog', { name: '开始施测' });
    await start.getByLabel('量表').click();
    await p.locator(`.ant-select-item-option[title="${PHQ9}"]`).click();
    await start.getByLabel('纸笔录入').check();
    await start.getByRole('button', { name: '开始施测' }).click();
    const consent = p.getByRole('dialog', { name: '登记测评知情同意' });
    await consent.getByText(/学生本人和监护人都同意/).waitFor();
    await settled(p);
    await consent.getByRole('button', { name: '登记同意并开始施测' }).click();
    await p.getByRole('grid').getByRole('gridcell', { name: `${TESTED} 第1题` }).waitFor();
    const student = (await client.students.list({ query: TESTED })).items[0]!;
    expect((await client.consents.current({ studentId: student.id, scope: 'testing' })).bothGiven).toBe(true);
  });

  it('a school-records roster imported with 监护人联系电话 mapped by hand, its phone stored', async () => {
    const p = app.page;
    // The paper form the consent dialog started is still open, with nothing typed: it closes without a question.
    await p.keyboard.press('Escape');
    await modalsGone(p);
    await p.getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('button', { name: '导入名册' }).click();
    await p.locator('input[type=file]').setInputFiles({ name: '学籍系统导出.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await schoolRecordsExport() });
    const phoneColumn = p.getByRole('row').filter({ has: p.getByRole('cell', { name: '监护人联系电话', exact: true }) });
    // The column is not dropped without a word: it is said to look like a phone.
    await phoneColumn.getByText('看起来像“电话”').waitFor();
    const field = phoneColumn.getByRole('combobox', { name: '“监护人联系电话”导入为' });
    await field.click();
    await field.fill('电话');
    await p.locator('.ant-select-item-option[title="电话"]').click();
    await phoneColumn.getByText('手动选择').waitFor();
    await p.getByText('没有发现问题，可以导入。').waitFor();
    await settled(p);
    await p.screenshot({ path: 'docs/screenshots/import-mapping.png' });
    await p.getByRole('button', { name: /^导\s*入$/ }).click();
    // The toast saying so may come and go before a look; the stored roster stays.
    const client = await counselorClient(app.core);
    await expect.poll(async () => (await client.students.list({ query: '欧阳晨曦' })).items.length).toBe(1);
    const [student] = (await client.students.list({ query: '欧阳晨曦' })).items;
    expect((await client.students.get({ id: student!.id })).guardians).toEqual([{ name: '', relation: '', phone: '13900000001' }]);
  });

  it('six members join a group in one dialog: the whole class but the one who does not take part', async () => {
    const p = app.page;
    await createProgram(p, '情绪管理小组', '初二2班');
    await p.getByRole('button', { name: '添加成员' }).click();
    const add = p.getByRole('dialog', { name: '添加成员' });
    await add.getByText(`将添加该班全部在读学生（${CLASS.length} 人）`).waitFor();
    await add.getByLabel('除外（不参加的学生）').click();
    await p.getByTitle(new RegExp(`^${CLIENT} `)).click();
    // Close the option list by its own field, so it covers no button of the dialog.
    await add.getByText('添加方式').click();
    await add.getByText(`将添加该班在读学生 ${CLASS.length - 1} 人（1 人除外）`).waitFor();
    await add.getByRole('button', { name: '添加成员' }).click();
    await add.waitFor({ state: 'detached' });
    await p.getByText(`成员（${CLASS.length - 1}）`).waitFor();
    const client = await counselorClient(app.core);
    const [program] = (await client.groups.list({})).items;
    const members = (await client.groups.get({ id: program!.id })).members.map((m) => m.name);
    expect(members.sort()).toEqual([TESTED, ...REST].sort());
  });
});
