import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { autoBackupDue, backupOverdue, backupsToKeep } from '../../../shared/domain/backup-rotation';
import { CounselError } from '../../../shared/api/errors';
import type { BackupFile, BackupJobView } from '../../../shared/api/backup';
import { uuidv7 } from '../../../shared/ids';
import { verifyAudit } from '../../audit/chain';
import { openReadOnly } from '../../db/connection';
import { schemaVersion } from '../../db/migrate';
import { tableDigests } from '../../db/table-digests';
import { openAtomic, writeFileAtomic, type AtomicFile } from '../../fs/atomic-write';
import { parseRecoveryKey } from '../../keys/recovery-key';
import { Vault } from '../../keys/vault';
import { DB_FILE, VAULT_FILE, type ConnectionState, type CoreState } from '../../core/state';
import { sessionActor } from '../accounts/session';
import { readSchool } from '../accounts/settings-store';
import { openContainer, writeContainer, type BackupHeader, type Progress } from './container';
import { backupFolder, readBackupState, writeBackupState } from './backup-state';

export const BACKUP_EXT = '.crbak';
const NAME = /^counselroom-(manual|auto|before)-(\d{8}T\d{9}Z)-[0-9a-f]{4}\.crbak$/;
const SNAPSHOT = `${DB_FILE}.snapshot-`;

type Kind = BackupFile['kind'];

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function stampMs(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s)!;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
}

/** A backup being written: the encrypted copy is made at once, the container is written chunk by chunk. */
interface Pending {
  file: string;
  steps: Generator<Progress, void>;
  finish(): void;
  abort(): void;
}

/**
 * Takes the copy: `VACUUM INTO` writes a consistent snapshot of the open archive, already
 * encrypted under the same key (SQLite3 Multiple Ciphers keeps the cipher), while other readers
 * and the WAL carry on. SQLite's backup API would be the other way, but this build refuses it
 * into a target without a key, and better-sqlite3 cannot key the target, and a plaintext copy
 * on disk is out of the question. The snapshot sits beside the archive (same disk, fast, never
 * plain) only until the container is written.
 */
function begin(core: CoreState, folder: string, kind: Kind, reason: string): Pending {
  const db = core.requireDb();
  const now = core.now();
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const f of readdirSync(core.dataDir)) if (f.startsWith(SNAPSHOT)) rmSync(join(core.dataDir, f), { force: true });
  const snapshot = join(core.dataDir, `${SNAPSHOT}${randomBytes(6).toString('hex')}`);
  const file = join(folder, `counselroom-${kind}-${stamp(now)}-${randomBytes(2).toString('hex')}${BACKUP_EXT}`);
  const dataKey = core.withDataKey((k) => Buffer.from(k));
  let out: AtomicFile | null = null;
  const cleanup = () => {
    rmSync(snapshot, { force: true });
    dataKey.fill(0);
  };
  try {
    db.prepare('VACUUM INTO ?').run(snapshot);
    out = openAtomic(file);
    const fields = { createdAt: now, reason, schemaVersion: schemaVersion(db), keyslots: readFileSync(core.vaultPath, 'utf8') };
    const steps = writeContainer(out, dataKey, fields, [{ name: DB_FILE, path: snapshot }]);
    const atomic = out;
    return {
      file,
      steps,
      finish() {
        try {
          atomic.commit();
        } finally {
          cleanup();
        }
        writeBackupState(core.dataDir, { lastAt: now, lastFile: file, ...(kind === 'auto' ? { lastAutoAt: now } : {}) });
      },
      abort() {
        steps.return();
        atomic.abort();
        cleanup();
      },
    };
  } catch (e) {
    out?.abort();
    cleanup();
    throw e;
  }
}

function drain(steps: Generator<Progress, void>): void {
  while (!steps.next().done);
}

/** Writes a whole backup now, blocking: for the steps that must not start without one. */
function backupNow(core: CoreState, folder: string, kind: Kind, reason: string): string {
  const p = begin(core, folder, kind, reason);
  try {
    drain(p.steps);
    p.finish();
    return p.file;
  } catch (e) {
    p.abort();
    throw e;
  }
}

/**
 * The safety copy before a roster 升级, a retention purge or a restore (methods marked
 * `backupFirst` in the contract, and restore itself): if it cannot be written, the step
 * does not run.
 */
