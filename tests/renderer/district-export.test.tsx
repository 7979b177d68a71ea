// @vitest-environment jsdom
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { expect, onTestFinished, test, vi } from 'vitest';
import type * as PackageCrypto from '../../electron/services/district/package-crypto';
import { startDistrict } from '../helpers/district';
import { findDialog, messageShown, openApp } from './harness';

// See district.test.tsx: @noble checks bytes against Node's Uint8Array, which jsdom replaces.
globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;

/**
 * A package this small is sealed and written in a few milliseconds, far quicker than anyone
 * presses a button; a slow USB stick is not. The test holds the sealing step open while it
 * presses 取消写出, as the stick would, and lets it go after.
 */
const seal = vi.hoisted(() => ({ hold: null as Promise<void> | null }));
vi.mock('../../electron/services/district/package-crypto', async (importOriginal) => {
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
