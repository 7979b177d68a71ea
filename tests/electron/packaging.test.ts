import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PACKAGE_EXTENSION } from '../../shared/domain/district-package';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'counselroom-fuses-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// Electron marks its fuse wire with this sentinel, then a version byte and a length byte.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 9;

describe('electron-builder.yml', () => {
  // The configuration as electron-builder itself resolves it (its loader, package.json merged in),
  // then checked against its schema: what `npm run dist` would build from.
  interface Target {
    target: string;
    arch: string[];
  }
  type Resolved = Record<string, unknown> & {
    icon: string;
    artifactName: string;
    win: { target: Target[] };
    linux: { target: Target[]; desktop: { entry: Record<string, string> } };
  };
  async function resolvedConfig(): Promise<Resolved> {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    return config;
  }

  it('passes electron-builder validation and keeps the archive on uninstall', async () => {
    const config = await resolvedConfig();
    // Only the bundles, and of node_modules only the database module's JS (its sources and every target's binaries stay out).
    expect(config.files).toEqual([
      {
        filter: [
          'out/**',
          'package.json',
          '!node_modules/better-sqlite3-multiple-ciphers/{deps,src,build,docs,prebuilds}/**',
          '!node_modules/node-addon-api/**',
        ],
      },
    ]);
    expect(config).toMatchObject({
      asar: true,
      npmRebuild: false,
      nsis: { deleteAppDataOnUninstall: false, oneClick: false, perMachine: false },
      extraResources: [{ to: 'native/better_sqlite3.node' }],
    });
  });

  it('builds a Chinese per-user installer and a portable app for Windows, deb and AppImage for x64 and arm64', async () => {
    const config = await resolvedConfig();
    const targets = (list: Target[]) => list.map((t) => `${t.target}:${t.arch.join('+')}`);
    expect(targets(config.win.target)).toEqual(['nsis:x64', 'portable:x64']);
    expect(targets(config.linux.target)).toEqual(['AppImage:x64+arm64', 'deb:x64+arm64']);
    expect(config.nsis).toMatchObject({ language: '2052', installerLanguages: ['zh_CN'], shortcutName: '心理辅导室工作台' });
    expect(config.productName).toBe('心理辅导室工作台');
    expect(config.linux.desktop.entry['Name[zh_CN]']).toBe('心理辅导室工作台');
    // Installers travel on USB sticks between old file systems: ASCII names only.
    expect(config.artifactName).toMatch(/^[\x20-\x7e]+$/);
  });

  it('gives the installer and the portable build (both .exe) different file names', async () => {
    const config = await resolvedConfig();
    // A target's own artifactName wins over the top-level one (electron-builder's artifactPatternConfig).
    const pattern = (target: string) => ((config[target] as { artifactName?: string } | undefined)?.artifactName ?? config.artifactName);
    const names = config.win.target.map((t) => pattern(t.target).replaceAll('${os}', 'win').replaceAll('${arch}', 'x64').replaceAll('${ext}', 'exe'));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[\x20-\x7e]+$/);
  });

  it('associates district packages (.crpkg) with the app: a Windows file class, a Linux MIME type', async () => {
    const config = await resolvedConfig();
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'crpkg', name: 'CounselRoom.DistrictPackage', description: '心理辅导室上报包', mimeType: 'application/x-counselroom-package' }),
    ]);
    // The extension main.ts accepts is the one the installers register.
    expect(`.${(config.fileAssociations as { ext: string }[])[0]!.ext}`).toBe(PACKAGE_EXTENSION);
  });

  it('never looks for updates, and ships an icon electron-builder can convert (≥ 512 px PNG)', async () => {
    const config = await resolvedConfig();
    expect(config.publish).toBeNull();
    const png = readFileSync(path.join(root, 'resources', config.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((p) => /electron-updater|update-electron-app/.test(p))).toEqual([]);
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
