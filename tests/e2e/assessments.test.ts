import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { completePhq9, phq9Codes } from '../helpers/screening';
import { acknowledgeCritical, addStudents, answerWithItem9AtOne, CALM, choosePhq9, closeKiosk, counselorClient, finishAfterAlert, openDesk, startPhq9, studentsWithConsent } from './assessments-flows';
import { giveListConsent, openScreening, participantRow, rollForwardWithWarnings, screenGrade8, triageQueue } from './campaigns-flows';
import { completeSetup } from './flows';
import { e2eAvailable, startApp, type E2eApp, modalsGone } from './harness';

const available = e2eAvailable();
let app: E2eApp;
let client: CounselClient;
let ids: string[] = [];

beforeAll(async () => {
  if (!available) return;
  app = await startApp();
  await completeSetup(app.page);
  client = await counselorClient(app.core);
  ids = await studentsWithConsent(client, ['陈思远', '林晓雨']);
});
afterAll(async () => app?.close());

describe.skipIf(!available)('administering a scale in a real browser', () => {
  it('PHQ-9 on the kiosk: item 9 = 1 reaches the counselor’s other screen before the form ends; acknowledged there, the student finishes', async () => {
    const kiosk = app.page;
    const desk = await openDesk(app);
    await desk.getByText('待处理预警（0）').waitFor();

    await startPhq9(kiosk, '陈思远', '屏幕作答');
    await answerWithItem9AtOne(kiosk);
    expect(await kiosk.getByTestId('kiosk').textContent()).not.toMatch(/分|危急|预警|关注|复核/);
    // Escape and back do not leave the kiosk.
    await kiosk.keyboard.press('Escape');
    // Back, as the browser's button does it; the kiosk answers the popstate by pushing its page again,
    // so the wait is for that event to have been handled (the kiosk's listener runs first), not for a
    // navigation that never comes.
    const at = kiosk.url();
    await kiosk.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.addEventListener('popstate', () => resolve(), { once: true });
          window.history.back();
        }),
    );
    await kiosk.getByText(CALM).waitFor();
    expect(kiosk.url()).toBe(at);

    // The form is still open, and the alert is on the counselor's home screen.
    expect((await client.assessments.ofStudent({ studentId: ids[0]! })).items[0]).toMatchObject({ status: 'inProgress' });
    await acknowledgeCritical(desk, '陈思远');
    await desk.getByText('待处理预警（0）').waitFor();

    // At the kiosk the counselor sees it handled and lets the student finish.
    await finishAfterAlert(kiosk);
    const [form] = (await client.assessments.ofStudent({ studentId: ids[0]! })).items;
    expect(form).toMatchObject({ status: 'completed', mode: 'kiosk' });
    expect(form!.alerts).toMatchObject([{ severity: 'critical', action: 'talkedNow' }]);
    await closeKiosk(kiosk);
    await desk.close();
  });

  it('paper entry: typing 1 for PHQ-9 item 9 raises the same alert on the keystroke', async () => {
    const p = app.page;
    await startPhq9(p, '林晓雨', '纸笔录入');
    const grid = p.getByRole('grid');
    // The grid opens with the keys in its first cell, not on the dialog's ×.
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('林晓雨 第1题');
    await p.keyboard.type('00000000');
    await grid.getByRole('gridcell', { name: '林晓雨 第9题' }).waitFor();
    expect(await p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('林晓雨 第9题');
    // Nothing raised in the grid yet (the shell's banner may still show the first test's alert until its next poll).
    expect(await p.locator('.ant-modal').getByRole('alert').count()).toBe(0);
    await p.keyboard.type('1');
    await p.getByRole('alert').filter({ hasText: '危急预警：林晓雨 第9题' }).waitFor();
    const open = (await client.alerts.open({})).items;
    expect(open).toMatchObject([{ studentId: ids[1], severity: 'critical', items: ['phq9_9'] }]);
    expect((await client.assessments.ofStudent({ studentId: ids[1]! })).items[0]).toMatchObject({ status: 'inProgress', mode: 'paper' });
    // Closing the grid with the alert open asks first; "later" is recorded, the form stays in
    // progress, and the page is free for what comes next.
    await p.keyboard.press('Escape');
    const prompt = p.getByRole('dialog', { name: '这份测评还有未处理的预警' });
    await prompt.getByRole('button', { name: '稍后处理' }).click();
    await modalsGone(p);
    expect((await client.alerts.open({})).items).toMatchObject([{ studentId: ids[1], deferredAt: expect.any(Number) }]);
  });

  it('a screening: consent on its list, the kiosk started from the student’s row, the alert handled before the end, and 分流 lists the student first', async () => {
    const p = app.page;
    const [student, flagged] = await addStudents(client, ['周子涵', '吴佳怡'], 3);
    const campaignId = await screenGrade8(client, '期中心理普测');
    // Flagged by a high total, item 9 untouched: in triage, but not critical.
    await client.campaigns.setConsent({ id: campaignId, entries: [{ studentId: flagged!, studentConsent: 'given', guardianConsent: 'given' }] });
    await completePhq9(client, { studentId: flagged!, campaignId }, phq9Codes(16));

    await openScreening(p, '期中心理普测');
    await giveListConsent(p, '周子涵');
    const desk = await openDesk(app);
    await participantRow(p, '周子涵').getByRole('button', { name: '开始施测' }).click();
    await choosePhq9(p, '屏幕作答');
    await answerWithItem9AtOne(p);
    const [form] = (await client.assessments.ofStudent({ studentId: student! })).items;
    expect(form).toMatchObject({ status: 'inProgress', mode: 'kiosk', campaignId });
    await acknowledgeCritical(desk, '周子涵');
    await desk.close();
    await finishAfterAlert(p);
    await closeKiosk(p);

    expect((await client.assessments.ofStudent({ studentId: student! })).items).toMatchObject([{ status: 'completed', campaignId, alerts: [{ severity: 'critical', action: 'talkedNow' }] }]);
    await participantRow(p, '周子涵').getByText('已完成', { exact: true }).waitFor();
    expect(await triageQueue(p)).toEqual([
      ['危机预警', '周子涵'],
      ['需关注', '吴佳怡'],
    ]);
  });

  it('学年升级 in term time warns first; once run, the closed 初二 screening’s summary still says 初二', async () => {
    const p = app.page;
    const [campaign] = (await client.campaigns.list({})).items.filter((c) => c.name === '期中心理普测');
    const warnings = await rollForwardWithWarnings(p, client, '期中心理普测', campaign!.id);
    expect(await warnings.textContent()).toContain('学期“本学期”尚未结束');
    const dialog = p.getByRole('dialog', { name: '学年升级' });
    expect(await dialog.getByRole('button', { name: '执行升级' }).isDisabled()).toBe(true);

    await warnings.getByRole('checkbox', { name: '我已了解以上情况，仍要升级' }).check();
    await dialog.getByRole('button', { name: '执行升级' }).click();
    await p.getByRole('dialog', { name: '确认执行升级？' }).getByRole('button', { name: '执行升级' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await client.students.get({ id: (await client.campaigns.get({ id: campaign!.id })).participants[0]!.studentId })).grade).toBe(9);

    await p.getByRole('menuitem', { name: '心理普测' }).click();
    await p.getByText('期中心理普测', { exact: true }).click();
    await p.getByRole('tab', { name: '汇总' }).click();
    const byGrade = p.getByRole('tabpanel', { name: '汇总' }).locator('table').first();
    await byGrade.getByRole('cell', { name: '初二', exact: true }).waitFor();
    expect(await byGrade.getByRole('cell', { name: '初三', exact: true }).count()).toBe(0);
  });
});
