import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../shared/api/client';
import { CounselError } from '../../shared/api/errors';
import type { CounselClient, CounselTransport, MethodName } from '../../shared/api/contract';
import { createCore } from '../../electron/core/core';
import type { Core, Door } from '../../electron/core/types';
import { MIN_LOG_N } from '../../electron/keys/wrap';

export const TEST_PASSPHRASE = 'correct horse battery';

export const TEST_SCHOOL = {
  name: '示例市第一中学',
  code: '3301020001',
  stages: ['junior', 'senior'] as ('primary' | 'junior' | 'senior')[],
  enrollment: 1200,
  district: '示例区教育局',
  timeZone: 'Asia/Shanghai',
};

export interface TestCore {
  core: Core;
  dataDir: string;
  transport: CounselTransport;
  client: CounselClient;
  /** Another connection (another window or door) onto the same core. */
  connect(door?: Door): { transport: CounselTransport; client: CounselClient };
  cleanup(): Promise<void>;
}

/**
 * A real core on a real encrypted database in a fresh temp folder; scrypt at
 * its floor cost so tests stay fast. `now` lets a test move the clock.
 */
export async function startTestCore(opts: { now?: () => number; dataDir?: string } = {}): Promise<TestCore> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'counselroom-test-'));
  const core = createCore({ dataDir, kdfLogN: MIN_LOG_N, ...(opts.now ? { now: opts.now } : {}) });
  const connect = (door: Door = 'test') => {
    const conn = core.connect(door);
    const transport: CounselTransport = (method: MethodName, input: unknown) => conn.call(method, input);
    return { transport, client: createClient(transport) };
  };
  const first = connect();
  return {
    core,
    dataDir,
    ...first,
    connect,
    cleanup: async () => {
      await core.shutdown();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** First-run setup through the contract; returns the printed recovery key. */
export async function setupSchool(client: CounselClient, username = 'wanglaoshi'): Promise<string> {
  const r = await client.setup.initialize({
    school: TEST_SCHOOL,
    counselor: { username, displayName: '王老师', passphrase: TEST_PASSPHRASE },
  });
  return r.recoveryKey;
}

/** The CounselError a call rejects with (fails the test if it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<CounselError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CounselError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}
