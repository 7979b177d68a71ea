import { spawnCli } from '../helpers/cli';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterCsv, syntheticRoster } from '../../bench/dataset';
import { verifyAudit } from '../../electron/audit/chain';
import { changedTables, stableHashes } from '../helpers/db-snapshot';
import { envNumber, rng } from '../helpers/fuzz/random';
import { setupSchool, startTestCore, TEST_PASSPHRASE } from '../helpers/inproc';
import { openRaw } from '../helpers/raw-db';

/**
 * Power cuts during long writes: the command line is started on a copy of one archive doing a
 * roster import, an answers import, the yearly 升级 or a recovery-key rotation, and killed with
 * SIGKILL at a random moment. Afterwards the archive must pass integrity_check, its audit chain
 * must verify, the operation must be wholly there (every table as after an uninterrupted run,
 * and its audit row) or wholly absent (every table as before, no audit row), no file may sit
 * half-written at a target path, and the app must open the archive again.
 *
 * CRASH_KILLS sets the number of kills (`npm run torture` for many), CRASH_SEED the sequence.
 */
const KILLS = envNumber('CRASH_KILLS', 10);
const SEED = envNumber('CRASH_SEED', 5);
const STUDENTS = 400;
const NEW_STUDENTS = 1200;
const USER = 'wang';
const DB = 'counselroom.db';
/** What a data folder may hold after a crash: the database, its WAL files and the key slots. */
// The 升级 takes a safety backup first: its folder and the backup state may be there too.
const DATA_FILES = new Set([DB, `${DB}-wal`, `${DB}-shm`, 'keyslots.json', 'backup.json', 'backups']);
// Unfinished work a kill may leave: an atomic write's temporary file, or the backup's encrypted
// snapshot of the archive with its journal (swept by the next backup). Never a half-written file
// at a real name.
const TEMP = /\.(tmp|snapshot)-[0-9a-f]+(-journal)?$/;

interface Op {
  name: string;
  /** The audit action that records the operation. */
  action: string;
  args(data: string): string[];
  stdin?: string;
}

let work: string;
let pristine: string;
let rawKeyHex: string;
let recoveryKey: string;
let ops: Op[];
const reference = new Map<string, { workMs: number; after: Map<string, string> }>();
let before: ReturnType<typeof inspect>;

/**
 * The CLI in a child process with the project's Node (the bundle of the cli project's setup). Its
 * first write (the login's audit row) is seen as the WAL file growing; `killAfterFirstWriteMs`
 * sends SIGKILL that long after it, so start-up time, which varies widely on a busy machine, does
 * not decide where the kill lands.
 */
function runCli(op: Op, data: string, killAfterFirstWriteMs?: number): Promise<{ code: number | null; signal: string | null; ms: number; firstWriteMs: number; err: string }> {
  const started = Date.now();
  const child = spawnCli(op.args(data), { env: { COUNSELROOM_PASSPHRASE: TEST_PASSPHRASE }, stdio: ['pipe', 'ignore', 'pipe'] });
  child.stdin!.end(op.stdin ?? '');
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const wal = join(data, `${DB}-wal`);
  let firstWriteMs = -1;
  let kill: NodeJS.Timeout | undefined;
  const watch = setInterval(() => {
    if (!existsSync(wal) || statSync(wal).size === 0) return;
    clearInterval(watch);
    firstWriteMs = Date.now() - started;
    if (killAfterFirstWriteMs !== undefined) kill = setTimeout(() => child.kill('SIGKILL'), killAfterFirstWriteMs);
  }, 5);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      clearTimeout(kill);
      resolve({ code, signal, ms: Date.now() - started, firstWriteMs, err });
    });
  });
}

function copyPristine(name: string): string {
  const dir = join(work, name);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

/** Opens the archive as SQLCipher tools would (this also replays a WAL left by the crash). */
function inspect(data: string) {
  const db = openRaw(join(data, DB), rawKeyHex);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const audit = verifyAudit(db);
    const hashes = stableHashes(db, ['audit_log']);
    const counts = new Map(
      (db.prepare(`SELECT action, count(*) AS n FROM audit_log WHERE outcome = 'ok' GROUP BY action`).all() as { action: string; n: number }[]).map((x) => [x.action, x.n]),
    );
    return { integrity, audit, hashes, opRows: (action: string) => counts.get(action) ?? 0 };
  } finally {
    db.close();
  }
}

