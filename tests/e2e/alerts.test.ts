import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { answerWithItem9AtOne, counselorClient, openDesk, startPhq9, studentsWithConsent, unlockKiosk } from './assessments-flows';
import { completeSetup, E2E_PASS } from './flows';
import { e2eAvailable, settled, startApp, type E2eApp } from './harness';
import { printedText, stubPrint } from './print';

const available = e2eAvailable();
let app: E2eApp;
let client: CounselClient;
let studentId = '';

const NAME = '陈思远';
/** Longer than the timeline's 40-character excerpt: the export must carry all of it. */
const CONTACT = '与母亲电话沟通：孩子近两周在家睡眠差，周末不愿出门，容易发脾气；母亲同意本周五到校面谈，并会留意孩子的手机使用和情绪变化。';
const HANDLING = '课间当面约谈，学生表示没有具体计划，已制定安全计划并电话告知母亲。';
const SHOTS = 'test-results';

beforeAll(async () => {
  if (!available) return;
  app = await startApp();
  await completeSetup(app.page);
  client = await counselorClient(app.core);
  studentId = (await studentsWithConsent(client, [NAME]))[0]!;
  await client.consents.record({ studentId, scope: 'counseling', party: 'guardian', outcome: 'given', date: '2025-03-10', form: 'verbal', note: '母亲电话同意' });
  await client.contacts.create({ studentId, contactDate: '2025-03-11', withKind: 'guardian', channel: 'phone', summary: CONTACT, agreedActions: '周五到校面谈' });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => app?.close());

describe.skipIf(!available)('a critical answer is never out of view', () => {
  it('kiosk item 9 → badge and banner on the other screen → finishing asks → later → re-login lands on 我的个案 → handled → archive and referral PDF carry it all', async () => {
    const kiosk = app.page;
    await kiosk.setViewportSize({ width: 1366, height: 768 });
    await startPhq9(kiosk, NAME, '屏幕作答');
    const desk = await openDesk(app);
    await desk.setViewportSize({ width: 1366, height: 768 });
    await answerWithItem9AtOne(kiosk);

    // The counselor's other screen, on another page than 我的个案: badge and banner, before the form ends.
    await desk.bringToFront();
    await desk.getByRole('menuitem', { name: '学生名册' }).click();
    const banner = desk.getByTestId('alert-banner');
    await banner.getByText('有 1 条危急或紧急预警尚未处理').waitFor();
    await banner.getByText(new RegExp(`危急 · ${NAME} · `)).waitFor();
    await desk.getByLabel('1 条预警待处理').waitFor();
    expect((await client.assessments.ofStudent({ studentId })).items[0]).toMatchObject({ status: 'inProgress' });
    await desk.screenshot({ path: join(SHOTS, 'alert-banner.png') });
    await desk.close();

    // At the kiosk: 结束并保存 with the alert open asks first; the counselor chooses later.
    await kiosk.bringToFront();
    await unlockKiosk(kiosk);
    await kiosk.getByText(/^第9题“.+”：学生选择“有几天”$/).waitFor();
    await kiosk.getByRole('button', { name: '结束并保存' }).click();
    const prompt = kiosk.getByRole('dialog', { name: '这份测评还有未处理的预警' });
    await prompt.waitFor();
    // A click while antd still animates the dialog in can go unheard.
    await settled(kiosk);
    await prompt.getByRole('button', { name: '稍后处理' }).click();
    await kiosk.getByTestId('kiosk').waitFor({ state: 'detached' });
    const [form] = (await client.assessments.ofStudent({ studentId })).items;
    expect(form).toMatchObject({ status: 'completed', alerts: [expect.objectContaining({ acknowledgedAt: null, deferredAt: expect.any(Number) })] });

    // Log out and in: the app lands on 我的个案 with the banner.
    const p = kiosk;
    await p.getByRole('button', { name: '退出登录' }).click();
    await p.getByLabel('用户名').fill('wanglaoshi');
    await p.getByLabel('口令').fill(E2E_PASS);
    await p.getByRole('button', { name: /登\s*录/ }).click();
    await p.getByRole('heading', { name: '我的个案' }).waitFor();
    await p.getByTestId('alert-banner').getByText('有 1 条危急或紧急预警尚未处理').waitFor();

    // Handled from the list: the banner goes.
    const item = p.locator('.ant-card', { hasText: /^待处理预警/ }).locator('.ant-list-item', { hasText: NAME });
    await item.getByRole('button', { name: /^处\s*理$/ }).click();
    const ack = p.getByRole('dialog', { name: `处理预警：${NAME}` });
    await ack.waitFor();
    await settled(p);
    await ack.getByLabel('已当面约谈').check();
    await ack.getByLabel('说明').fill(HANDLING);
    await ack.getByRole('button', { name: /^保\s*存$/ }).click();
    await ack.waitFor({ state: 'detached' });
    await p.getByTestId('alert-banner').waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });

    // The archive shows the assessment and the handling, each with its time.
    await p.getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('cell', { name: NAME }).click();
    await p.getByRole('button', { name: '一生一档' }).click();
    await p.getByRole('heading', { name: `一生一档：${NAME}` }).waitFor();
    const rows = p.locator('tbody tr');
    const handledRow = rows.filter({ hasText: '预警处理' });
    await handledRow.getByText(HANDLING.slice(0, 20)).waitFor();
    expect(await handledRow.locator('td').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const assessmentRow = rows.filter({ hasText: '心理测评' });
    await assessmentRow.getByText('得分 1').waitFor();
    await assessmentRow.getByText('暂无需关注').waitFor();
    await rows.filter({ hasText: /^.*预警.*危急/ }).first().waitFor();
    await p.screenshot({ path: join(SHOTS, 'archive-timeline-alerts.png'), fullPage: true });

    // The 危急 tag of the 测评 tab opens the alert with its handling.
    await p.getByRole('tab', { name: '测评' }).click();
    await p.getByRole('button', { name: /危急 · 已当面约谈/ }).click();
    const detail = p.getByRole('dialog', { name: /^预警：/ });
    await detail.getByText(HANDLING).waitFor();
    await detail.getByRole('button', { name: 'Close' }).or(detail.getByRole('button', { name: '关闭' })).first().click();
    await p.getByRole('tab', { name: '时间线' }).click();

    // The referral export: the PDF Chromium prints holds what the screen shows, in full.
    await stubPrint(p);
    await p.getByRole('button', { name: '导出 PDF' }).click();
    await p.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    // pdftotext reads a wrapped cell line by line across the row, so the 记录人 column's name can land
    // inside a neighbouring cell's text: it is taken out before looking for whole phrases.
    const text = (await printedText(p, app.dataDir, 'archive-print', join(SHOTS, 'referral-export'))).replaceAll('王老师', '');
    for (const expected of [
      '示例市第一中学',
      NAME,
      '用途：转介',
      '日期时间类别内容记录人',
      // Consents: scope, party, outcome, form and note.
      '心理辅导·监护人·同意·口头',
      '备注：母亲电话同意',
      '心理测评·学生·同意·书面',
      CONTACT,
      '周五到校面谈',
      // The PHQ-9 with its total and neutral band; the alert and its handling.
      '患者健康问卷-9（PHQ-9）·得分1·暂无需关注',
      '危急·已当面约谈',
      `处理说明：${HANDLING}`,
      '保密',
      '第1页',
    ]) {
      expect(text, expected).toContain(expected.replace(/\s+/g, ''));
    }
  });
});
