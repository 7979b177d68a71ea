// @vitest-environment jsdom
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, expect, onTestFinished, test, vi } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { setTransport } from '../../renderer/src/api/client';
import { STUDENT } from '../helpers/counseling';
import { startTestCore, TEST_PASSPHRASE, TEST_SCHOOL } from '../helpers/inproc';
import { openApp } from './harness';

// The in-process core signs and seals with @noble, which checks its bytes with `instanceof
// Uint8Array`; jsdom puts its own window's Uint8Array on the global, so Node's Buffers would fail
// that here. Node's own (Electron's core has no other) is put back for this file's tests, and
// jsdom's restored after them: the worker goes on to other files.
beforeAll(() => void vi.stubGlobal('Uint8Array', Object.getPrototypeOf(Buffer.prototype).constructor));
afterAll(() => void vi.unstubAllGlobals());

const TERM = { from: '2025-02-17', to: '2025-07-04' };

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'counselroom-district-ui-'));
  onTestFinished(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** A school registered with the district, and the bytes of the term package it wrote. */
async function schoolPackage(officer: CounselClient['district'], recipient: string, code: string, dir: string, { named = false } = {}): Promise<Buffer> {
  const t = await startTestCore();
  onTestFinished(() => t.cleanup());
  const name = `示例市第${code.slice(-1)}中学`;
  await t.client.setup.initialize({ school: { ...TEST_SCHOOL, code, name }, counselor: { username: 'chenlaoshi', displayName: '陈老师', passphrase: TEST_PASSPHRASE } });
  await t.client.district.setRecipient({ recipient });
  const key = await t.client.district.createSchoolKey({});
  await officer.registerSchool({ name, code, publicKey: key.publicKeyPem, fingerprint: key.fingerprint });
  const path = join(dir, `${code}.crpkg`);
  // A named crisis case for a referral, chosen and confirmed as the export screen does.
  const referral = named
    ? { referralCaseIds: [(await t.client.crisis.open({ studentId: (await t.client.students.create(STUDENT)).id, source: 'teacher', tier: 'red', reason: '班主任反映学生流露轻生念头' })).caseId], confirmedReferralStudents: 1 }
    : {};
  await t.client.district.exportPackage({ ...TERM, ...referral, path });
  return readFileSync(path);
}

/** A file as a folder pick hands it over: with its path under the chosen folder. */
function inFolder(relativePath: string, bytes: Uint8Array | string): File {
  const f = new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], relativePath.split('/').pop()!);
  Object.defineProperty(f, 'webkitRelativePath', { value: relativePath });
  return f;
}

test('导入上报包 from a folder: its .crpkg files in name order, each refused with its own reason, the count moving as they go', async () => {
  const dir = tempDir();
  let officer: CounselClient['district'] | null = null;
  let recipient = '';
  const { core, user, calls } = await openApp({
    prepare: async (c) => {
      recipient = (await c.client.setup.initializeDistrict({ office: { name: '示例区教育局', code: '330102' }, officer: { username: 'quyuan', displayName: '区教研员', passphrase: TEST_PASSPHRASE } })).recipient;
      officer = c.client.district;
    },
  });
  const first = await schoolPackage(officer!, recipient, '3301020001', dir);
  const second = await schoolPackage(officer!, recipient, '3301020002', dir);
  // The second import waits until the screen has shown the first one counted.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  let imports = 0;
  setTransport(async (method, input) => {
    calls.push(method);
    if (method === 'district.import' && ++imports === 2) await held;
    return core.transport(method, input);
  });

  await user.click(await screen.findByRole('tab', { name: '导入上报包' }));
  const usb = [
    inFolder('U盘/c-copy.crpkg', first),
    inFolder('U盘/a.crpkg', first),
    inFolder('U盘/说明.txt', '请查收'),
    inFolder('U盘/b.crpkg', second),
    inFolder('U盘/b2-pulled-out.crpkg', second),
    inFolder('U盘/d-broken.crpkg', 'not a package'),
    inFolder('U盘/旧/e.crpkg', second),
  ];
  // Each file's bytes are read only when its turn comes; one cannot be read (the stick was pulled).
  const read: string[] = [];
  for (const f of usb) {
    const bytes = f.arrayBuffer.bind(f);
    f.arrayBuffer = () => {
      read.push(f.name);
      return f.name.includes('pulled-out') ? Promise.reject(new DOMException('gone', 'NotReadableError')) : bytes();
    };
  }
  await user.upload(screen.getByLabelText('选择文件夹（U 盘中的文件夹）'), usb);
  const progress = await screen.findByTestId('import-progress');
  await within(progress).findByText('正在导入 1/5…');
  // The second import is held: the files after it have not been read.
  await waitFor(() => expect(calls.filter((m) => m === 'district.import')).toHaveLength(2));
  expect(read).toEqual(['a.crpkg', 'b.crpkg']);
  release();
  const results = screen.getByTestId('import-results');
  await within(results).findByText('d-broken.crpkg');
  expect(read).toEqual(['a.crpkg', 'b.crpkg', 'b2-pulled-out.crpkg', 'c-copy.crpkg', 'd-broken.crpkg']);
  expect(screen.getByText('1 个文件无法读取，未导入（其余文件照常导入）')).toBeInTheDocument();
  expect(screen.getByText(/^b2-pulled-out\.crpkg：/)).toBeInTheDocument();
  const rows = within(results)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
  expect(rows).toEqual([
    ['a.crpkg', '示例市第1中学', '已导入'],
    ['b.crpkg', '示例市第2中学', '已导入'],
    ['c-copy.crpkg', '示例市第1中学', '已拒绝：重复：此包已导入'],
    ['d-broken.crpkg', '', '已拒绝：不是上报包文件'],
  ]);
  expect(calls.filter((m) => m === 'district.import')).toHaveLength(4);
  expect(screen.queryByTestId('import-progress')).toBeNull();
  expect((await core.client.district.periods({})).items).toEqual([{ ...TERM, schools: 2 }]);
});

