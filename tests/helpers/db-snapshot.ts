import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

/** Every ordinary table of the archive (FTS shadow tables included; the virtual table itself holds nothing of its own). */
export function tableNames(db: Database.Database): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  return rows.filter((r) => !/^CREATE VIRTUAL/i.test(r.sql)).map((r) => r.name);
}

/** A content hash of one table: its rows in a stable order, whatever the table's keys. */
export function tableHash(db: Database.Database, table: string, where = ''): string {
  const h = createHash('sha256');
  const rows = (db.prepare(`SELECT * FROM "${table}" ${where}`).raw().all() as unknown[][]).map((row) =>
    JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)),
  );
  for (const row of rows.sort()) h.update(row).update('\n');
  return `${rows.length}:${h.digest('hex')}`;
}

/** Content hash per table, for "this call changed nothing" and "the restored archive is identical". */
export function contentHashes(db: Database.Database, skip: readonly string[] = []): Map<string, string> {
  return new Map(tableNames(db).filter((t) => !skip.includes(t)).map((t) => [t, tableHash(db, t)]));
}

/** Tables whose hash differs between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((t) => before.get(t) !== after.get(t));
}
