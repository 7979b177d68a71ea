/**
 * The marked paper grid alone (docs/screenshots/paper-grid-marked.png) at 1366×768, on a fresh
 * archive, without the whole walk-through of screenshots.ts.
 *
 *   npm run build:renderer && npx tsx tests/e2e/screenshot-paper-grid.ts
 */
import { counselorClient } from './assessments-flows';
import { markedClassGrid } from './campaigns-flows';
import { completeSetup } from './flows';
import { settled, startApp } from './harness';

const app = await startApp();
try {
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await completeSetup(app.page);
  await markedClassGrid(app.page, await counselorClient(app.core));
  // The picture shows the grid, not a passing toast or an animation.
  await app.page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
  await settled(app.page);
  await app.page.screenshot({ path: 'docs/screenshots/paper-grid-marked.png' });
} finally {
  await app.close();
}
