import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
type Target = { platform: string; arch: string };
const { electronNativePath, ensureElectronNative } = (await import(pathToFileURL(path.join(root, 'scripts', 'electron-native.mjs')).href)) as {
  electronNativePath(target: Target): string;
  ensureElectronNative(target: Target): string;
};
const prebuild = (target: string) => path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds', `${target}.node`);

// Every platform and arch electron-builder.yml packages (mac: both Apple arches).
const PACKAGED = [
  { platform: 'win32', arch: 'x64', os: 'win', builderArch: 1 },
  { platform: 'linux', arch: 'x64', os: 'linux', builderArch: 1 },
  { platform: 'linux', arch: 'arm64', os: 'linux', builderArch: 3 },
  { platform: 'darwin', arch: 'x64', os: 'mac', builderArch: 1 },
  { platform: 'darwin', arch: 'arm64', os: 'mac', builderArch: 3 },
] as const;

describe('scripts/electron-native.mjs', () => {
  it('--check prints the binary Electron gets on this machine, without starting anything', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`${prebuild(`${process.platform}-${process.arch}`)} (present)`);
  });

  it('has a Node-API binary (one that loads in Electron as in Node) for every packaged target, offline', () => {
    for (const { platform, arch } of PACKAGED) {
      const binary = ensureElectronNative({ platform, arch });
      expect(binary).toBe(prebuild(`${platform}-${arch}`));
      // Node-API modules export napi_register_module_v1; ABI-bound ones node_register_module_v<ABI>.
      const bytes = readFileSync(binary);
      expect(bytes.includes('napi_register_module_v1'), binary).toBe(true);
      expect(bytes.includes('node_register_module_v'), binary).toBe(false);
    }
  });

  it('names the module version and the target when it has no binary for it', () => {
    expect(() => ensureElectronNative({ platform: 'freebsd', arch: 'x64' })).toThrow(/better-sqlite3-multiple-ciphers \d+\.\d+\.\d+ has no prebuilt binary for freebsd-x64/);
    expect(electronNativePath({ platform: 'freebsd', arch: 'x64' })).toBe(prebuild('freebsd-x64'));
  });
});

describe('scripts/pack-before.cjs (beforePack)', () => {
  it('stages the binary of the target being packed where extraResources takes it', async () => {
    const beforePack = require(path.join(root, 'scripts', 'pack-before.cjs')) as (context: unknown) => Promise<void>;
    for (const { platform, arch, os, builderArch } of PACKAGED) {
      await beforePack({ electronPlatformName: platform, arch: builderArch, packager: { platform: { buildConfigurationKey: os } } });
      const staged = path.join(root, '.cache', 'electron-native', 'pack', `${os}-${arch}`, 'better_sqlite3.node');
      expect(readFileSync(staged).equals(readFileSync(prebuild(`${platform}-${arch}`))), staged).toBe(true);
    }
  });
});
