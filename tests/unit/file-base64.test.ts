import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileBase64 } from '../../electron/services/common/file-base64';

const PIECE = 3 * 2 ** 17;

/**
 * How far memory outside V8's heap grew while 30 calls each read a 1 MiB file back as base64 and
 * dropped it, as compliance.evidence does: with Node's own encoding of the whole file, or with
 * fileBase64. The child runs with the core's young-generation cap.
 */
function externalGrowthMiB(encode: 'whole' | 'pieces'): number {
  const script = `
    const { fileBase64 } = await import(${JSON.stringify(new URL('../../electron/services/common/file-base64.ts', import.meta.url).href)});
    const { randomBytes } = await import('node:crypto');
    const blob = randomBytes(2 ** 20);
    const call = () => { const copy = Buffer.from(blob); return (${encode === 'whole' ? "copy.toString('base64')" : 'fileBase64(copy)'}).length; };
    const start = process.memoryUsage().external;
    let peak = 0;
    for (let i = 0; i < 30; i++) {
      call();
      peak = Math.max(peak, process.memoryUsage().external - start);
    }
    process.stdout.write(String(peak / 2 ** 20));`;
  const run = spawnSync(process.execPath, ['--max-semi-space-size=4', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return Number(run.stdout);
}

describe('fileBase64', () => {
  it('is the base64 of the whole file, at every size around its pieces', () => {
    for (const size of [0, 1, 2, 3, PIECE - 1, PIECE, PIECE + 1, PIECE + 2, 3 * PIECE + 2]) {
      const bytes = randomBytes(size);
      expect(fileBase64(bytes), `${size} bytes`).toBe(bytes.toString('base64'));
      expect(fileBase64(new Uint8Array(bytes)), `${size} bytes as a Uint8Array`).toBe(bytes.toString('base64'));
    }
    const inside = randomBytes(PIECE + 10);
    const view = new Uint8Array(inside.buffer, inside.byteOffset + 5, PIECE + 3);
    expect(fileBase64(view)).toBe(Buffer.from(view).toString('base64'));
  });

  it("leaves no megabytes outside V8's heap for a full collection to find, where a whole-file string does", () => {
    expect(externalGrowthMiB('whole')).toBeGreaterThan(30);
    expect(externalGrowthMiB('pieces')).toBeLessThan(10);
  });
});