export function backupBeforeOperation(core: CoreState, conn: ConnectionState, operation: string): string {
  let file: string;
  try {
    file = backupNow(core, backupFolder(core.dataDir), 'before', operation);
  } catch (e) {
    if (e instanceof CounselError) throw e;
    throw new CounselError('CONFLICT', 'errors.backup.beforeFailed', { operation });
  }
  core.audit(conn, { ...sessionActor(conn), action: 'backup.before', targetType: null, targetId: null, outcome: 'ok', details: { operation } });
  return file;
}

interface Job {
  view: BackupJobView;
  cancel: boolean;
}

const jobs = new WeakMap<CoreState, Map<string, Job>>();

function jobsOf(core: CoreState): Map<string, Job> {
  let m = jobs.get(core);
  if (!m) jobs.set(core, (m = new Map()));
  return m;
}

/** Runs the container writing between other calls, so progress can be asked and a cancel heard. */
export function startJob(core: CoreState, folder: string): BackupJobView {
  const p = begin(core, folder, 'manual', 'manual');
  const job: Job = { view: { jobId: uuidv7(core.now()), state: 'running', done: 0, total: 0, file: null, errorKey: null }, cancel: false };
  jobsOf(core).set(job.view.jobId, job);
  void (async () => {
    try {
      for (const step of p.steps) {
        job.view = { ...job.view, ...step };
        await new Promise((r) => setImmediate(r));
        if (job.cancel) {
          p.abort();
          job.view = { ...job.view, state: 'cancelled' };
          return;
        }
      }
      p.finish();
      job.view = { ...job.view, state: 'done', file: p.file };
    } catch (e) {
      p.abort();
      job.view = { ...job.view, state: 'failed', errorKey: e instanceof CounselError ? e.messageKey : 'errors.backup.writeFailed' };
    }
  })();
  return job.view;
}

export function jobView(core: CoreState, jobId: string): Job {
  const job = jobsOf(core).get(jobId);
  if (!job) throw new CounselError('NOT_FOUND', 'errors.backup.noSuchJob', { path: 'jobId' });
  return job;
}

export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = join(folder, name);
    out.push({ file, name, kind: m[1] as Kind, at: stampMs(m[2]!), size: statSync(file).size });
  }
  return out.sort((a, z) => z.at - a.at);
}

export function backupStatus(core: CoreState) {
  const s = readBackupState(core.dataDir);
  return { folder: s.folder, maxAgeDays: s.maxAgeDays, lastAt: s.lastAt, overdue: backupOverdue(s.lastAt, core.now(), s.maxAgeDays) };
}

/** Today's automatic backup, if not yet taken, then the older automatic ones thinned to 7 daily + 4 weekly. */
export function runDueBackup(core: CoreState, conn: ConnectionState): { created: string | null; removed: string[] } {
  const state = readBackupState(core.dataDir);
  // Automatic backups belong on another disk; until one is chosen the home screen says so instead.
  if (state.folder === null) return { created: null, removed: [] };
  const folder = state.folder;
  const tz = readSchool(core.requireDb()).timeZone;
  const now = core.now();
  if (!autoBackupDue(state.lastAutoAt, now, tz)) return { created: null, removed: [] };
  const created = backupNow(core, folder, 'auto', 'auto');
  const autos = listBackups(folder).filter((b) => b.kind === 'auto');
  const keep = backupsToKeep(autos, tz);
  const removed = autos.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) rmSync(join(folder, name), { force: true });
  core.audit(conn, { ...sessionActor(conn), action: 'backup.auto', targetType: null, targetId: null, outcome: 'ok', details: { removed: removed.length } });
  return { created: basename(created), removed };
}

/**
 * The data key a backup opens with: the recovery key through the key-slot file the backup
 * carries, or else the key of the caller's open session (a backup of this same archive).
 */
export async function backupKey(core: CoreState, conn: ConnectionState, header: BackupHeader, recoveryKey: string | undefined): Promise<Buffer> {
  assertKeySource(conn, recoveryKey);
  if (recoveryKey !== undefined) {
    const rk = parseRecoveryKey(recoveryKey);
    const key = rk ? await Vault.parse('', header.keyslots).unlockRecovery(rk) : null;
    if (!key) throw new CounselError('VALIDATION', 'errors.validation', [{ path: 'recoveryKey', reason: 'errors.backup.wrongRecoveryKey' }]);
    return key;
  }
  return core.withDataKey((k) => Buffer.from(k));
}

