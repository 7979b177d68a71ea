/**
 * Benchmarks with ratios against raw SQLite in the same run (npm run bench).
 * The app side goes through the real dispatcher on an encrypted archive; the
 * baseline does the same SQL on a plain better-sqlite3 file with the same schema.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createClient } from '../shared/api/client';
import type { CounselClient } from '../shared/api/contract';
import { createCore } from '../electron/core/core';
import { openDatabase } from '../electron/db/connection';
import { loadMigrations } from '../electron/db/migrate';
import { DEFAULT_LOG_N, deriveKek, newKdfParams } from '../electron/keys/wrap';
import { pinyinKeys } from '../shared/domain/pinyin';
import { uuidv7 } from '../shared/ids';
import { assessmentsBench } from './assessments';
import { counselingBench } from './counseling';
import { crisisBench } from './crisis';
import { rosterCsv, syntheticRoster } from './dataset';
import { districtBench } from './district';
import { machine, nextTurn, type Results } from './harness';
import { scheduleBench } from './schedule';

const PASS = 'seven quiet lanterns by the river';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  await nextTurn();
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

async function timeMedian(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push((await time(fn))[0]);
  return median(xs);
}

function plainBaseline(dir: string, rows: ReturnType<typeof syntheticRoster>, fileName = 'plain.db') {
  const db = new Database(join(dir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  for (const m of loadMigrations()) db.exec(m.sql);
  const insert = db.prepare(
    `INSERT INTO students (id, student_no, name, name_pinyin, name_initials, sex, birth_date, grade, class_name, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 0, 0)`,
  );
  const t0 = performance.now();
  const cpu0 = cpuMs();
  db.transaction(() => rows.forEach((s, i) => insert.run(String(i), s.studentNo, s.name, `py${i}`, 'x', s.sex, s.birthDate, s.grade, s.className)))();
  return { db, insertMs: performance.now() - t0, insertCpuMs: cpuMs() - cpu0 };
}

/**
 * The same rows as the archive stores them, raw: each student with its real pinyin keys, a
 * UUIDv7 id and its guardian in the row's JSON (made before the clock starts: they are the app's work), into a
 * fresh plain file with the same schema, one prepared INSERT a row, one transaction. The baseline
 * above writes neither the guardians nor real keys; this one says how much of the gap is that.
 */
