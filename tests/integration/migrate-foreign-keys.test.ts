import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, type Migration } from '../../electron/db/migrate';
import { tempArchive } from '../helpers/raw-db';

const PARENT_AND_CHILD: Migration = {
  version: 1,
  name: 'parent_and_child',
  sql: `CREATE TABLE parent (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a'))) STRICT;
        CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent (id)) STRICT;
        INSERT INTO parent VALUES ('p1', 'a'); INSERT INTO child VALUES ('c1', 'p1');`,
};
/** A CHECK widened the only way SQLite allows: the parent table rebuilt under its children. */
const REBUILD: Migration = {
  version: 2,
  name: 'rebuild_parent',
  sql: `CREATE TEMP TABLE parent_old AS SELECT * FROM parent; DROP TABLE parent;
        CREATE TABLE parent (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a', 'b'))) STRICT;
        INSERT INTO parent SELECT * FROM temp.parent_old; DROP TABLE temp.parent_old;`,
};

let archive: ReturnType<typeof tempArchive> | undefined;
afterEach(() => archive?.remove());

describe('migrations run with foreign keys checked at the end', () => {
  it('rebuild a table that has children, and leave foreign keys enforced afterwards', () => {
    archive = tempArchive('counselroom-migrate-fk-');
    const { db } = archive;
    expect(migrate(db, [PARENT_AND_CHILD, REBUILD])).toBe(2);
    expect(db.prepare('SELECT parent_id FROM child').pluck().all()).toEqual(['p1']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare(`INSERT INTO child VALUES ('c2', 'nowhere')`).run()).toThrow(/FOREIGN KEY/);
  });

  it('roll back a migration that leaves a broken reference, naming it', () => {
    archive = tempArchive('counselroom-migrate-fk-');
    const { db } = archive;
    migrate(db, [PARENT_AND_CHILD]);
    const orphaning: Migration = { version: 2, name: 'orphaning', sql: `DELETE FROM parent WHERE id = 'p1'` };
    expect(() => migrate(db, [PARENT_AND_CHILD, orphaning])).toThrow(/leaves 1 broken references, first \{"table":"child"/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT id FROM parent').pluck().all()).toEqual(['p1']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
