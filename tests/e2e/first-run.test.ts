import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAvailable, startApp, type E2eApp } from './harness';
import type { Page } from 'playwright-core';
import { addStudentByHand, completeSetup, E2E_PASS } from './flows';

const PASS = E2E_PASS;
const available = e2eAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (available) app = await startApp();
});
afterAll(async () => app?.close());

async function setup(p: Page): Promise<void> {
  await completeSetup(p, {
    // A wrong key is refused: the wizard does not let anyone skip writing it down.
    tryWrongKey: async () => {
      await p.getByLabel('恢复密钥').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
      await p.getByRole('button', { name: '确认并进入' }).click();
      await p.getByText(/不一致|不正确|无效/).first().waitFor();
      expect(await p.getByRole('heading', { name: '学生名册' }).count()).toBe(0);
    },
  });
}

describe.skipIf(!available)('first run in a real browser', () => {
  it('setup → login → add a student → import with a bad row → fix → import → lock → unlock', async () => {
    const p = app.page;
    await setup(p);

    await p.getByRole('button', { name: '退出登录' }).click();
    await p.getByLabel('用户名').fill('wanglaoshi');
    await p.getByLabel('口令').fill('not the passphrase');
    await p.getByRole('button', { name: /登\s*录/ }).click();
    await p.getByText('用户名或口令不正确').waitFor();
    await p.getByLabel('口令').fill(PASS);
    await p.getByRole('button', { name: /登\s*录/ }).click();
    await p.getByRole('heading', { name: '我的个案' }).waitFor();
    await p.getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('heading', { name: '学生名册' }).waitFor();

    await addStudentByHand(p, { studentNo: '20249999', name: '林晓雨', sex: '男', grade: '初一', className: '1班' });

    await p.getByRole('button', { name: '导入名册' }).click();
    await p.locator('input[type=file]').setInputFiles('tests/fixtures/roster/roster-one-bad-row.xlsx');
    await p.getByRole('cell', { name: '性别应为 男 或 女' }).waitFor();
    const issueRows = p.getByRole('row').filter({ hasText: '未知' });
    expect(await issueRows.count()).toBe(1);
    expect(await issueRows.first().getByRole('cell').first().textContent()).toBe('7');
    await p.screenshot({ path: 'test-results/e2e-import-errors.png' });
    expect(await p.getByRole('button', { name: /^导\s*入$/ }).isDisabled()).toBe(true);

    await p.locator('input[type=file]').setInputFiles('tests/fixtures/roster/roster-ok.xlsx');
    await expect.poll(() => p.getByRole('button', { name: /^导\s*入$/ }).isDisabled()).toBe(false);
    await p.getByRole('button', { name: /^导\s*入$/ }).click();
    await p.getByText(/新增 10/).waitFor();

    await p.getByRole('button', { name: /锁\s*定/ }).click();
    await p.getByLabel('口令').fill(PASS);
    await p.getByRole('button', { name: /解\s*锁/ }).click();
    await p.getByRole('menuitem', { name: '学生名册' }).click();
    await p.getByRole('searchbox', { name: '搜索' }).fill('lxy');
    // The header row plus exactly the one student: the search really ran against the archive.
    await expect.poll(() => p.getByRole('row').count()).toBe(2);
    await p.getByRole('cell', { name: '林晓雨' }).waitFor();
    await p.screenshot({ path: 'test-results/e2e-first-run.png' });
  });
});
