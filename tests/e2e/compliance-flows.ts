import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { createClient } from '../../shared/api/client';
import type { CounselClient } from '../../shared/api/contract';
import { seedComplianceSchool } from '../helpers/compliance';
import { OWN_PASSPHRASE, STUDENT } from '../helpers/counseling';
import { counselorClient } from './assessments-flows';
import { completeSetup } from './flows';
import { settled, type E2eApp } from './harness';

export const NATIONAL = '中小学心理辅导室建设指南（2015）';

/**
 * A school set up in the browser and filled through the dispatcher (rooms, a term with a 调休
 * Saturday, openings, a counseling teacher, a signed record; the individual room 9.9 m²), then
 * the principal logged in: the page shows the checklist, the principal's home. Returns the
 * counselor's client for reading what the app stored.
 */
export async function principalOnSeededSchool(app: E2eApp): Promise<CounselClient> {
  const p = app.page;
  await completeSetup(p);
  const client = await counselorClient(app.core);
  const student = await client.students.create(STUDENT);
  await seedComplianceSchool(client, student.id, { individualArea: 9.9 });
  await client.users.create({ username: 'lixiaozhang', displayName: '李校长', role: 'principal', passphrase: 'initial-pass-2024' });
  const conn = app.core.connect('test');
  const principal = createClient((m, i) => conn.call(m, i));
  await principal.auth.login({ username: 'lixiaozhang', passphrase: 'initial-pass-2024' });
  await principal.auth.changePassphrase({ current: 'initial-pass-2024', next: OWN_PASSPHRASE });
  await conn.close();

  await p.getByRole('button', { name: '退出登录' }).click();
  await p.getByLabel('用户名').fill('lixiaozhang');
  await p.getByLabel('口令', { exact: true }).fill(OWN_PASSPHRASE);
  await p.getByRole('button', { name: /登\s*录/ }).click();
  await p.getByRole('heading', { name: '心理辅导室达标自查' }).waitFor();
  return client;
}

/** 开始自查 of the national pack: the automatic items are filled when the run opens. */
export async function runNational(p: Page): Promise<void> {
  await p.getByRole('button', { name: /开始自查/ }).click();
  await p.getByRole('heading', { name: NATIONAL }).waitFor();
  await p.getByTestId('figure-ZONE-05').waitFor();
  await settled(p);
}

/** A photo attached to a manual item (SITE-02), a fix task on the failing ZONE-05, then the sign-off. */
export async function evidenceTaskAndSign(p: Page, photo: Buffer): Promise<void> {
  await p.locator('tr[data-row-key="SITE-02"] input[type=file]').setInputFiles({ name: '辅导室环境.png', mimeType: 'image/png', buffer: photo });
  await p.locator('tr[data-row-key="SITE-02"]').getByText('辅导室环境.png').waitFor();

  await p.getByRole('button', { name: '列入整改 ZONE-05' }).click();
  const task = p.getByRole('dialog').filter({ hasText: '将 ZONE-05 列入整改' });
  await task.getByLabel('负责人').fill('总务处');
  await settled(p);
  await task.getByRole('button', { name: /保\s*存/ }).click();
  await task.waitFor({ state: 'hidden' });
  await p.locator('tr[data-row-key="ZONE-05"]').getByText(/整改清单：.*总务处/).waitFor();

  await p.getByRole('button', { name: '签署确认' }).click();
  const sign = p.getByRole('dialog').filter({ hasText: '签署本次自查' });
  expect(await sign.getByLabel('签署人').inputValue()).toBe('李校长');
  await settled(p);
  await sign.getByRole('button', { name: '签署确认' }).click();
  await sign.waitFor({ state: 'hidden' });
  await p.getByText(/^李校长 于 \d{4}-\d{2}-\d{2} 签署$/).first().waitFor();
}
