/**
 * Takes the zh-CN screenshots in docs/screenshots from the real app: a fresh core on a temp
 * archive, the loopback bridge serving the built renderer, and Debian's Chromium.
 *
 *   npm run build:renderer && npx tsx tests/e2e/screenshots.ts
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writeSignedRecord } from './counseling-flows';
import { completeSetup, E2E_PASS } from './flows';
import { startApp } from './harness';

const OUT = 'docs/screenshots';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  // Let toasts and drawers settle so the picture shows the screen, not an animation.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
}

const app = await startApp();
const page = app.page;
try {
  await completeSetup(page, {
    onScreen: async (name) => {
      await shot(page, name);
      if (name === 'setup-recovery-key') {
        // What window.print() puts on paper: only the key, the school and the date.
        await page.emulateMedia({ media: 'print' });
        await shot(page, 'setup-recovery-key-print');
        await page.emulateMedia({ media: 'screen' });
      }
    },
  });

  await page.getByRole('button', { name: '导入名册' }).click();
  await page.locator('input[type=file]').setInputFiles('tests/fixtures/roster/roster-one-bad-row.xlsx');
  await page.getByRole('cell', { name: '性别应为 男 或 女' }).waitFor();
  await shot(page, 'import-preview-errors', true);

  await page.locator('input[type=file]').setInputFiles('tests/fixtures/roster/roster-ok.xlsx');
  await page.getByText('没有发现问题，可以导入。').waitFor();
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await page.getByRole('cell', { name: '欧阳娜娜' }).waitFor();
  // The "导入完成" toast would cover the header.
  await page.getByText(/导入完成/).waitFor({ state: 'detached' });
  await shot(page, 'roster');

  await page.getByRole('switch', { name: '隐私遮挡' }).click();
  await shot(page, 'roster-privacy-mask');
  await page.getByRole('switch', { name: '隐私遮挡' }).click();

  await page.getByRole('button', { name: '新增学生' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await shot(page, 'student-form-errors');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /锁\s*定/ }).click();
  await page.getByLabel('口令').waitFor();
  await shot(page, 'lock-screen');

  // A new recovery key issued from 设置 and closed before it was typed back: the shell keeps
  // a reminder above every page until the key is checked.
  await page.getByLabel('口令').fill(E2E_PASS);
  await page.getByRole('button', { name: /解\s*锁/ }).click();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '重新生成恢复密钥' }).click();
  await page.getByLabel('你的口令').fill(E2E_PASS);
  await page.getByRole('button', { name: '生成新的恢复密钥' }).click();
  await page.getByRole('button', { name: '我已抄写并妥善保管' }).waitFor();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await page.getByRole('menuitem', { name: '学生名册' }).click();
  await page.getByText('恢复密钥尚未核对').waitFor();
  await page.getByRole('cell', { name: '欧阳娜娜' }).waitFor();
  await shot(page, 'recovery-key-banner');

  // Counseling: the record form as filled in (autosaved), then the archive and the caseload.
  await writeSignedRecord(page, { onScreen: (name) => shot(page, name, true) });
  await page.getByRole('button', { name: /^返\s*回$/ }).click();
  await page.getByRole('button', { name: '新建记录' }).click();
  await page.getByLabel('现状').fill('情绪较上次平稳，睡眠改善。');
  await page.getByText(/^已保存 /).waitFor({ timeout: 10_000 });
  await page.getByRole('menuitem', { name: '学生名册' }).click();
  await page.getByRole('cell', { name: '林晓雨' }).click();
  await page.getByRole('button', { name: '一生一档' }).click();
  await page.getByRole('heading', { name: '一生一档：林晓雨' }).waitFor();
  await page.locator('tbody').getByText('补充说明', { exact: true }).waitFor();
  await shot(page, 'archive-timeline');
  await page.getByRole('menuitem', { name: '我的个案' }).click();
  await page.getByText(/^进行中的个案/).waitFor();
  await shot(page, 'caseload');
} finally {
  await app.close();
}
