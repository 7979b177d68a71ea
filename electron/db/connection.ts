import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../shared/api/errors';
import { assertNotFromFuture, loadMigrations, migrate, type Migration } from './migrate';

/** SQLCipher 4 (legacy=4) pages are 4 KiB; an intact main file is a whole number of pages. */
const PAGE_SIZE = 4096;
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
export const SALT_BYTES = 16;

/**
 * The page cache, in KiB (negative, as SQLite takes it): 32 MiB. Encrypted pages are cheap only
 * when the ones in use stay decrypted in the cache (a 2 MB default cost 0.46x of plain inserts,
 * a large one 0.92x), but the core's whole resident set has to stay under 300 MB on a ten-year
 * archive, and 128 MiB of cache filled by statistics and searches took it past 450 MB
 * (docs/PERFORMANCE.md has the encrypted/plain ratio of the screen queries at this size).
 */
export const CACHE_SIZE_PRAGMA = -32768;

export interface OpenOptions {
  file: string;
  key: Buffer;
  /** The salt recorded in the key-slot file when the database was created. */
  expectedSalt?: string;
  nativeBinding?: string;
  create?: boolean;
  migrations?: Migration[];
  /**
   * The file is byte for byte as this process closed it after checking every page when it opened
   * (fileStamp): the page check is skipped, the key and the schema version are still checked.
   */
  pagesChecked?: boolean;
}

/**
 * The archive file's identity and last change, and its WAL's, as the file system tells them: two
 * stamps are equal only if nobody wrote either file in between (a restore replaces the file, a
 * copy changes the inode, any write changes the time).
 */
export function fileStamp(file: string): string {
  const part = (f: string) => {
    if (!existsSync(f)) return '-';
    const s = statSync(f, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  };
  return `${part(file)}|${part(`${file}-wal`)}`;
}

/** First bytes of an SQLCipher file: its random salt, which the key-slot file records. */
export function readSalt(file: string): string | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SALT_BYTES);
    const n = readSync(fd, buf, 0, SALT_BYTES, 0);
    return n === SALT_BYTES ? buf.toString('hex') : null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Looks at the file before SQLite does, so a damaged or foreign file is named
 * precisely and never modified: opening it with a key would not tell a wrong key
 * from a truncated archive.
 */
function inspectExisting(file: string, expectedSalt: string | undefined): void {
  const size = statSync(file).size;
  const salt = readSalt(file);
  if (salt !== null && Buffer.from(salt, 'hex').equals(PLAINTEXT_HEADER)) {
    throw new CounselError('CONFLICT', 'errors.db.plaintext');
  }
  const ours = expectedSalt === undefined || salt === expectedSalt;
  if (size === 0 || size % PAGE_SIZE !== 0) {
    throw new CounselError('CONFLICT', ours && size > 0 ? 'errors.db.truncated' : 'errors.db.notDatabase', { size });
  }
  if (!ours) throw new CounselError('CONFLICT', 'errors.db.wrongKey');
}

function applyKey(db: DB, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/**
 * Opens an existing archive read-only and keyed, for checks that must never write to it
 * (a damaged archive at start-up, a backup being verified).
 */
export function openReadOnly(file: string, key: Buffer, nativeBinding?: string): DB {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyKey(db, key);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * SQLCipher reports a page whose HMAC fails (bytes flipped on disk) as a failed read rather
 * than a quick_check finding, so both ways end in the same typed error.
 */
function damaged(e: unknown, exists: boolean): CounselError {
  if (e instanceof CounselError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR')) {
    return new CounselError('CONFLICT', exists ? 'errors.db.corrupt' : 'errors.db.notDatabase');
  }
  throw e;
}

/**
 * Checks an existing archive through a read-only connection before anything may write to it:
 * the key (a wrong one is otherwise accepted silently), the schema version, and every page
 * (quick_check). Only an archive that passes is opened for writing and migrated. The page check
 * reads the whole file (about 5 s for a ten-year archive of 640 MB), so an unlock after an idle
 * lock skips it when the file is as this process left it (`pagesChecked`).
 */
function checkExisting(file: string, key: Buffer, migrations: Migration[], nativeBinding: string | undefined, pagesChecked: boolean): void {
  const db = openReadOnly(file, key, nativeBinding);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    assertNotFromFuture(db, migrations);
    const check = pagesChecked ? 'ok' : db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new CounselError('CONFLICT', 'errors.db.corrupt');
  } catch (e) {
    throw damaged(e, true);
  } finally {
    db.close();
  }
}

/**
 * Opens (or creates) the encrypted archive: SQLCipher 4 with a raw 256-bit key, an existing
 * file checked read-only first (checkExisting), then WAL, foreign keys and secure_delete, and
 * migrated.
 */
export function openDatabase(opts: OpenOptions): DB {
  if (opts.key.length !== 32) throw new Error('data key must be 32 bytes');
  const exists = existsSync(opts.file) && statSync(opts.file).size > 0;
  if (!exists && !opts.create) throw new CounselError('NOT_FOUND', 'errors.db.missing');
  const migrations = opts.migrations ?? loadMigrations();
  if (exists) {
    inspectExisting(opts.file, opts.expectedSalt);
    checkExisting(opts.file, opts.key, migrations, opts.nativeBinding, opts.pagesChecked === true);
  }

  const db = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    applyKey(db, opts.key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      throw damaged(e, exists);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // The WAL is copied into the archive after the call that grew it, not inside it (checkpointIfGrown).
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma(`cache_size = ${CACHE_SIZE_PRAGMA}`);
    migrate(db, migrations);
    restrictPermissions(opts.file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Owner-only, like the key-slot file: school PCs often have shared accounts. */
function restrictPermissions(file: string): void {
  if (process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/**
 * SQLite's own threshold: the WAL is copied into the archive once it holds this many pages.
 * SQLite does that inside the commit that passes it, so a 5,000-row import or an autosave that
 * happened to be the one paid for it (17-77 ms of re-encrypting pages, in every other import); the
 * core does it instead in the turn after that call's answer (core.ts), between calls.
 */
export const CHECKPOINT_PAGES = 1000;

/**
 * A checkpoint when the WAL has grown past CHECKPOINT_PAGES: what wal_autocheckpoint would have
 * done at the commit. Every frame is already durable in the WAL (synchronous = FULL); this moves
 * them into the archive and empties the WAL file (TRUNCATE), so its size says again how much is
 * waiting. It never waits for a reader: with another connection reading (none does while the core
 * runs, but a hand-opened one might) it copies what it can and tries again after the next write.
 * True when it ran.
 */
export function checkpointIfGrown(db: DB, file: string): boolean {
  const wal = `${file}-wal`;
  if (!existsSync(wal) || statSync(wal).size < CHECKPOINT_PAGES * (db.pragma('page_size', { simple: true }) as number)) return false;
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    checkpoint(db);
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
  return true;
}

/** Writes every WAL frame into the main file so its first page (the salt) is on disk. */
export function checkpoint(db: DB): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
