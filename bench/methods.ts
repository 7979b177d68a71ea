/**
 * Every read method of the contract through the dispatcher on one seeded archive (npm run bench:methods),
 * then the single-record writes of a counselor's day (bench/write-cases.ts), after every read so
 * that the reads see the archive as seeded: N calls each, p50/p95/max, the process's peak RSS;
 * written to bench/results/methods.json and printed as the Markdown tables that docs/PERFORMANCE.md carries.
 * Inputs are bench/method-inputs.ts's; a method whose input cannot be made, or whose call is
 * refused, is listed as unmeasured with the reason. Beside each method with one, its baseline
 * (bench/baselines.ts) on the encrypted archive and on a decrypted copy.
 *
 * The archive is bench/school.ts's school, the 10-year large one unless BENCH_SIZE=small, cached
 * under .cache/bench; BENCH_N sets the calls per method. BENCH_METHODS=search.notes,statistics.period
 * measures only those methods, reads or writes (to compare one change in seconds); such a run prints
 * its tables but leaves bench/results/methods.json, the whole contract's, as it was.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import Database from 'better-sqlite3-multiple-ciphers';
import { contract } from '../shared/api/contract';
import { CACHE_SIZE_PRAGMA, openDatabase } from '../electron/db/connection';
import { baselineOf, unboundedNotes } from './baselines';
import { startComplianceRun } from './compliance-run';
import { machine, nextTurn } from './harness';
import { type Case, casesOf, drawIds } from './method-inputs';
import { benchSchool, SCHOOL_SIZES, type SchoolSizeName } from './school';
import { refused, WRITE_CASES } from './write-cases';

const N = Number(process.env.BENCH_N ?? 30);
const RUNNER = process.env.BENCH_RUNNER === 'bundle' ? 'bundle' : 'tsx';
const SIZE = (process.env.BENCH_SIZE ?? 'large') as SchoolSizeName;
const ONLY = process.env.BENCH_METHODS ? new Set(process.env.BENCH_METHODS.split(',').map((m) => m.trim())) : undefined;

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
}

function stats(xs: number[]): Timing {
  const sorted = [...xs].sort((x, y) => x - y);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1)! };
}

/** N calls of `fn`, each after `before` (not timed: a write that puts the archive in the state the call is measured in, or the making of the call's input). */
async function timed(fn: () => unknown, onEach: () => void = () => {}, before: (i: number) => Promise<void> = async () => {}): Promise<Timing> {
  const xs: number[] = [];
  for (let i = 0; i < N; i++) {
    await before(i);
    await nextTurn();
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
    onEach();
  }
  return stats(xs);
}

/** Present when the process runs with --expose-gc (BENCH_EXPOSE_GC=1 for the bundled run). */
const GC = (globalThis as { gc?: () => void }).gc;

interface MethodMemory {
  method: string;
  variant: string;
  /** The resident set after the method's calls (after a full collection when GC is exposed). */
  rssMiB: number;
  /** rssMiB against the same figure after the method before (negative when memory went back). */
  settledGrewMiB: number;
  /** How far the method raised the sampled peak of the run. */
  peakGrewMiB: number;
  heapUsedMiB: number;
  /** V8's heap as reserved from the system: what garbage not yet collected costs in the resident set. */
  heapTotalMiB: number;
  externalMiB: number;
  /** V8's own malloc (parser, compiler zones) now and at its highest so far. */
  v8MallocMiB: number;
  v8PeakMallocMiB: number;
}

const mib = (bytes: number) => +(bytes / 2 ** 20).toFixed(1);

type Named = Pick<Case, 'method' | 'variant'>;

function memoryAfter(k: Named, peakGrew: number, settledBefore: number): { rss: number; row: MethodMemory } {
  GC?.();
  const m = process.memoryUsage();
  const v8s = getHeapStatistics();
  return {
    rss: m.rss,
    row: { method: k.method, variant: k.variant, rssMiB: mib(m.rss), settledGrewMiB: mib(m.rss - settledBefore), peakGrewMiB: mib(peakGrew), heapUsedMiB: mib(m.heapUsed), heapTotalMiB: mib(m.heapTotal), externalMiB: mib(m.external), v8MallocMiB: mib(v8s.malloced_memory), v8PeakMallocMiB: mib(v8s.peak_malloced_memory) },
  };
}