function storedRowsBaseline(dir: string, rows: ReturnType<typeof syntheticRoster>, fileName: string) {
  const db = new Database(join(dir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  for (const m of loadMigrations()) db.exec(m.sql);
  const now = Date.now();
  const stored = rows.map((s) => ({ ...s, id: uuidv7(now), keys: pinyinKeys(s.name), guardians: JSON.stringify([{ name: s.guardian, relation: '', phone: s.phone }]) }));
  const student = db.prepare(
    `INSERT INTO students (id, student_no, name, name_pinyin, name_initials, sex, birth_date, grade, class_name, enrollment_year, status, guardians, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'active', ?, '', ?, ?)`,
  );
  const t0 = performance.now();
  const cpu0 = cpuMs();
  db.transaction(() => {
    for (const s of stored) {
      student.run(s.id, s.studentNo, s.name, s.keys.full, s.keys.initials, s.sex, s.birthDate, s.grade, s.className, s.guardians, now, now);
    }
  })();
  const out = { insertMs: performance.now() - t0, insertCpuMs: cpuMs() - cpu0 };
  db.close();
  return out;
}

/** CPU time of this process (the core runs in it): on a shared machine, unlike the wall clock, it does not count the wait for a core. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * More rounds of the import commit against the raw insert, each with 5,000 new students (the
 * archive grows by 5,000 a round; the raw insert goes to a fresh file), interleaved so that load
 * from other work falls on both alike: the ratios of wall time and of CPU time per round.
 */
async function importRounds(c: CounselClient, dir: string, rounds: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const storedWall: number[] = [];
  const storedCpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const rows = syntheticRoster(5000, 100 + r).map((s, i) => ({ ...s, studentNo: String(50000000 + r * 10000 + i) }));
    const file = { fileName: `round${r}.csv`, contentBase64: Buffer.from(rosterCsv(rows)).toString('base64') };
    await nextTurn();
    const cpu0 = cpuMs();
    const [commitMs] = await time(() => c.students.importCommit(file));
    const commitCpu = cpuMs() - cpu0;
    const raw = plainBaseline(dir, rows, `plain-round${r}.db`);
    raw.db.close();
    wall.push(raw.insertMs / commitMs);
    cpu.push(raw.insertCpuMs / commitCpu);
    const stored = storedRowsBaseline(dir, rows, `stored-round${r}.db`);
    storedWall.push(stored.insertMs / commitMs);
    storedCpu.push(stored.insertCpuMs / commitCpu);
  }
  return { wall, cpu, storedWall, storedCpu };
}

/** The process's peak resident set so far (the core runs in this process). */
const peakRss = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;

/** BENCH_ONLY=roster runs just the roster import step; its figures go to bench-roster.json, leaving the full run's file. */
const ONLY = process.env.BENCH_ONLY;

function report(load: number[], results: [string, string][]): void {
  console.log('\nCounselRoom benchmarks (Node', process.version, ')\n');
  for (const [k, v] of results) console.log(`${k.padEnd(100)} ${v}`);
  mkdirSync(join('bench', 'results'), { recursive: true });
  writeFileSync(join('bench', 'results', ONLY ? `bench-${ONLY}.json` : 'bench.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: machine(load), results }, null, 2)}\n`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'counselroom-bench-'));
  const load = loadavg();
  const results: [string, string][] = [];
  try {
    const core = createCore({ dataDir: join(dir, 'app'), kdfLogN: DEFAULT_LOG_N });
    const c: CounselClient = createClient((m, i) => conn.call(m, i));
    const conn = core.connect('test');
    const { recoveryKey } = await c.setup.initialize({
      school: { name: '基准中学', code: '0000000000', stages: ['junior', 'senior'], enrollment: 10000, district: '基准区', timeZone: 'Asia/Shanghai' },
      counselor: { username: 'bench', displayName: '基准', passphrase: PASS },
    });

    // 1. Import of 5,000 roster rows (CSV), dry run and commit, against a plain insert of the same rows.
    const first = syntheticRoster(5000, 1);
    const file = { fileName: 'roster.csv', contentBase64: Buffer.from(rosterCsv(first)).toString('base64') };
    const [previewMs] = await time(() => c.students.importPreview(file));
    const [commitMs, committed] = await time(() => c.students.importCommit(file));
    const plain = plainBaseline(dir, first);
    results.push(['import 5,000 rows: preview (parse + validate)', `${previewMs.toFixed(0)} ms`]);
    results.push(['import 5,000 rows: commit (parse + validate + pinyin + write + audit)', `${commitMs.toFixed(0)} ms (${committed.created} created)`]);
    results.push(['  raw SQLite insert of the same 5,000 rows (plain file, one tx)', `${plain.insertMs.toFixed(0)} ms`]);
    results.push(['  app/raw rate of the commit (raw ms / commit ms)', `${(plain.insertMs / commitMs).toFixed(2)}`]);
    if (ONLY === 'roster') {
      const rounds = await importRounds(c, dir, Number(process.env.BENCH_ROUNDS ?? 7));
      const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
      results.push([`  app/raw rate, ${rounds.wall.length} more rounds interleaved: median of wall-time ratios (each)`, `${median(rounds.wall).toFixed(2)} (${list(rounds.wall)})`]);
      results.push(['  app/raw rate, the same rounds: median of CPU-time ratios (each)', `${median(rounds.cpu).toFixed(2)} (${list(rounds.cpu)})`]);
      results.push(['  against the rows as stored (real pinyin keys and ids, guardians): median of wall-time ratios', `${median(rounds.storedWall).toFixed(2)} (${list(rounds.storedWall)})`]);
      results.push(['  against the rows as stored: median of CPU-time ratios', `${median(rounds.storedCpu).toFixed(2)} (${list(rounds.storedCpu)})`]);
      await core.shutdown();
      plain.db.close();
      return report(load, results);
    }

    // 2. Roster list at 10,000 students.
    await c.students.importCommit({ fileName: 'more.csv', contentBase64: Buffer.from(rosterCsv(syntheticRoster(5000, 2).map((s, i) => ({ ...s, studentNo: String(30260000 + i) })))).toString('base64') });
    const more = syntheticRoster(5000, 2);
    plain.db.transaction(() => more.forEach((s, i) => plain.db.prepare(`INSERT INTO students (id, student_no, name, name_pinyin, name_initials, sex, grade, class_name, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', ?, ?, ?, 'active', 0, 0)`).run(`m${i}`, `m${i}`, s.name, `py${i}`, s.sex, s.grade, s.className)))();
    const total = (await c.students.list({})).total;
    const listMs = await timeMedian(30, () => c.students.list({ page: 100, pageSize: 50 }));
    const searchMs = await timeMedian(30, () => c.students.list({ query: 'zh' }));
    const filterMs = await timeMedian(30, () => c.students.list({ grade: 8, className: '3班' }));
    const rawList = plain.db.prepare(`SELECT id, student_no, name, sex, grade, class_name, status FROM students WHERE deleted_at IS NULL ORDER BY name_pinyin, name, student_no LIMIT 50 OFFSET 4950`);
    const rawCount = plain.db.prepare(`SELECT count(*) FROM students WHERE deleted_at IS NULL`);
    const rawListMs = await timeMedian(30, () => (rawCount.get(), rawList.all()));
    results.push([`students.list at ${total} students, page 100 by pinyin (median of 30)`, `${listMs.toFixed(2)} ms`]);
    results.push(['  raw SQLite, same query + count on a plain file', `${rawListMs.toFixed(2)} ms (ratio ${(listMs / rawListMs).toFixed(1)}x)`]);
    results.push([`students.list search "zh" (pinyin prefix, median of 30)`, `${searchMs.toFixed(2)} ms`]);
    results.push([`students.list filter grade + class (median of 30)`, `${filterMs.toFixed(2)} ms`]);

    // 3. Opening the archive: the database alone (raw key: cipher, key check, quick_check, pragmas,
    // migration check) and a whole login (scrypt of the key slot first).
    await c.auth.logout({});
    const [loginMs] = await time(() => c.auth.login({ username: 'bench', passphrase: PASS }));
    await c.auth.logout({});
    const { rawKeyHex } = await c.key.exportRaw({ recoveryKey });
    await core.shutdown();
    const key = Buffer.from(rawKeyHex, 'hex');
    const dbFile = join(dir, 'app', 'counselroom.db');
    const openMs = await timeMedian(10, () => openDatabase({ file: dbFile, key }).close());
    const [kdfMs] = await time(() => deriveKek('x', newKdfParams(DEFAULT_LOG_N)));
    results.push([`open the encrypted archive at ${total} students (median of 10)`, `${openMs.toFixed(1)} ms`]);
    results.push([`  scrypt of a key slot (logN ${DEFAULT_LOG_N}, r 8, p 1)`, `${kdfMs.toFixed(0)} ms`]);
    results.push(['whole login (scrypt + open)', `${loginMs.toFixed(0)} ms`]);
    plain.db.close();

    results.push(['  peak RSS of the process so far', peakRss()]);

    // 4. Counseling: search over 30,000 notes against a LIKE scan, archive timeline, draft autosave.
    const suites: [string, (d: string) => Promise<Results>][] = [
      ['counseling (bench/counseling.ts)', counselingBench],
      ['schedule (bench/schedule.ts)', scheduleBench],
      ['assessments (bench/assessments.ts)', assessmentsBench],
      ['crisis (bench/crisis.ts)', crisisBench],
      ['district office, 500 school packages (bench/district.ts)', (d) => districtBench(d)],
    ];
    for (const [title, suite] of suites) {
      results.push([`${title}:`, '']);
      results.push(...(await suite(dir)));
      results.push(['  peak RSS of the process so far', peakRss()]);
    }
    report(load, results);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
