import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface TableDigest {
  rows: number;
  sha256: string;
}

interface TableRow {
  name: string;
  sql: string;
}

/**
 * Row count and a content hash of every stored table (FTS shadow tables included, the virtual
 * tables themselves skipped: they hold nothing of their own). Rows are hashed with their rowid,
 * in rowid order, because other tables point at rowids (note_index → notes_fts); tables without
 * rowid are ordered by every column. Two archives with equal digests hold the same data.
 */
export function tableDigests(db: Database): Record<string, TableDigest> {
  const tables = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .all() as TableRow[];
  const out: Record<string, TableDigest> = {};
  for (const t of tables) {
    const quoted = `"${t.name.replace(/"/g, '""')}"`;
    const withoutRowid = /WITHOUT\s+ROWID\s*$/i.test(t.sql.trim());
    const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(t.name) as { n: number }).n;
    const order = withoutRowid ? Array.from({ length: columns }, (_, i) => i + 1).join(', ') : 'rowid';
    const select = withoutRowid ? `SELECT * FROM ${quoted} ORDER BY ${order}` : `SELECT rowid, * FROM ${quoted} ORDER BY ${order}`;
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(select).raw().iterate() as Iterable<unknown[]>) {
      rows++;
      hash.update(JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : typeof v === 'bigint' ? v.toString() : v))));
      hash.update('\n');
    }
    out[t.name] = { rows, sha256: hash.digest('hex') };
  }
  return out;
}
