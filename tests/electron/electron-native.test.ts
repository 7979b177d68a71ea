import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const root = path.resolve(import.meta.dirname, '..', '..');

describe('scripts/electron-native.mjs --check', () => {
  it('prints the cache path for this Electron version and target, without building or starting anything', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(0);
    const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    const expected = path.join(
      root,
      '.cache',
      'electron-native',
      `${electronVersion}-${process.platform}-${process.arch}`,
      'better_sqlite3.node',
    );
    expect(run.stdout.trim()).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\((present|missing)\\)$`));
  });
});
