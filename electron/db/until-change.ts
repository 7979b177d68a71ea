import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from './statements';

/**
 * Where the archive stands: the rows this connection has ever inserted, updated or deleted
 * (`total_changes()`, triggers included) and the commits of any other connection to the same file
 * (`PRAGMA data_version`). Any write at all moves it, so two equal readings on one connection
 * mean nothing in the file has changed between them. A write rolled back still moves it, which
 * only costs a rebuild.
 */
function archiveVersion(db: Database): string {
  const { changes } = stmt(db, 'SELECT total_changes() AS changes').get() as { changes: number };
  return `${changes}:${String(db.pragma('data_version', { simple: true }))}`;
}

interface Entries<V> {
  version: string;
  values: Map<string, V>;
}

/**
 * A few values derived from the whole archive, kept per connection and keyed by their inputs, and
 * dropped together as soon as anything in the archive changes: a value is never served from a state
 * the archive has left. Meant for reads that page through one expensive result (the 学年升级
 * preview builds its plan over the whole roster for every page); `build` must only read, and must
 * run in the caller's transaction so that the version read before it is the one it saw.
 * At most `size` keys are held, the least recently used dropped first.
 */
export function untilChange<V>(size: number): (db: Database, key: string, build: () => V) => V {
  const byConnection = new WeakMap<Database, Entries<V>>();
  return (db, key, build) => {
    const version = archiveVersion(db);
    let entries = byConnection.get(db);
    if (entries?.version !== version) byConnection.set(db, (entries = { version, values: new Map() }));
    const held = entries.values.get(key);
    if (held !== undefined) {
      entries.values.delete(key);
      entries.values.set(key, held);
      return held;
    }
    const value = build();
    entries.values.set(key, value);
    if (entries.values.size > size) entries.values.delete(entries.values.keys().next().value!);
    return value;
  };
}
