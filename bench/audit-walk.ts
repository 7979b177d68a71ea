/**
 * The audit chain's full walk on the benchmark school's ten years of audit rows (bench/audit-history.ts),
 * in µs a row: the walk as it was (every row an object from `.iterate()`, the hash split off with a
 * spread) against walkChain (seq-range chunks of `.raw()` arrays), interleaved round by round so
 * that load from other work falls on both alike; then the pieces of the checklist's incremental
 * check (the checkpoint's row, count(*) against max(seq)) timed on their own.
 *
 *   npx tsx bench/audit-walk.ts        (BENCH_SIZE=small|large, BENCH_N rounds, default 5)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS, rowHash, walkChain, CHAIN_START, type StoredRow, type VerifyResult } from '../electron/audit/chain';
import { machine } from './harness';
import { benchSchool, type SchoolSizeName } from './school';

const SIZE = (process.env.BENCH_SIZE ?? 'large') as SchoolSizeName;
const N = Number(process.env.BENCH_N ?? 5);

/** The walk before the chunked one, kept here as the baseline it is measured against. */
function rowObjectWalk(db: Database): VerifyResult {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<StoredRow>) {
    rows++;
    if (r.seq !== expectedSeq) return { ok: false, rows, firstBroken: { seq: r.seq, reason: 'sequence' } };
    if (r.prev_hash !== prevHash) return { ok: false, rows, firstBroken: { seq: r.seq, reason: 'link' } };
    const { hash, ...rest } = r;
    if (rowHash(rest) !== hash) return { ok: false, rows, firstBroken: { seq: r.seq, reason: 'hash' } };
    prevHash = hash;
    expectedSeq++;
  }
  return { ok: true, rows, firstBroken: null };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'counselroom-bench-audit-'));
  const load = loadavg();
  try {
    const { archive } = await benchSchool(SIZE, dir);
    const db = archive.raw;
    const rows = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const xs = { objects: [] as number[], chunks: [] as number[] };
    for (let i = 0; i < N; i++) {
      const before = timed(() => rowObjectWalk(db));
      const after = timed(() => walkChain(db, CHAIN_START));
      if (!before.value.ok || !after.value.ok || before.value.rows !== after.value.rows) throw new Error('the two walks disagree');
      xs.objects.push(before.ms);
      xs.chunks.push(after.ms);
    }
    const pieces = {
      checkpointRow: median(Array.from({ length: N }, () => timed(() => db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(rows)).ms)),
      countRows: median(Array.from({ length: N }, () => timed(() => db.prepare('SELECT count(*) FROM audit_log').pluck().get()).ms)),
      maxSeq: median(Array.from({ length: N }, () => timed(() => db.prepare('SELECT max(seq) FROM audit_log').pluck().get()).ms)),
    };
    db.close();
    const us = (ms: number) => ((ms * 1000) / rows).toFixed(2);
    console.log(JSON.stringify(machine(load)));
    console.log(`audit_log rows ${rows}, ${N} interleaved rounds`);
    console.log(`row objects (.iterate, spread): median ${median(xs.objects).toFixed(0)} ms, ${us(median(xs.objects))} µs a row; all ${xs.objects.map((x) => x.toFixed(0)).join(', ')}`);
    console.log(`seq-range chunks of .raw() arrays: median ${median(xs.chunks).toFixed(0)} ms, ${us(median(xs.chunks))} µs a row; all ${xs.chunks.map((x) => x.toFixed(0)).join(', ')}`);
    console.log(`incremental check's pieces (median ms): checkpoint row ${pieces.checkpointRow.toFixed(3)}, count(*) ${pieces.countRows.toFixed(2)}, max(seq) ${pieces.maxSeq.toFixed(3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
