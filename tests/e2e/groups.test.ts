import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from './flows';
import { e2eAvailable, startApp, type E2eApp } from './harness';
import { createClassGroup, markAttendance, pick, recordSession, schoolDate } from './groups-flows';

const available = e2eAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => app?.close());

const THEME = '人际交往团体辅导';

describe.skipIf(!available)('group work in a real browser', () => {
  it('a group for one class, two sessions with attendance in the member’s archive (no other member named), and a grade lecture by headcount', async () => {
    const p = app.page;
    await completeSetup(p);
    await p.getByRole('button', { name: '导入名册' }).click();
    await p.locator('input[type=file]').setInputFiles('tests/fixtures/roster/roster-ok.xlsx');
    await p.getByText('没有发现问题，可以导入。').waitFor();
    await p.getByRole('button', { name: /^导\s*入$/ }).click();
    await p.getByRole('cell', { name: '欧阳娜娜' }).waitFor();

    // 初一1班 is 张三明 and 李小红.
    await createClassGroup(p, THEME, '初一1班');
    await p.getByText('成员（2）').waitFor();
    await recordSession(p, { date: schoolDate(), time: ['15:00', '15:45'], content: '破冰游戏' });
    await p.getByRole('row', { name: /第 1 次/ }).waitFor();
    // The next session starts from the last one's time.
    await recordSession(p, { date: schoolDate(7), content: '倾听练习' });

    // Session 1: 张三明 present (Space), 李小红 absent (↓, 2). Session 2 is next week: planned, its 点名 opens on the day.
    const sheet = await markAttendance(p, 1, ['Space', 'ArrowDown', '2']);
    expect(await sheet.getByRole('row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')))).toEqual(['张三明：出席', '李小红：缺席']);
    await sheet.getByRole('button', { name: /^完\s*成$/ }).click();
    await p.getByRole('row', { name: /第 1 次/ }).getByText('出席 1 / 2').waitFor();
    expect(await p.getByRole('row', { name: /第 2 次/ }).getByRole('button', { name: '点名' }).isDisabled()).toBe(true);

    // 张三明's archive lists the session by the program's name; his fellow member is never named.
    await p.getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('cell', { name: '张三明' }).click();
    await p.getByRole('button', { name: '一生一档' }).click();
    await p.getByRole('heading', { name: '一生一档：张三明' }).waitFor();
    await p.locator('tbody').getByText(`${THEME} 第1次`).waitFor();
    expect(await p.locator('tbody tr', { hasText: '团体活动' }).count()).toBe(1);
    expect(await p.locator('body').textContent()).not.toContain('李小红');

    // A lecture for a grade keeps no names: headcount and grades only.
    await p.getByRole('menuitem', { name: '团体活动' }).click();
    await p.getByRole('button', { name: '新建活动' }).click();
    const form = p.getByRole('dialog', { name: '新建团体活动' });
    await form.getByLabel('主题').fill('青春期心理健康讲座');
    await form.getByLabel('类型', { exact: true }).click();
    await p.getByTitle('专题讲座', { exact: true }).click();
    expect(await form.getByRole('checkbox', { name: '登记成员和出勤' }).isChecked()).toBe(false);
    await form.getByLabel('对象类型').click();
    await p.getByTitle('年级', { exact: true }).click();
    await form.getByLabel('年级', { exact: true }).click();
    await p.getByTitle('初一', { exact: true }).click();
    await pick(form, '结束日期', schoolDate(30));
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await p.getByRole('heading', { name: '团体活动：青春期心理健康讲座' }).waitFor();
    expect(await p.getByRole('button', { name: '添加成员' }).count()).toBe(0);
    await recordSession(p, { date: schoolDate(), time: ['14:00', '15:00'], content: '青春期身心变化', headcount: 320 });
    await p.getByText('320 人 · 初一').waitFor();
    expect(await p.getByRole('button', { name: '点名' }).count()).toBe(0);

    await p.getByRole('button', { name: '返回活动列表' }).click();
    const lecture = p.getByRole('row', { name: /青春期心理健康讲座/ });
    await lecture.getByText('不记名').waitFor();
    expect(await lecture.textContent()).toContain('1 / 1 次');
    expect(await p.getByRole('row', { name: new RegExp(THEME) }).textContent()).toContain('2 / 6 次');
  });
});
