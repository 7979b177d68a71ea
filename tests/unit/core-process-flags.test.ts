import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CORE_V8_FLAGS } from '../../electron/core/process-flags';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The largest the young generation grew while a burst of short-lived rows was allocated. */
function youngGenerationPeakMiB(flags: readonly string[]): number {
  const script = `
    const v8 = require('node:v8');
    let peak = 0;
    for (let r = 0; r < 100; r++) {
      const rows = [];
      for (let i = 0; i < 20000; i++) rows.push({ id: 'x' + i, n: i, cells: [i, i + 1] });
      peak = Math.max(peak, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
    }
    process.stdout.write(String(peak / 2 ** 20));`;
  const run = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return Number(run.stdout);
}

describe("the core process's V8 flags", () => {
  it('cap the young generation that bursts of rows grow (V8 takes them on the command line only)', () => {
    // Two semi-spaces of 4 MiB, and the pages V8 rounds them to (9.25 MiB measured); 32 MiB or more without.
    expect(youngGenerationPeakMiB(CORE_V8_FLAGS)).toBeLessThanOrEqual(12);
    expect(youngGenerationPeakMiB([])).toBeGreaterThan(16);
  });

  it('let the core ask for a full collection, which it does after a file (collect-after-file.ts)', () => {
    const run = spawnSync(process.execPath, [...CORE_V8_FLAGS, '-e', 'process.stdout.write(typeof globalThis.gc)'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('function');
  });

  // The database host's fork is checked with the fake Electron in tests/electron/main.test.ts.
  it('are given by the scripts that start a core outside Electron: the command line, the loopback bridge', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['cli', 'dev:web']) {
      const tsx = scripts[name]!.slice(scripts[name]!.indexOf('tsx '));
      for (const flag of CORE_V8_FLAGS) expect(tsx, name).toContain(` ${flag} `);
    }
  });
});
