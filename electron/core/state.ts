import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../shared/api/errors';
import { appendAudit, type AuditEntry } from '../audit/chain';
import { checkpointIfGrown, fileStamp, openDatabase } from '../db/connection';
import { readBackupState } from '../services/backup/backup-state';
import { Vault, sameKey } from '../keys/vault';
import { DEFAULT_LOG_N } from '../keys/wrap';
import type { UserView } from '../../shared/api/session';
import type { Actor, CoreOptions, Door } from './types';

export const DB_FILE = 'counselroom.db';
export const VAULT_FILE = 'keyslots.json';

export interface Session extends Actor {
  user: UserView;
  locked: boolean;
  lastActivity: number;
}

const DAMAGED = new Set(['errors.db.corrupt', 'errors.db.truncated']);

/** A damaged archive's error names the newest backup, so the message can offer to restore it. */
function withLatestBackup(e: unknown, dataDir: string): unknown {
  if (!(e instanceof CounselError) || !DAMAGED.has(e.messageKey)) return e;
  const s = readBackupState(dataDir);
  const latestBackup = s.lastFile === null ? null : { file: s.lastFile, at: s.lastAt };
  return new CounselError(e.code, e.messageKey, { ...(e.details as Record<string, unknown> | undefined), latestBackup });
}

export class ConnectionState {
  session: Session | null = null;
  constructor(readonly door: Door) {}
}

/**
 * The archive is open exactly while some connection holds an unlocked session:
 * locking or logging out the last one closes the database and drops the data
 * key from memory (fail closed).
 */
export class CoreState {
  readonly dataDir: string;
  readonly dbPath: string;
  readonly vaultPath: string;
  readonly now: () => number;
  readonly kdfLogN: number;
  readonly nativeBinding: string | undefined;
  readonly connections = new Set<ConnectionState>();
  private database: Database | null = null;
  private dataKey: Buffer | null = null;
  /** fileStamp of the archive when this process last closed it; every page was checked when it opened. */
  private closedAs: string | null = null;

  constructor(opts: CoreOptions) {
    this.dataDir = opts.dataDir;
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    this.dbPath = join(this.dataDir, DB_FILE);
    this.vaultPath = join(this.dataDir, VAULT_FILE);
    this.now = opts.now ?? Date.now;
    this.kdfLogN = opts.kdfLogN ?? DEFAULT_LOG_N;
    this.nativeBinding = opts.nativeBinding;
  }

  get setupDone(): boolean {
    return Vault.exists(this.vaultPath);
  }

  vault(): Vault {
    if (!this.setupDone) throw new CounselError('CONFLICT', 'errors.setup.required');
    return Vault.load(this.vaultPath);
  }

  get db(): Database | null {
    return this.database;
  }

  /** The WAL moved into the archive once it has grown (connection.ts), between calls; nothing while the archive is closed. */
  checkpointIfGrown(): void {
    if (this.database) checkpointIfGrown(this.database, this.dbPath);
  }

  requireDb(): Database {
    if (!this.database) throw new CounselError('LOCKED', 'errors.locked');
    return this.database;
  }

  /** Opens the archive with a key unwrapped from a slot, or checks it matches the open one. */
  open(key: Buffer, expectedSalt: string): Database {
    if (this.database && this.dataKey) {
      if (!sameKey(this.dataKey, key)) throw new CounselError('CONFLICT', 'errors.db.wrongKey');
      return this.database;
    }
    try {
      const pagesChecked = this.closedAs !== null && this.closedAs === fileStamp(this.dbPath);
      this.database = openDatabase({ file: this.dbPath, key, expectedSalt, nativeBinding: this.nativeBinding, pagesChecked });
    } catch (e) {
      throw withLatestBackup(e, this.dataDir);
    }
    this.dataKey = Buffer.from(key);
    return this.database;
  }

  /** First run: a new archive. A database left without a key file by an interrupted setup cannot be opened by anyone; it is moved aside. */
  create(key: Buffer): Database {
    if (existsSync(this.dbPath)) renameSync(this.dbPath, `${this.dbPath}.orphan-${this.now()}`);
    this.database = openDatabase({ file: this.dbPath, key, create: true, nativeBinding: this.nativeBinding });
    this.dataKey = Buffer.from(key);
    return this.database;
  }

  /** Closes the archive when no unlocked session needs it. */
  releaseIfIdle(): void {
    const needed = [...this.connections].some((c) => c.session && !c.session.locked);
    if (!needed) this.close();
  }

  close(): void {
    if (this.database) {
      this.database.close();
      this.closedAs = fileStamp(this.dbPath);
    }
    this.database = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
  }

  audit(conn: ConnectionState, entry: Omit<AuditEntry, 'at' | 'door'>): void {
    const db = this.requireDb();
    db.transaction(() => appendAudit(db, { ...entry, at: this.now(), door: conn.door }))();
  }

  /** The data key, for wrapping a new slot; only while the archive is open. */
  withDataKey<T>(fn: (key: Buffer) => T): T {
    if (!this.dataKey) throw new CounselError('LOCKED', 'errors.locked');
    return fn(this.dataKey);
  }
}
