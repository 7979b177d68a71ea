import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'counselroom-fuses-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// Electron marks its fuse wire with this sentinel, then a version byte and a length byte.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 9;

describe('electron-builder.yml', () => {
  it('passes electron-builder validation and keeps the archive on uninstall', async () => {
    const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
    await validateConfiguration(config, new DebugLogger(false));
    // Only the bundles, and of node_modules only the database module's JS (its sources and every target's binaries stay out).
    expect(config.files).toEqual([
      'out/**',
      'package.json',
      '!node_modules/better-sqlite3-multiple-ciphers/{deps,src,build,docs,prebuilds}/**',
      '!node_modules/node-addon-api/**',
    ]);
    expect(config).toMatchObject({
      asar: true,
      npmRebuild: false,
      nsis: { deleteAppDataOnUninstall: false, oneClick: false, perMachine: false },
      extraResources: [{ to: 'native/better_sqlite3.node' }],
    });
  });
});

describe('scripts/pack-fuses.cjs (afterPack)', () => {
  it('flips the fuses of the packaged Electron binary', async () => {
    const binary = path.join(workDir, 'counselroom');
    const inherit = String.fromCharCode(144).repeat(FUSE_COUNT);
    writeFileSync(binary, Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), Buffer.from([1, FUSE_COUNT]), Buffer.from(inherit, 'latin1'), Buffer.from('…end')]));

    const afterPack = require(path.join(root, 'scripts', 'pack-fuses.cjs')) as (context: unknown) => Promise<void>;
    await afterPack({
      electronPlatformName: 'linux',
      appOutDir: workDir,
      arch: 1,
      packager: { executableName: 'counselroom', appInfo: { productFilename: 'CounselRoom' } },
    });

    const bytes = readFileSync(binary);
    const wireAt = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
    const wire = [...bytes.subarray(wireAt, wireAt + FUSE_COUNT)].map((b) => (b === 0x31 ? 'on' : b === 0x30 ? 'off' : 'inherit'));
    expect(wire).toEqual([
      'off', // RunAsNode
      'on', // EnableCookieEncryption
      'off', // EnableNodeOptionsEnvironmentVariable
      'off', // EnableNodeCliInspectArguments
      'on', // EnableEmbeddedAsarIntegrityValidation
      'on', // OnlyLoadAppFromAsar
      'inherit', // LoadBrowserProcessSpecificV8Snapshot
      'off', // GrantFileProtocolExtraPrivileges
      'inherit', // WasmTrapHandlers
    ]);
  });
});
