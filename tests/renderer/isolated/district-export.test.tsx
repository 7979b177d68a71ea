// @vitest-environment jsdom
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { expect, onTestFinished, test, vi } from 'vitest';
import type * as PackageCrypto from '../../../electron/services/district/package-crypto';
import { startDistrict } from '../../helpers/district';
import { STUDENT } from '../../helpers/counseling';
import { findDialog, messageShown, openApp, pickOption } from '../harness';

// See district.test.tsx: @noble checks bytes against Node's Uint8Array, which jsdom replaces.
globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;

/**
 * A package this small is sealed and written in a few milliseconds, far quicker than anyone
 * presses a button; a slow USB stick is not. The test holds the sealing step open while it
 * presses 取消写出, as the stick would, and lets it go after.
 */
const seal = vi.hoisted(() => ({ hold: null as Promise<void> | null }));
vi.mock('../../../electron/services/district/package-crypto', async (importOriginal) => {
  const real = await importOriginal<typeof PackageCrypto>();
  return {
    ...real,
    sealPackage: async (...args: Parameters<typeof real.sealPackage>) => {
      if (seal.hold) await seal.hold;
      return real.sealPackage(...args);
    },
  };
});

test('上报区教育局: 取消写出 while the package is written leaves the target file exactly as it was; written again, it is replaced', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'counselroom-export-ui-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const office = await startDistrict();
  onTestFinished(() => office.t.cleanup());
  const { core, user } = await openApp({ setup: true, prepare: async (c) => void (await c.client.district.setRecipient({ recipient: office.recipient })) });
  const target = join(dir, 'term.crpkg');
  const before = Buffer.from('上学期的上报包，已在 U 盘上');
  writeFileSync(target, before);

  await user.click(await screen.findByRole('menuitem', { name: '上报区教育局' }));
  await user.click(await screen.findByRole('button', { name: '预览上报内容' }));
  const dialog = await findDialog('将要发出的内容');
  const pathInput = within(dialog).getByLabelText('保存到（完整路径）');
  await user.clear(pathInput);
  await user.click(pathInput);
  await user.paste(target);

  let release = () => {};
  seal.hold = new Promise<void>((r) => (release = r));
  await user.click(within(dialog).getByRole('button', { name: '确认并写出上报包' }));
  await user.click(await within(dialog).findByRole('button', { name: '取消写出' }));
  release();
  seal.hold = null;
  await messageShown('已取消写出：目标位置保持原样，没有写出文件');
  expect(readFileSync(target)).toEqual(before);
  expect(readdirSync(dir)).toEqual(['term.crpkg']);
  expect((await core.client.audit.list({ action: 'district.exportPackage' })).items).toEqual([]);
  expect((await core.client.audit.list({ action: 'district.cancelExport' })).items).toHaveLength(1);

  // The dialog stays open with the preview: the counselor may write it after all.
  await user.click(within(dialog).getByRole('button', { name: '确认并写出上报包' }));
  await messageShown(`上报包已写出：${target}`);
  expect(readFileSync(target).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
  expect(readdirSync(dir)).toEqual(['term.crpkg']);
});

test('附上实名转介材料: the preview names the student, writing asks twice (the second time with the count), and declining either sends nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'counselroom-export-ui-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const office = await startDistrict();
  onTestFinished(() => office.t.cleanup());
  const { core, user, calls } = await openApp({
    setup: true,
    prepare: async (c) => {
      await c.client.district.setRecipient({ recipient: office.recipient });
      const st = await c.client.students.create(STUDENT);
      await c.client.crisis.open({ studentId: st.id, source: 'teacher', tier: 'red', reason: '班主任反映学生流露轻生念头' });
    },
  });
  const target = join(dir, 'referral.crpkg');
  await user.click(await screen.findByRole('menuitem', { name: '上报区教育局' }));
  await user.click(await screen.findByRole('checkbox', { name: '附上实名转介材料（仅在向区里转介学生时选择）' }));
  await pickOption(user, document.body, '选择要转介的危机个案', '张三明（3班） · 一级（红）');
  await user.click(screen.getByRole('button', { name: '预览上报内容' }));
  const dialog = await findDialog('将要发出的内容');
  expect(await within(dialog).findByTestId('preview-referrals')).toHaveTextContent('张三明（3班）');
  expect(dialog).toHaveTextContent('此包将包含 1 名学生、1 个危机个案的实名材料');
  const pathInput = within(dialog).getByLabelText('保存到（完整路径）');
  await user.clear(pathInput);
  await user.click(pathInput);
  await user.paste(target);

  // Declined at the second question: nothing is started.
  await user.click(within(dialog).getByRole('button', { name: '确认并写出上报包' }));
  await user.click(within(await findDialog('发出学生实名材料？')).getByRole('button', { name: /确\s*定/ }));
  const second = await findDialog('再次确认');
  expect(second).toHaveTextContent('将发出 1 名学生、1 个危机个案的实名材料');
  await user.click(within(second).getByRole('button', { name: /取\s*消/ }));
  expect(calls).not.toContain('district.startExport');

  await user.click(within(dialog).getByRole('button', { name: '确认并写出上报包' }));
  await user.click(within(await findDialog('发出学生实名材料？')).getByRole('button', { name: /确\s*定/ }));
  await user.click(within(await findDialog('再次确认')).getByRole('button', { name: /确\s*定/ }));
  await messageShown(`上报包已写出：${target}`);
  const row = (await core.client.audit.list({ action: 'district.exportPackage' })).items[0]!;
  expect(row.details).toMatchObject({ contents: ['statistics', 'referrals'], referralStudents: 1 });
});
