import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counselorClient } from './assessments-flows';
import { largeClassScreening, openScreening } from './campaigns-flows';
import { completeSetup } from './flows';
import { schoolDate } from './groups-flows';
import { e2eAvailable, settled, startApp, type E2eApp, modalsGone } from './harness';

const available = e2eAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => app?.close());

const SCREENING = '初二6班期中筛查';

describe.skipIf(!available)('screening day at 1366×768', () => {
  it('PHQ-9 + GAD-7 for one class in the class grid: item 9 at row 30 marked with its banner in view, handed to a crisis case, 预约面谈 from 分流, the summary counting both scales', async () => {
    const p = app.page;
    await p.setViewportSize({ width: 1366, height: 768 });
    await completeSetup(p);
    const client = await counselorClient(app.core);
    await client.calendar.saveTerm({ name: '本学期', startDate: schoolDate(-30), endDate: schoolDate(60) });
    await client.rooms.create({ name: '心理辅导室', zoneType: 'individual', areaM2: 15, capacity: 3 });
    // 40 students, both consents in, the first 29 PHQ-9 forms typed earlier and left open.
    const { id: campaignId, participants } = await largeClassScreening(client, SCREENING, '6班', 40, 29, ['phq9', 'gad7']);
    const thirtieth = participants[29]!;
    const first = participants[0]!;

    // PHQ-9 first: the scale the class still has to take is offered.
    await openScreening(p, SCREENING);
    await p.getByRole('button', { name: '纸笔录入' }).click();
    const ask = p.getByRole('dialog', { name: '纸笔录入：初二6班' });
    await ask.getByText('患者健康问卷-9（PHQ-9）').waitFor();
    await ask.getByRole('button', { name: '开始录入' }).click();
    await p.getByRole('gridcell', { name: `${thirtieth.name} 第1题` }).click();
    await p.keyboard.type('000000001');
    const banner = p.getByRole('alert').filter({ hasText: `危急预警：${thirtieth.name} 第9题` });
    await banner.waitFor();
    // The row and its item-9 cell are marked in words, not colour alone, and the banner is in view down there.
    await p.getByRole('row', { name: `${thirtieth.name}，危急预警 第9题` }).waitFor();
    await p.getByRole('gridcell', { name: new RegExp(`^${thirtieth.name} 第9题.*危急`) }).waitFor();
    const box = (await banner.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);

    // Handling it as 已建危机个案 opens the crisis case in the same step.
    await banner.getByRole('button', { name: '确认处理' }).click();
    const handle = p.getByRole('dialog', { name: new RegExp(thirtieth.name) });
    await handle.getByLabel('已建危机个案').check();
    await handle.getByRole('button', { name: /保\s*存/ }).click();
    await p.getByText('已转危机个案').first().waitFor();
    await p.getByRole('row', { name: `${thirtieth.name}，危急预警 第9题（已处理）` }).waitFor();
    // The 29 forms typed earlier and this one are finished together.
    await p.getByRole('button', { name: '全部完成' }).click();
    await expect.poll(async () => (await client.campaigns.summary({ id: campaignId })).scales[0]!.byGrade[0]!.screened).toBe(30);
    const [alert] = (await client.assessments.ofStudent({ studentId: thirtieth.studentId })).items.flatMap((f) => f.alerts);
    expect(alert).toMatchObject({ action: 'crisisCase', caseId: expect.any(String) });
    expect(await client.cases.get({ id: alert!.caseId! })).toMatchObject({ studentId: thirtieth.studentId, categories: ['crisis'], sourceNote: 'PHQ-9 第 9 题' });
    await settled(p);
    await p.keyboard.press('Escape');
    await modalsGone(p);

    // GAD-7 in the same grid for the first student: still pending for that scale though PHQ-9 has begun.
    await p.getByRole('button', { name: '纸笔录入' }).click();
    await ask.getByRole('combobox').click();
    await p.locator('.ant-select-item-option[title="广泛性焦虑量表-7（GAD-7）"]').click();
    await ask.getByRole('button', { name: '开始录入' }).click();
    await p.getByRole('gridcell', { name: `${first.name} 第1题` }).click();
    await p.keyboard.type('3333333');
    await p.getByRole('button', { name: '全部完成' }).click();
    await expect.poll(async () => (await client.assessments.ofStudent({ studentId: first.studentId, scaleId: 'gad7' })).items[0]?.status).toBe('completed');
    await settled(p);
    await p.keyboard.press('Escape');
    await modalsGone(p);

    // 分流: the crisis student says 已建个案; a talk is booked from the GAD-7 student's row.
    await p.getByRole('tab', { name: '分流' }).click();
    const triage = p.getByRole('tabpanel', { name: '分流' });
    const rowOf = (name: string) => triage.locator('tr.ant-table-row').filter({ has: p.getByText(name, { exact: true }) });
    await rowOf(thirtieth.name).getByText('已建个案').waitFor();
    await rowOf(first.name).getByRole('button', { name: '预约面谈' }).click();
    const booking = p.getByRole('dialog', { name: '新建预约' });
    await booking.getByText(first.name).first().waitFor();
    await booking.getByRole('button', { name: /^预\s*约$/ }).click();
    await p.getByText(/^已预约面谈：/).waitFor();
    const booked = await client.appointments.list({ from: schoolDate(-1), to: schoolDate(30), studentId: first.studentId });
    expect(booked.items).toMatchObject([{ source: 'screening', status: 'confirmed' }]);

    // The summary counts each scale: PHQ-9 for the thirty typed, GAD-7 for the one.
    await p.getByRole('tab', { name: '汇总' }).click();
    const summary = p.getByRole('tabpanel', { name: '汇总' });
    await summary.getByText('患者健康问卷-9（PHQ-9）：按结果分段').waitFor();
    await summary.getByText('广泛性焦虑量表-7（GAD-7）：按结果分段').waitFor();
    const exact = await client.campaigns.summary({ id: campaignId });
    expect(exact.scales.map((s) => [s.scaleId, s.byGrade[0]!.screened])).toEqual([
      ['phq9', 30],
      ['gad7', 1],
    ]);

    // The crisis case is there on 我的个案, its 来源 in the paper form's words.
    await p.getByRole('menuitem', { name: '我的个案' }).click();
    await p.getByRole('listitem').filter({ hasText: thirtieth.name }).filter({ hasText: '危机' }).first().click();
    await p.getByRole('heading', { name: `个案：${thirtieth.name}` }).waitFor();
    await p.getByText('筛查跟进 · PHQ-9 第 9 题').waitFor();
  });
});
