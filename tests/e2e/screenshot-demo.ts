/**
 * The demo school as a newcomer meets it (docs/screenshots/demo-*.png), at 1366×768: the
 * counselor's home, the roster, a student's archive, the crisis board, and the principal's
 * checklist. Run on the folder `npm run demo` filled:
 *
 *   npm run demo && npm run build:renderer && npx tsx tests/e2e/screenshot-demo.ts [--data DIR]
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { createClient } from '../../shared/api/client';
import { DEMO_ACCOUNTS } from '../../electron/demo/school';
import { defaultDemoDir, isDemoFolder } from '../../electron/platform/demo-folder';
import { settled, startApp } from './harness';

const { values } = parseArgs({ options: { data: { type: 'string' } }, strict: true });
const dataDir = values.data ?? defaultDemoDir();
if (!isDemoFolder(dataDir)) {
  process.stderr.write(`${dataDir} is not a demo folder: run npm run demo first\n`);
  process.exit(1);
}

async function login(p: Page, who: { username: string; passphrase: string }) {
  await p.getByLabel('用户名').fill(who.username);
  await p.getByLabel('口令', { exact: true }).fill(who.passphrase);
  await p.getByRole('button', { name: /登\s*录/ }).click();
}

/** The picture shows the page at rest: no spinner, animation or passing toast. */
async function shoot(p: Page, name: string) {
  await p.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-message-notice'));
  await settled(p);
  await p.screenshot({ path: `docs/screenshots/demo-${name}.png` });
}

const app = await startApp({ dataDir, viewport: { width: 1366, height: 768 } });
try {
  const p = app.page;
  await login(p, DEMO_ACCOUNTS.counselor);
  await p.getByRole('heading', { name: '我的个案' }).waitFor();
  await shoot(p, 'counselor-home');

  await p.getByRole('menuitem', { name: '学生名册' }).click();
  await p.getByRole('heading', { name: '学生名册' }).waitFor();
  await shoot(p, 'roster');

  await p.getByRole('menuitem', { name: '危机干预' }).click();
  await p.locator('[data-testid="board-assess"]').first().waitFor();
  await shoot(p, 'crisis-board');

  // A student whose archive has a bit of everything: two screenings, a crisis case referred to hospital.
  const conn = app.core.connect('test');
  const c = createClient((m, i) => conn.call(m, i));
  await c.auth.login({ username: DEMO_ACCOUNTS.counselor.username, passphrase: DEMO_ACCOUNTS.counselor.passphrase });
  const name = (await c.crisis.board({})).items.find((i) => i.reason.includes('家长来电'))!.studentName;
  await conn.close();

  await p.getByRole('menuitem', { name: '学生名册' }).click();
  await p.getByPlaceholder(/姓名|学号/).first().fill(name);
  await p.getByRole('cell', { name, exact: true }).first().click();
  await p.getByRole('button', { name: '一生一档' }).click();
  await p.getByRole('heading', { name: `一生一档：${name}` }).waitFor();
  await shoot(p, 'archive');

  await p.getByRole('button', { name: '退出登录' }).click();
  await login(p, DEMO_ACCOUNTS.principal);
  await p.getByRole('heading', { name: '心理辅导室达标自查' }).waitFor();
  await shoot(p, 'compliance');
} finally {
  await app.close();
}
