/** Percentile timings, a seeded archive and the stand-alone runner shared by the benchmark files. */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createClient } from '../shared/api/client';
import type { CounselClient, CounselTransport } from '../shared/api/contract';
import { createCore } from '../electron/core/core';
import { openDatabase } from '../electron/db/connection';
import { MIN_LOG_N } from '../electron/keys/wrap';
import { rosterCsv, syntheticRoster } from './dataset';

export interface Timing {
  p50: number;
  p95: number;
}

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

/** Runs `fn` `runs` times in a row (awaiting each) and gives the median and 95th percentile in ms. */
export async function sample(runs: number, fn: (i: number) => unknown): Promise<Timing> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    xs.push(performance.now() - t0);
  }
  return { p50: percentile(xs, 0.5), p95: percentile(xs, 0.95) };
}

export const ms = (x: Timing) => `p50 ${x.p50.toFixed(2)} ms, p95 ${x.p95.toFixed(2)} ms`;

/** The app's figure against the raw one, as "p50 … (ratio N.Nx)". */
export const versus = (app: Timing, raw: Timing) => `${ms(raw)} (app/raw p50 ${(app.p50 / raw.p50).toFixed(1)}x)`;

export type Results = [string, string][];

/**
 * A turn of the event loop, untimed. In the app each call arrives as a message of its own, and
 * what the core leaves for between calls (the WAL's checkpoint after a large write, a collection
 * after a file) runs before the next one; calls back to back in one turn would leave it all undone.
 */
export const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The machine a result file was measured on; `load` is the load average when the run began (other work shares the cores). */
export function machine(load: number[]) {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, loadavg1_5_15: load.map((x) => x.toFixed(1)).join(' / ') };
}

/** Runs one benchmark file's suite when that file is run directly (`npx tsx bench/<file>.ts`). */
export function runIfMain(moduleUrl: string, title: string, bench: (dir: string) => Promise<Results>): void {
  // In a bundle every module has the bundle's URL, so each suite would take itself for the one run.
  if (process.env.BENCH_RUNNER === 'bundle') return;
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  void (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counselroom-bench-'));
    try {
      const results = await bench(dir);
      console.log(`\nCounselRoom ${title} benchmarks (Node ${process.version})\n`);
      for (const [k, v] of results) console.log(`${k.padEnd(100)} ${v}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
}

const PASS = 'seven quiet lanterns by the river';

export interface BenchArchive {
  userId: string;
  studentIds: string[];
  /** The archive opened with its raw key (the core is shut down): bulk seeding and raw baselines. */
  raw: Database;
  /** The core on the same archive again, logged in: the dispatcher side. */
  login(): Promise<LoggedIn>;
}

/** A logged-in dispatcher connection; `connect` opens another, not logged in, on the same core. */
export interface LoggedIn {
  c: CounselClient;
  call: CounselTransport;
  connect: () => { c: CounselClient; call: CounselTransport };
  shutdown: () => Promise<void>;
}

function startCore(dataDir: string): LoggedIn {
  const core = createCore({ dataDir, kdfLogN: MIN_LOG_N });
  const connect = () => {
    const conn = core.connect('test');
    const call: CounselTransport = (m, i) => conn.call(m, i);
    return { c: createClient(call), call };
  };
  return { ...connect(), connect, shutdown: () => core.shutdown() };
}

/** An archive made by benchArchive (now or in an earlier run), opened again with its raw key. */
export function reopenArchive(dataDir: string, rawKeyHex: string, userId: string, studentIds: string[]): BenchArchive {
  const raw = openDatabase({ file: join(dataDir, 'counselroom.db'), key: Buffer.from(rawKeyHex, 'hex') });
  return {
    userId,
    studentIds,
    raw,
    login: async () => {
      raw.close();
      const again = startCore(dataDir);
      await again.c.auth.login({ username: 'bench', passphrase: PASS });
      return again;
    },
  };
}

/**
 * A set-up archive in `dataDir` with `students` roster rows; `prepare` adds what the benchmark
 * wants made through the contract before the core shuts down and the raw side opens it.
 */
export async function benchArchive(dataDir: string, students: number, prepare: (c: CounselClient) => Promise<void> = async () => {}): Promise<BenchArchive & { rawKeyHex: string }> {
  const { c, shutdown } = startCore(dataDir);
  const { recoveryKey, user } = await c.setup.initialize({
    school: { name: '基准中学', code: '0000000000', stages: ['junior', 'senior'], enrollment: 10000, district: '基准区', timeZone: 'Asia/Shanghai' },
    counselor: { username: 'bench', displayName: '基准', passphrase: PASS },
  });
  await c.students.importCommit({ fileName: 'roster.csv', contentBase64: Buffer.from(rosterCsv(syntheticRoster(students, 3))).toString('base64') });
  const studentIds: string[] = [];
  for (let page = 1; studentIds.length < students; page++) studentIds.push(...(await c.students.list({ page, pageSize: 200 })).items.map((s) => s.id));
  await prepare(c);
  const { rawKeyHex } = await c.key.exportRaw({ recoveryKey });
  await shutdown();
  return { ...reopenArchive(dataDir, rawKeyHex, user.id, studentIds), rawKeyHex };
}
