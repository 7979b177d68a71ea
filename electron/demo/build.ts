import { createClient } from '../../shared/api/client';
import type { CounselClient, MethodName } from '../../shared/api/contract';
import { createCore } from '../core/core';
import { prepareDemoFolder } from '../platform/demo-folder';
import { seedDemoSchool, type DemoSchool } from './school';

export interface BuildDemoOptions {
  dataDir: string;
  seed: number;
  students: number;
  /** The core's clock; the demo's dates are placed around its day in the school's time zone. */
  now?: () => number;
  /** scrypt cost of the demo's key slots (tests lower it; the key-slot file records it). */
  kdfLogN?: number;
  /** The real archive folder, which is refused even when empty (tests name their own). */
  realDir?: string;
}

/** The date `now` falls on in Shanghai, the demo school's time zone. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Fills a demo folder with a synthetic school through a real core and its dispatcher, as the CLI
 * door: every row is checked and audited as real work would be.
 */
export async function buildDemoSchool(opts: BuildDemoOptions): Promise<DemoSchool> {
  prepareDemoFolder(opts.dataDir, ...(opts.realDir ? [opts.realDir] : []));
  const now = opts.now ?? Date.now;
  const core = createCore({ dataDir: opts.dataDir, now, ...(opts.kdfLogN ? { kdfLogN: opts.kdfLogN } : {}) });
  const connect = (): CounselClient => {
    const conn = core.connect('cli');
    return createClient((method: MethodName, input: unknown) => conn.call(method, input));
  };
  try {
    return await seedDemoSchool(connect(), connect, { seed: opts.seed, students: opts.students, today: shanghaiDate(now()) });
  } finally {
    await core.shutdown();
  }
}
