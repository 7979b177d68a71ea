import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../shared/api/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Source tree: electron/db/migrations; bundled app: out/main/migrations (copied by the build).
 * Not `new URL('./migrations/', import.meta.url)`: Vite rewrites that pattern in jsdom tests.
 */
export const DEFAULT_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((f) => ({ f, m: FILE.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .map(({ f, m }) => ({ version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering has a gap or duplicate at ${m.version}_${m.name}`);
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database written by a newer CounselRoom before anything touches it. */
export function assertNotFromFuture(db: Database, migrations: Migration[]): void {
  const found = schemaVersion(db);
  if (found > migrations.length) {
    throw new CounselError('CONFLICT', 'errors.db.fromNewerVersion', { found, supported: migrations.length });
  }
}

/**
 * Applies every pending migration in one transaction; user_version tracks the last applied.
 *
 * Foreign keys are off while they run, and checked as a whole before the commit: SQLite's own
 * procedure for rebuilding a table (a CHECK cannot be altered). With them on, dropping a table
 * deletes its rows one by one and looks for each row's children: on the 10-year archive the
 * rebuild of appointments and cases took 266 s, where it takes seconds this way. The pragma is a
 * no-op inside a transaction, so it is set around it; a migration that leaves a reference
 * broken rolls back with the first one named.
 */
export function migrate(db: Database, migrations: Migration[] = loadMigrations()): number {
  assertNotFromFuture(db, migrations);
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) db.exec(m.sql);
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) throw new Error(`migration to ${migrations.length} leaves ${broken.length} broken references, first ${JSON.stringify(broken[0])}`);
      db.pragma(`user_version = ${migrations.length}`);
    })();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return migrations.length;
}
