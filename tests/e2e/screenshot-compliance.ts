/**
 * The compliance checklist run and the first page of its printed report
 * (docs/screenshots/compliance-run.png, compliance-report-1.png) on a fresh archive, without the
 * whole walk-through of screenshots.ts.
 *
 *   npm run build:renderer && npx tsx tests/e2e/screenshot-compliance.ts
 */
import { PNG_1PX } from '../helpers/compliance';
import { evidenceTaskAndSign, principalOnSeededSchool, runNational } from './compliance-flows';
import { settled, startApp } from './harness';
import { printedText, stubPrint } from './print';

const app = await startApp();
try {
  const p = app.page;
  await principalOnSeededSchool(app);
  await runNational(p);
  await evidenceTaskAndSign(p, Buffer.from(PNG_1PX, 'base64'));
  // The picture shows the run, not a passing toast or an animation.
  await p.waitForFunction(() => !document.querySelector('.ant-message-notice'));
  // The automatic items (zones and areas, opening) rather than the first manual ones.
  await p.locator('tr[data-row-key="SITE-05"]').evaluate((row) => row.scrollIntoView({ block: 'start' }));
  await settled(p);
  await p.screenshot({ path: 'docs/screenshots/compliance-run.png' });
  await stubPrint(p);
  await p.getByRole('button', { name: '打印报告' }).click();
  await printedText(p, app.dataDir, 'compliance-print', 'docs/screenshots/compliance-report');
} finally {
  await app.close();
}
