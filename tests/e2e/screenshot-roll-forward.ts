/**
 * The 学年升级 dialog with its warnings (docs/screenshots/roll-forward-warnings.png) at 1366×768, on
 * a fresh archive: mid-term, a closed 初二 screening with a re-screen booked, a 初三 student with an
 * open case, and a 初一 screening still open.
 *
 *   npm run build:renderer && npx tsx tests/e2e/screenshot-roll-forward.ts
 */
import { completePhq9, phq9Codes } from '../helpers/screening';
import { addStudents, counselorClient } from './assessments-flows';
import { rollForwardWithWarnings, screenGrade8 } from './campaigns-flows';
import { completeSetup } from './flows';
import { schoolDate } from './groups-flows';
import { settled, startApp } from './harness';

const app = await startApp();
try {
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await completeSetup(app.page);
  const client = await counselorClient(app.core);
  const grade8 = await addStudents(client, ['周子涵', '吴佳怡', '陈思远']);
  const campaign = await screenGrade8(client, '初二秋季心理普测');
  await client.campaigns.setConsent({ id: campaign, entries: grade8.map((studentId) => ({ studentId, studentConsent: 'given', guardianConsent: 'given' })) });
  for (const [i, studentId] of grade8.entries()) await completePhq9(client, { studentId, campaignId: campaign }, phq9Codes([16, 4, 6][i]!));
  const leaving = await client.students.create({ studentNo: '20220101', name: '林晓雨', sex: 'F', grade: 9, className: '1班' });
  await client.cases.open({ studentId: leaving.id, source: 'walkIn', categories: ['study'], goals: '升学压力' });
  for (const [no, className] of [['20250101', '1班'], ['20250102', '2班']] as const) {
    await client.students.create({ studentNo: no, name: `新生${no.slice(-1)}`, sex: 'M', grade: 7, className });
  }
  await client.campaigns.create({ name: '初一入学心理普测', scales: [{ scaleId: 'phq9' }], grades: [7], startDate: schoolDate(2), endDate: schoolDate(9) });
  await rollForwardWithWarnings(app.page, client, '初二秋季心理普测', campaign);
  await app.page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
  await settled(app.page);
  await app.page.screenshot({ path: 'docs/screenshots/roll-forward-warnings.png' });
} finally {
  await app.close();
}