/**
 * Without the recovery key only a counselor's open session may open a backup. Checked before the
 * file is even read, so a caller at the login screen learns nothing about paths on the disk.
 */
function assertKeySource(conn: ConnectionState, recoveryKey: string | undefined): void {
  if (recoveryKey !== undefined) return;
  const s = conn.session;
  if (!s || s.locked) throw new CounselError('VALIDATION', 'errors.validation', [{ path: 'recoveryKey', reason: 'errors.backup.recoveryKeyRequired' }]);
  if (s.role !== 'counselor') throw new CounselError('FORBIDDEN', 'errors.forbidden');
}

export interface Checked {
  createdAt: number;
  schemaVersion: number;
  auditRows: number;
  tables: { name: string; rows: number; sha256: string }[];
}

/** Decrypts a backup's database into `dbFile` (atomically) and checks it read-only; throws if anything is off. */
function extract(file: string, key: Buffer, dbFile: string, nativeBinding: string | undefined): { header: BackupHeader; checked: Checked } {
  const c = openContainer(file);
  const out = openAtomic(dbFile);
  try {
    drain(c.read(key, (entry, data) => entry === DB_FILE && out.write(data)));
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  } finally {
    c.close();
  }
  const db = openReadOnly(dbFile, key, nativeBinding);
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch {
      integrity = 'unreadable';
    }
    if (integrity !== 'ok') throw new CounselError('CONFLICT', 'errors.backup.integrity');
    const audit = verifyAudit(db);
    if (!audit.ok) throw new CounselError('CONFLICT', 'errors.backup.auditChain', { seq: audit.firstBroken?.seq });
    const tables = Object.entries(tableDigests(db)).map(([name, d]) => ({ name, ...d }));
    return { header: c.header, checked: { createdAt: c.header.createdAt, schemaVersion: c.header.schemaVersion, auditRows: audit.rows, tables } };
  } finally {
    db.close();
  }
}

export async function verifyBackup(core: CoreState, conn: ConnectionState, file: string, recoveryKey: string | undefined): Promise<Checked> {
  const header = readHeader(file);
  const key = await backupKey(core, conn, header, recoveryKey);
  // The decrypted database is still SQLCipher under the data key: nothing plain touches the disk.
  const dir = mkdtempSync(join(tmpdir(), 'counselroom-verify-'));
  try {
    return extract(file, key, join(dir, DB_FILE), core.nativeBinding).checked;
  } finally {
    key.fill(0);
    rmSync(dir, { recursive: true, force: true });
  }
}

function readHeader(file: string): BackupHeader {
  const c = openContainer(file);
  c.close();
  return c.header;
}

/** Restores into a new, empty folder; the live archive is backed up first when it is open. */
export async function restoreBackup(core: CoreState, conn: ConnectionState, file: string, targetDir: string, recoveryKey: string | undefined): Promise<Checked> {
  // Every refusal comes before anything is created on disk.
  assertKeySource(conn, recoveryKey);
  const header = readHeader(file);
  const key = await backupKey(core, conn, header, recoveryKey);
  const target = resolve(targetDir);
  let existing: string[] | null = null;
  try {
    if (target === resolve(core.dataDir)) throw new CounselError('CONFLICT', 'errors.backup.targetIsLive', { path: 'targetDir' });
    try {
      existing = readdirSync(target);
    } catch {
      existing = null;
    }
    if (existing !== null && existing.length > 0) throw new CounselError('CONFLICT', 'errors.backup.targetNotEmpty', { path: 'targetDir' });
  } catch (e) {
    key.fill(0);
    throw e;
  }
  if (existing === null) mkdirSync(target, { recursive: true, mode: 0o700 });
  if (core.db) backupBeforeOperation(core, conn, 'backup.restore');
  try {
    const { checked } = extract(file, key, join(target, DB_FILE), core.nativeBinding);
    writeFileAtomic(join(target, VAULT_FILE), header.keyslots);
    if (core.db) core.audit(conn, { ...sessionActor(conn), action: 'backup.restore', targetType: null, targetId: null, outcome: 'ok', details: { createdAt: header.createdAt } });
    return checked;
  } catch (e) {
    rmSync(join(target, DB_FILE), { force: true });
    throw e;
  } finally {
    key.fill(0);
  }
}