test('a folder without any package file says so and imports nothing', async () => {
  const { user, calls } = await openApp({
    prepare: async (c) => {
      await c.client.setup.initializeDistrict({ office: { name: '示例区教育局', code: '330102' }, officer: { username: 'quyuan', displayName: '区教研员', passphrase: TEST_PASSPHRASE } });
    },
  });
  await user.click(await screen.findByRole('tab', { name: '导入上报包' }));
  await user.upload(screen.getByLabelText('选择文件夹（U 盘中的文件夹）'), [inFolder('U盘/说明.txt', '请查收'), inFolder('U盘/旧/e.crpkg', 'x')]);
  expect(await screen.findByText('所选文件夹中没有 .crpkg 上报包文件')).toBeInTheDocument();
  expect(calls).not.toContain('district.import');
});

test('区级汇总 keeps named referral records out of the figures and shows them, by school, only when asked (audited)', async () => {
  const dir = tempDir();
  let officer: CounselClient['district'] | null = null;
  let recipient = '';
  const { core, user } = await openApp({
    prepare: async (c) => {
      recipient = (await c.client.setup.initializeDistrict({ office: { name: '示例区教育局', code: '330102' }, officer: { username: 'quyuan', displayName: '区教研员', passphrase: TEST_PASSPHRASE } })).recipient;
      officer = c.client.district;
    },
  });
  const bytes = await schoolPackage(officer!, recipient, '3301020001', dir, { named: true });
  await user.click(await screen.findByRole('tab', { name: '导入上报包' }));
  await user.upload(screen.getByLabelText('选择文件（可多选）'), [new File([new Uint8Array(bytes)], 'school-1.crpkg')]);
  await within(screen.getByTestId('import-results')).findByText('已导入');

  await user.click(screen.getByRole('tab', { name: '区级汇总' }));
  const show = await screen.findByRole('button', { name: '查看实名转介材料' });
  expect(document.body).not.toHaveTextContent('张三明');
  expect((await core.client.audit.list({ action: 'district.referrals' })).items).toEqual([]);
  await user.click(show);
  const table = await screen.findByTestId('named-referrals');
  expect(await within(table).findByText('张三明（3班）')).toBeInTheDocument();
  expect(table).toHaveTextContent('示例市第1中学（3301020001）');
  expect(table).toHaveTextContent('班主任反映学生流露轻生念头');
  expect((await core.client.audit.list({ action: 'district.referrals' })).items).toHaveLength(1);

  // The identity file for the standard age tool: handed to the browser's download, and audited.
  const saved: Blob[] = [];
  const { createObjectURL, revokeObjectURL } = URL;
  onTestFinished(() => void Object.assign(URL, { createObjectURL, revokeObjectURL }));
  URL.createObjectURL = (b: Blob) => (saved.push(b), 'blob:identity');
  URL.revokeObjectURL = () => undefined;
  await user.click(screen.getByRole('tab', { name: '学校登记' }));
  await user.click(await screen.findByRole('button', { name: '导出身份文件（用于 age 命令行）' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(await saved[0]!.text()).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+\n$/);
  expect((await core.client.audit.list({ action: 'district.exportIdentity' })).items).toHaveLength(1);
});