type WriteRow = Named & Timing;

interface Row extends Timing {
  method: string;
  variant: string;
  /** The repository queries alone on the encrypted archive, and on its decrypted copy. */
  raw?: Timing;
  plain?: Timing;
}

/**
 * The baselines of the cases that have one, on the encrypted archive and on its plain copy, the
 * two calls interleaved so that load from other work on the machine falls on both alike.
 */
function baselines(enc: Database.Database, plain: Database.Database, cases: Case[], me: string): Map<Case, { raw: Timing; plain: Timing }> {
  const out = new Map<Case, { raw: Timing; plain: Timing }>();
  for (const k of cases) {
    const base = baselineOf(k.method, k.variant);
    if (!base) continue;
    const input = contract[k.method].input.parse(k.input) as Record<string, unknown>;
    const xs: Record<'raw' | 'plain', number[]> = { raw: [], plain: [] };
    for (let i = 0; i < N; i++)
      for (const [side, db] of [['plain', plain], ['raw', enc]] as const) {
        const t0 = performance.now();
        base(db, input, me);
        xs[side].push(performance.now() - t0);
      }
    out.set(k, { raw: stats(xs.raw), plain: stats(xs.plain) });
  }
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'counselroom-bench-methods-'));
  const rssAtStart = process.memoryUsage().rss;
  const load = loadavg();
  try {
    if (!(SIZE in SCHOOL_SIZES)) throw new Error(`BENCH_SIZE must be one of ${Object.keys(SCHOOL_SIZES).join(', ')}`);
    const { archive, meta, cached, migratedNow, plainFile } = await benchSchool(SIZE, dir);
    if (migratedNow) console.warn('The cached school was migrated to the new schema, or given its ten years of audit rows, in this run: its memory figures include that; run again for the methods alone.');
    const ids = drawIds(archive.raw, meta.studentIds[0]!);

    // The dispatcher first, so the peak RSS is the core's (and this harness's), before the baseline connections open.
    const counselor = await archive.login();
    const { call, shutdown } = counselor;
    const compliance = ids.complianceRun ? undefined : await startComplianceRun(counselor, N);
    if (compliance) Object.assign(ids, { complianceRun: compliance.runId, signedComplianceRun: compliance.signedRunId, complianceEvidence: compliance.evidenceId });
    const all = casesOf(ids);
    const cases = ONLY ? all.cases.filter((k) => ONLY.has(k.method)) : all.cases;
    const unmeasured = ONLY ? all.unmeasured.filter((u) => ONLY.has(u.method)) : all.unmeasured;
    // After the raw connection that migrated the copy and drew the ids has closed: what the allocator kept of it is in here too.
    const rssAtLogin = process.memoryUsage().rss;
    const measured: { k: Case; t: Timing }[] = [];
    let peakRss = process.memoryUsage().rss;
    /** Where the resident set grew: the peak after each method against the peak before it. */
    const growth: { method: string; variant: string; grewMiB: number }[] = [];
    const byMethod: MethodMemory[] = [];
    let settled = rssAtLogin;
    const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
    /** What the method did to the resident set, from the peak `before` it. */
    const account = (k: Named, before: number) => {
      if (peakRss > before) growth.push({ method: k.method, variant: k.variant, grewMiB: +((peakRss - before) / 2 ** 20).toFixed(1) });
      const after = memoryAfter(k, peakRss - before, settled);
      settled = after.rss;
      byMethod.push(after.row);
      console.error(`rss after ${k.method} ${k.variant}`.padEnd(72), `${after.row.rssMiB} MiB (${after.row.settledGrewMiB >= 0 ? '+' : ''}${after.row.settledGrewMiB}; peak +${after.row.peakGrewMiB}; heap ${after.row.heapUsedMiB} of ${after.row.heapTotalMiB}, external ${after.row.externalMiB}, V8 malloc ${after.row.v8MallocMiB} peak ${after.row.v8PeakMallocMiB})`);
    };
    for (const k of cases) {
      const before = peakRss;
      const first = await call(k.method, k.input);
      if (!first.ok) {
        unmeasured.push({ method: k.method, reason: `refused: ${first.error.code} ${first.error.messageKey} with ${JSON.stringify(k.input)}` });
        continue;
      }
      const t = await timed(
        () => call(k.method, k.input),
        sampleRss,
        async (i) => {
          const write = k.before?.(i);
          if (!write) return;
          const done = await call(write.method, write.input);
          if (!done.ok) throw new Error(`${k.method} ${k.variant}: the write before it was refused: ${done.error.code} ${done.error.messageKey}`);
        },
      );
      measured.push({ k, t });
      account(k, before);
    }
    const writes: WriteRow[] = [];
    for (const w of WRITE_CASES.filter((w) => !ONLY || ONLY.has(w.method))) {
      const before = peakRss;
      const inputFor = await w.prepare(call, ids, N);
      let input: object = {};
      let previous: unknown;
      const t = await timed(
        async () => {
          const done = await call(w.method, input);
          if (!done.ok) throw refused(w.method, done.error);
          previous = done.value;
        },
        sampleRss,
        async (i) => {
          input = inputFor(i, previous);
        },
      );
      writes.push({ method: w.method, variant: w.variant, ...t });
      account(w, before);
    }
    const memory = process.memoryUsage();
    await shutdown();

    const enc = openDatabase({ file: join(dir, 'run', 'counselroom.db'), key: Buffer.from(meta.rawKeyHex, 'hex') });
    const plainDb = new Database(plainFile(), { readonly: true });
    // The app's cache size on the plain copy too, so only the cipher differs.
    plainDb.pragma(`cache_size = ${CACHE_SIZE_PRAGMA}`);
    const based = baselines(enc, plainDb, cases, meta.userId);
    const unbounded = cases
      .filter((k) => k.method === 'search.notes')
      .map((k) => {
        const input = contract[k.method].input.parse(k.input) as Record<string, unknown>;
        const xs: number[] = [];
        for (let i = 0; i < N; i++) {
          const t0 = performance.now();
          unboundedNotes(enc, input);
          xs.push(performance.now() - t0);
        }
        return { variant: k.variant, ...stats(xs) };
      });
    plainDb.close();
    enc.close();
    const rows: Row[] = measured.map(({ k, t }) => ({ method: k.method, variant: k.variant, ...t, ...based.get(k) }));
    rows.sort((a, b) => b.p95 - a.p95);
    const withBase = rows.filter((r) => r.raw && r.plain);
    const sum = (f: (r: Row) => number) => withBase.reduce((n, r) => n + f(r), 0);
    const result = {
      date: new Date().toISOString(),
      machine: machine(load),
      dataset: { name: SIZE, ...meta.size, rows: meta.counts, cached, migratedInThisRun: migratedNow, seedSeconds: +meta.seedSeconds.toFixed(0) },
      callsPerMethod: N,
      /** How the core ran: 'tsx' (npm run bench:methods, compiling TypeScript as it loads) or 'bundle' (the packaged core's esbuild bundle, npm run bench:methods:bundled). */
      runner: RUNNER,
      /**
       * The Node/V8 flags of this process (the bundled run gives it the core's, electron/core/process-flags.ts);
       * not tsx's loader options, whose paths name the machine the run was on.
       */
      v8Flags: process.execArgv.filter((a) => a.startsWith('--') && !['--require', '--import'].includes(a)),
      peakRssMiB: +(peakRss / 2 ** 20).toFixed(0),
      /** The process before it opened anything (Node, tsx, the modules), and once logged in before the first call. */
      rssAtStartMiB: +(rssAtStart / 2 ** 20).toFixed(0),
      rssAtLoginMiB: +(rssAtLogin / 2 ** 20).toFixed(0),
      /** At the end of the calls: V8's heap, and memory outside it (buffers, the native module's own allocations are in rss only). */
      endMiB: { rss: +(memory.rss / 2 ** 20).toFixed(0), heapUsed: +(memory.heapUsed / 2 ** 20).toFixed(0), external: +(memory.external / 2 ** 20).toFixed(0) },
      rssGrowth: growth.sort((a, b) => b.grewMiB - a.grewMiB).slice(0, 8),
      /** The principal's evaluation of the checklist from live data: compliance.start once, then compliance.refresh N times. */
      complianceEvaluation: compliance && { startMs: +compliance.startMs.toFixed(2), refresh: stats(compliance.refreshMs) },
      /** The kernel's high-water mark of the resident set (between samples too), including the baselines after the calls. */
      maxRssMiB: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
      /** Whether global.gc ran after each method (node --expose-gc), so rssByMethod is what each method left behind. */
      gcAfterEachMethod: GC !== undefined,
      /** Every method in the order it ran: the resident set after it, and what it added since the method before. */
      rssByMethod: byMethod,
      /** Sum of the baselines' p50 on the encrypted archive over the same on the plain copy. */
      encryptionRatio: +(sum((r) => r.raw!.p50) / sum((r) => r.plain!.p50)).toFixed(2),
      rows,
      /** The single-record writes, run after every read: one draft's autosaves, bookings in free slots of one week, one form's answers. */
      writes,
      /** search.notes's raw FTS5 query without the ranking window (bm25 of every hit, full count), on the encrypted archive. */
      unboundedSearch: unbounded,
      unmeasured,
    };
    if (!ONLY) {
      mkdirSync(join('bench', 'results'), { recursive: true });
      writeFileSync(join('bench', 'results', RUNNER === 'bundle' ? 'methods-bundled.json' : 'methods.json'), `${JSON.stringify(result, null, 2)}\n`);
    }
    console.log(markdown(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdown(r: {
  machine: Record<string, unknown>;
  dataset: Record<string, unknown>;
  callsPerMethod: number;
  peakRssMiB: number;
  rssAtStartMiB: number;
  rssAtLoginMiB: number;
  endMiB: Record<string, number>;
  rssGrowth: { method: string; variant: string; grewMiB: number }[];
  maxRssMiB: number;
  gcAfterEachMethod: boolean;
  encryptionRatio: number;
  complianceEvaluation: { startMs: number; refresh: Timing } | undefined;
  rows: Row[];
  writes: WriteRow[];
  unboundedSearch: ({ variant: string } & Timing)[];
  unmeasured: { method: string; reason: string }[];
}): string {
  const f = (x: number) => x.toFixed(2);
  const base = (x: Row) => (x.raw && x.plain ? `${f(x.raw.p50)} / ${f(x.raw.p95)} | ${(x.p50 / x.raw.p50).toFixed(1)}× | ${f(x.plain.p50)} | ${(x.raw.p50 / x.plain.p50).toFixed(2)}×` : ' | | | ');
  return [
    `Machine: ${JSON.stringify(r.machine)}; dataset: ${JSON.stringify(r.dataset)}; ${r.callsPerMethod} calls per method; peak RSS ${r.peakRssMiB} MiB sampled after each call, ${r.maxRssMiB} MiB the kernel's high-water mark${r.gcAfterEachMethod ? ', a full GC after each method' : ''} (${r.rssAtStartMiB} MiB at the start, ${r.rssAtLoginMiB} MiB once logged in; at the end ${JSON.stringify(r.endMiB)}; grown most by ${r.rssGrowth.map((g) => `${g.method} ${g.variant} +${g.grewMiB}`.replace('  ', ' ')).join(', ')}); encryption ratio of the baselines ${r.encryptionRatio}×`,
    '',
    '| method | input | p50 ms | p95 ms | max ms | raw p50 / p95 ms | app/raw p50 | plain raw p50 ms | encrypted/plain |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...r.rows.map((x) => `| ${x.method} | ${x.variant} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.max)} | ${base(x)} |`),
    '',
    '| single-record write | input | p50 ms | p95 ms | max ms |',
    '|---|---|---:|---:|---:|',
    ...r.writes.map((x) => `| ${x.method} | ${x.variant} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.max)} |`),
    '',
    '| search.notes without the ranking window (raw FTS5: bm25 of every hit, full count) | p50 ms | p95 ms |',
    '|---|---:|---:|',
    ...r.unboundedSearch.map((x) => `| ${x.variant} | ${f(x.p50)} | ${f(x.p95)} |`),
    '',
    r.complianceEvaluation
      ? `The compliance evaluation (the principal's compliance.start once, then compliance.refresh): start ${f(r.complianceEvaluation.startMs)} ms; refresh p50 ${f(r.complianceEvaluation.refresh.p50)} ms, p95 ${f(r.complianceEvaluation.refresh.p95)} ms, max ${f(r.complianceEvaluation.refresh.max)} ms.`
      : 'The compliance evaluation: not timed (the archive already had a run).',
    '',
    '| unmeasured method | reason |',
    '|---|---|',
    ...r.unmeasured.map((u) => `| ${u.method} | ${u.reason.replaceAll('|', '/')} |`),
  ].join('\n');
}

void main();
