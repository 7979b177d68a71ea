import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { untilChange } from '../../electron/db/until-change';

let dir: string | undefined;
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Two connections to one file in WAL mode, as the core and a second opener (a backup, the CLI) would have. */
function twoConnections(): [Database.Database, Database.Database] {
  dir = mkdtempSync(join(tmpdir(), 'until-change-'));
  const file = join(dir, 'a.db');
  const a = new Database(file);
  a.pragma('journal_mode = WAL');
  a.exec('CREATE TABLE t (n INTEGER NOT NULL); INSERT INTO t VALUES (1), (2)');
  const b = new Database(file);
  open.push(a, b);
  return [a, b];
}

/** The cached sum of t, and how many times it was really computed. */
function cachedSum(db: Database.Database, size = 4) {
  const cache = untilChange<number>(size);
  let builds = 0;
  const sum = (key = 'sum') =>
    cache(db, key, () => {
      builds++;
      return (db.prepare('SELECT total(n) AS s FROM t').get() as { s: number }).s;
    });
  return { sum, builds: () => builds };
}

describe('values kept until the archive changes', () => {
  it('serves the value it built while nothing changes', () => {
    const [a] = twoConnections();
    const { sum, builds } = cachedSum(a);
    expect([sum(), sum(), sum()]).toEqual([3, 3, 3]);
    expect(builds()).toBe(1);
  });

  it('builds again after a write on its own connection, to any table, and after one rolled back', () => {
    const [a] = twoConnections();
    const { sum, builds } = cachedSum(a);
    sum();
    a.prepare('INSERT INTO t VALUES (4)').run();
    expect(sum()).toBe(7);
    a.exec('CREATE TABLE other (x INTEGER)');
    a.prepare('INSERT INTO other VALUES (1)').run();
    expect(sum()).toBe(7);
    expect(builds()).toBe(3);
    expect(() =>
      a.transaction(() => {
        a.prepare('UPDATE t SET n = n + 10').run();
        throw new Error('undone');
      })(),
    ).toThrow('undone');
    expect(sum()).toBe(7);
    expect(builds()).toBe(4);
  });

  it('builds again after another connection committed to the same file', () => {
    const [a, b] = twoConnections();
    const { sum, builds } = cachedSum(a);
    expect(sum()).toBe(3);
    b.prepare('UPDATE t SET n = n * 10').run();
    expect(sum()).toBe(30);
    expect(builds()).toBe(2);
  });

  it('holds at most its size of keys, dropping the least recently used', () => {
    const [a] = twoConnections();
    const { sum, builds } = cachedSum(a, 2);
    sum('x');
    sum('y');
    sum('x');
    sum('z'); // drops y, the least recently used
    expect(builds()).toBe(3);
    sum('x');
    expect(builds()).toBe(3);
    sum('y');
    expect(builds()).toBe(4);
  });
});
