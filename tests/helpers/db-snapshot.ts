import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

/** Every ordinary table of the archive (FTS shadow tables included; the virtual table itself holds nothing of its own). */
export function tableNames(db: Database.Database): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  return rows.filter((r) => !/^CREATE VIRTUAL/i.test(r.sql)).map((r) => r.name);
}

function hashRows(rows: unknown[][]): string {
  const h = createHash('sha256');
  const lines = rows.map((row) =>
    JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)),
  );
  for (const line of lines.sort()) h.update(line).update('\n');
  return `${lines.length}:${h.digest('hex')}`;
}

/** A content hash of one table: its rows in a stable order, whatever the table's keys. */
export function tableHash(db: Database.Database, table: string, where = ''): string {
  return hashRows(db.prepare(`SELECT * FROM "${table}" ${where}`).raw().all() as unknown[][]);
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

/** Columns whose values differ between two runs of the same operation: fresh ids, clocks, the audit chain's links. */
const VOLATILE = /^(id|at|seq|hash|prev_hash|token)$|_(id|at)$/;

/**
 * Per-table hash of the content that two runs of the same operation on copies of one archive
 * share: every column but fresh ids and timestamps. Equal hashes mean the same rows were written.
 */
export function stableHashes(db: Database.Database, skip: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of tableNames(db).filter((t) => !skip.includes(t))) {
    const cols = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name).filter((c) => !VOLATILE.test(c));
    const rows = cols.length === 0 ? [] : (db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).raw().all() as unknown[][]);
    out.set(table, hashRows(rows));
  }
  return out;
}
