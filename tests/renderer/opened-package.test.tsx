import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterAll, expect, onTestFinished, test, vi } from 'vitest';
import type { CounselShell } from '../../renderer/src/lib/counselShell';
import { startTestCore, TEST_PASSPHRASE, TEST_SCHOOL, type TestCore } from '../helpers/inproc';
import { openApp } from './harness';

type PackageFile = { name: string; base64: string };

const dir = mkdtempSync(join(tmpdir(), 'counselroom-opened-'));
const schools: TestCore[] = [];
afterAll(async () => {
  for (const s of schools) await s.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The preload's counselShell as main's queue behaves (electron/shell/opened-packages.ts): the
 * packages the system opened the app with, and `arrive` for one handed over while it runs.
 */
function openedWith(files: PackageFile[]) {
  const queue = [...files];
  const listeners = new Set<() => void>();
  const shell = {
    setKiosk: vi.fn(async () => false),
    pendingPackages: vi.fn(async () => queue.map((f) => f.name)),
    takePackages: vi.fn(async () => queue.splice(0)),
    dismissPackages: vi.fn(async () => queue.splice(0).map((f) => f.name)),
    onPackageOpened: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } satisfies CounselShell;
  window.counselShell = shell;
  onTestFinished(() => {
    delete window.counselShell;
  });
  return {
    shell,
    arrive(file: PackageFile) {
      queue.push(file);
      for (const listener of listeners) listener();
    },
  };
}

/** A real school's term package, sealed to `recipient` and signed with a key the district has registered through `district`. */
async function schoolPackage(recipient: string, district: TestCore): Promise<PackageFile> {
  const school = await startTestCore();
  schools.push(school);
  await school.client.setup.initialize({ school: TEST_SCHOOL, counselor: { username: 'chenlaoshi', displayName: '陈老师', passphrase: TEST_PASSPHRASE } });
  await school.client.district.setRecipient({ recipient });
  const key = await school.client.district.createSchoolKey({});
  await district.client.district.registerSchool({ name: TEST_SCHOOL.name, code: TEST_SCHOOL.code, publicKey: key.publicKeyPem, fingerprint: key.fingerprint });
  const path = join(dir, 'spring.crpkg');
  await school.client.district.exportPackage({ from: '2025-02-17', to: '2025-07-04', path });
  return { name: 'spring.crpkg', base64: readFileSync(path).toString('base64') };
}

test('a package double-clicked on the district office computer is imported on the district page, as a picked file would be', async () => {
  // The signing and sealing code (noble) checks bytes with `instanceof Uint8Array`, and under jsdom
  // that global is jsdom's, which Node's Buffers are not: the core is Node code, so it gets Node's.
  vi.stubGlobal('Uint8Array', Object.getPrototypeOf(Buffer.prototype).constructor);
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  let opened!: ReturnType<typeof openedWith>;
  let pkg!: PackageFile;
  const { user, calls } = await openApp({
    prepare: async (core) => {
      // District mode, its officer logged in on the connection the app uses.
      const { recipient } = await core.client.setup.initializeDistrict({
        office: { name: '示例区教育局', code: '330102' },
        officer: { username: 'quyuan', displayName: '区教研员', passphrase: TEST_PASSPHRASE },
      });
      pkg = await schoolPackage(recipient, core);
      opened = openedWith([pkg]);
    },
  });

  // The page opens on the import tab with the package's result.
  expect(await screen.findByRole('tab', { name: '导入上报包', selected: true })).toBeInTheDocument();
  const results = await screen.findByTestId('import-results');
  expect(await within(results).findByText('已导入')).toBeInTheDocument();
  expect(within(results).getByText('spring.crpkg')).toBeInTheDocument();
  expect(opened.shell.takePackages).toHaveBeenCalledTimes(1);
  expect(opened.shell.dismissPackages).not.toHaveBeenCalled();
  expect(calls.filter((m) => m === 'district.import')).toHaveLength(1);

  // Another one arrives while the officer is on another page: back to the import, and the
  // dispatcher's own checks answer it (the same package twice is a duplicate).
  await user.click(screen.getByRole('menuitem', { name: '审计日志' }));
  await screen.findByRole('heading', { name: '审计日志' });
  opened.arrive({ ...pkg, name: 'spring-copy.crpkg' });
  const again = await screen.findByTestId('import-results');
  expect(await within(again).findByText('已拒绝：重复：此包已导入')).toBeInTheDocument();
  expect(within(again).getByText('spring-copy.crpkg')).toBeInTheDocument();
  expect(calls.filter((m) => m === 'district.import')).toHaveLength(2);
});

test('a counselor who opens a package is told it was not opened: nothing is read and nothing imported', async () => {
  let opened!: ReturnType<typeof openedWith>;
  const { calls } = await openApp({
    setup: true,
    prepare: async () => {
      opened = openedWith([{ name: '2025-02-17_2025-07-04.crpkg', base64: 'bm90IHJlYWQ=' }]);
    },
  });

  const notice = (await screen.findByText('没有打开上报包')).closest<HTMLElement>('[role="alert"]')!;
  expect(within(notice).getByText(/收到上报包 2025-02-17_2025-07-04\.crpkg。上报包只能由区教育局的账号导入，本程序没有打开、也没有读取这个文件/)).toBeInTheDocument();
  expect(opened.shell.dismissPackages).toHaveBeenCalledTimes(1);
  expect(opened.shell.takePackages).not.toHaveBeenCalled();
  expect(opened.shell.pendingPackages).not.toHaveBeenCalled();
  expect(calls).not.toContain('district.import');
  // The counselor stays on 我的个案.
  expect(await screen.findByRole('heading', { name: '我的个案' })).toBeInTheDocument();
});
