import type Database from 'better-sqlite3-multiple-ciphers';
import { tableNames } from '../db-snapshot';

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const singular = (s: string) => s.replace(/ies$/, 'y').replace(/s$/, '');

/**
 * Values found in the archive, by the field name an input would use (student_id → studentId,
 * students.id → studentId and, for the students namespace, id), so generated inputs name real
 * records and reach the services' deeper checks instead of stopping at NOT_FOUND. Values of the
 * acting user are left out: the fuzzer must not disable, demote or log out the account it fuzzes as.
 */
export function archiveValues(db: Database.Database, exclude: readonly string[]): (namespace: string, field: string) => string | undefined {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, v: unknown) => {
    if (typeof v !== 'string' || v === '' || v.length > 64 || exclude.includes(v)) return;
    const set = byKey.get(key) ?? new Set<string>();
    if (set.size < 40) set.add(v);
    byKey.set(key, set);
  };
  for (const table of tableNames(db)) {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const rows = db.prepare(`SELECT * FROM "${table}" LIMIT 40`).all() as Record<string, unknown>[];
    for (const row of rows) {
      if (exclude.includes(row.id as string)) continue;
      for (const col of columns) {
        add(camel(col), row[col]);
        if (col === 'id') {
          add(`${camel(singular(table))}Id`, row.id);
          add(`table:${table}`, row.id);
          add('anyId', row.id);
        }
      }
    }
  }
  const pick = (key: string, n: number) => {
    const set = byKey.get(key);
    return set && set.size > 0 ? [...set][n % set.size] : undefined;
  };
  let turn = 0;
  return (namespace, field) => {
    turn++;
    if (field !== 'id') return pick(field, turn) ?? (field.endsWith('Id') ? pick('anyId', turn) : undefined);
    // A method's own `id` names a record of its namespace: students.get → a row of students.
    const own = [...byKey.keys()].filter((k) => k.startsWith('table:') && k.includes(singular(namespace)));
    return own.length > 0 ? pick(own[turn % own.length]!, turn) : pick('anyId', turn);
  };
}