/** The app itself opens the archive after the crash (salt, key, migrations, quick_check), and the recovery key still opens or does not. */
async function appOpens(data: string): Promise<{ login: boolean; oldRecoveryKeyWorks: boolean }> {
  const t = await startTestCore({ dataDir: data });
  try {
    const login = (await t.transport('auth.login', { username: USER, passphrase: TEST_PASSPHRASE })).ok;
    const oldRecoveryKeyWorks = (await t.connect().transport('key.exportRaw', { recoveryKey })).ok;
    return { login, oldRecoveryKeyWorks };
  } finally {
    await t.cleanup();
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'counselroom-crash-'));
  pristine = join(work, 'pristine');
  // Grades 8 and 9: inside the PHQ-9's age range on the day of the screening.
  const roster = syntheticRoster(STUDENTS, 11, [8, 9]);
  const t = await startTestCore({ dataDir: pristine });
  recoveryKey = await setupSchool(t.client, USER);
  await t.client.students.importCommit({ fileName: 'roster.csv', contentBase64: Buffer.from(rosterCsv(roster)).toString('base64') });
  const campaign = await t.client.campaigns.create({ name: '2025 春季普测', scales: [{ scaleId: 'phq9' }], grades: [8, 9], startDate: '2025-03-10', endDate: '2025-03-21' });
  const { ids } = await t.client.campaigns.participantIds({ id: campaign.id });
  await t.client.campaigns.setConsent({ id: campaign.id, entries: ids.map((studentId) => ({ studentId, studentConsent: 'given', guardianConsent: 'given' })) });
  const { token } = await t.client.students.rollForwardPreview({});
  rawKeyHex = (await t.client.key.exportRaw({ recoveryKey })).rawKeyHex;
  await t.cleanup();

  const newcomers = syntheticRoster(NEW_STUDENTS, 12, [7]).map((s, i) => ({ ...s, studentNo: String(20270000 + i) }));
  writeFileSync(join(work, 'newcomers.csv'), rosterCsv(newcomers));
  const answers = roster.map((s, i) => [s.studentNo, '0', '1', '0', '1', '0', '0', '1', '0', i % 10 === 0 ? '1' : '0'].join(','));
  writeFileSync(join(work, 'phq9.csv'), `学号,1,2,3,4,5,6,7,8,9\n${answers.join('\n')}\n`);
  const as = (data: string) => ['--data', data, '--user', USER];
  ops = [
    { name: 'roster import', action: 'students.importCommit', args: (d) => ['roster', 'import', join(work, 'newcomers.csv'), ...as(d)] },
    {
      name: 'answers import',
      action: 'assessments.importCommit',
      args: (d) => ['assess', 'import', join(work, 'phq9.csv'), '--scale', 'phq9', '--date', '2025-03-11', '--campaign', campaign.id, ...as(d)],
    },
    // The pristine archive is mid-term with a screening open: the 升级 runs over those warnings, as a counselor who read them would.
    { name: '升级 (roll-forward)', action: 'students.rollForward', args: (d) => ['call', 'students.rollForward', ...as(d), '--input', JSON.stringify({ token, acknowledgeWarnings: true })] },
    {
      name: 'recovery-key rotation',
      action: 'auth.rotateRecoveryKey',
      args: (d) => ['call', 'auth.rotateRecoveryKey', ...as(d), '--input', '-'],
      stdin: JSON.stringify({ passphrase: TEST_PASSPHRASE }),
    },
  ];

  before = inspect(pristine);
  expect(readdirSync(pristine).sort()).toEqual([DB, 'keyslots.json']);
  // Each operation run to its end once: the state a completed run leaves, and how long it takes.
  for (const op of ops) {
    const data = copyPristine(`reference-${reference.size}`);
    const r = await runCli(op, data);
    expect(r.code, `${op.name}: ${r.err}`).toBe(0);
    expect(r.firstWriteMs, `${op.name}: no write seen`).toBeGreaterThan(0);
    const after = inspect(data);
    expect(after.opRows(op.action)).toBe(before.opRows(op.action) + 1);
    reference.set(op.name, { workMs: r.ms - r.firstWriteMs, after: after.hashes });
    rmSync(data, { recursive: true, force: true });
  }
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('crash injection', () => {
  it(`survives ${KILLS} SIGKILLs at random moments of long writes (seed ${SEED})`, { timeout: 60_000 + KILLS * 30_000 }, async () => {
    const r = rng(SEED);
    const failures: string[] = [];
    const tally = { killed: 0, finished: 0, present: 0, absent: 0, strayTempFiles: 0 };
    for (let i = 0; i < KILLS; i++) {
      const op = ops[i % ops.length]!;
      const ref = reference.get(op.name)!;
      // Anywhere in the work after the login; a run's closing steps (logout, exit) take a good part of
      // the reference time, so kills aim at the first 85 % of it, and a run that still finishes must
      // be wholly there.
      const at = Math.round(r.next() * ref.workMs * 0.85);
      const data = copyPristine(`kill-${i}`);
      const run = await runCli(op, data, at);
      if (run.signal === 'SIGKILL') tally.killed++;
      else tally.finished++;
      const label = `#${i} ${op.name} killed ${at} ms after its first write (a whole run: ${ref.workMs} ms)`;

      const files = readdirSync(data);
      const stray = files.filter((f) => !DATA_FILES.has(f));
      const temps = stray.filter((f) => TEMP.test(f));
      tally.strayTempFiles += temps.length;
      if (stray.length > temps.length) failures.push(`${label}: unexpected files ${stray.join(', ')}`);
      // A backup file appears only by rename once whole; anything else there is a temporary file.
      const backups = files.includes('backups') ? readdirSync(join(data, 'backups')) : [];
      const odd = backups.filter((f) => !f.endsWith('.crbak') && !TEMP.test(f));
      if (odd.length > 0) failures.push(`${label}: unexpected files in backups: ${odd.join(', ')}`);
      for (const json of ['keyslots.json', ...(files.includes('backup.json') ? ['backup.json'] : [])]) {
        try {
          JSON.parse(readFileSync(join(data, json), 'utf8'));
        } catch {
          failures.push(`${label}: ${json} is not whole`);
        }
      }

      const got = inspect(data);
      if (got.integrity.join() !== 'ok') failures.push(`${label}: integrity_check ${got.integrity.join('; ')}`);
      if (!got.audit.ok) failures.push(`${label}: audit chain broken at ${JSON.stringify(got.audit.firstBroken)}`);
      // Audit rows the operation added (the pristine archive's roster came in by an import too).
      const rows = got.opRows(op.action) - before.opRows(op.action);
      const vsBefore = changedTables(before.hashes, got.hashes);
      const vsAfter = changedTables(ref.after, got.hashes);
      if (rows === 0 && vsBefore.length === 0) tally.absent++;
      else if (rows === 1 && vsAfter.length === 0) tally.present++;
      else failures.push(`${label}: partly applied (audit rows ${rows}; differs from before in ${vsBefore.join(', ')}; from after in ${vsAfter.join(', ')})`);

      const opened = await appOpens(data);
      if (!opened.login) failures.push(`${label}: the app cannot open the archive`);
      // A recovery key is only ever replaced with an audit row for it (the row may precede the key file by a moment).
      if (!opened.oldRecoveryKeyWorks && rows === 0) failures.push(`${label}: the recovery key changed without an audit row`);
      if (existsSync(data)) rmSync(data, { recursive: true, force: true });
    }
    process.stdout.write(`[crash] seed ${SEED}: ${JSON.stringify(tally)}\n`);
    expect(failures).toEqual([]);
    expect(tally.present + tally.absent).toBe(KILLS);
  });
});
