import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_PAGES, checkpointIfGrown, openDatabase } from '../../electron/db/connection';
import { DB_FILE } from '../../electron/core/state';
import { setupSchool, startTestCore, type TestCore } from '../helpers/inproc';

const sizeOf = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** More than the threshold's worth of pages, in a scratch table, in one commit. */
function writePages(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS scratch (x BLOB)');
  const insert = db.prepare('INSERT INTO scratch (x) VALUES (randomblob(3000))');
  db.transaction(() => {
    for (let i = 0; i < CHECKPOINT_PAGES + 200; i++) insert.run();
  })();
}

describe("the WAL's checkpoint, between calls instead of inside the commit that passes the threshold", () => {
  let t: TestCore | undefined;
  afterEach(async () => t?.cleanup());

  it('a commit leaves its pages in the WAL however many; checkpointIfGrown moves them into the archive and empties the WAL', async () => {
    t = await startTestCore();
    const recoveryKey = await setupSchool(t.client);
    const key = Buffer.from((await t.client.key.exportRaw({ recoveryKey })).rawKeyHex, 'hex');
    await t.client.auth.logout({});
    const file = join(t.dataDir, DB_FILE);
    const db = openDatabase({ file, key });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const archiveBefore = sizeOf(file);
    writePages(db);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(CHECKPOINT_PAGES * pageSize);
    expect(sizeOf(file)).toBe(archiveBefore);

    expect(checkpointIfGrown(db, file)).toBe(true);
    expect(sizeOf(`${file}-wal`)).toBe(0);
    expect(sizeOf(file)).toBeGreaterThan(archiveBefore + CHECKPOINT_PAGES * pageSize);
    expect(db.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(CHECKPOINT_PAGES + 200);
    // Nothing waiting: nothing done.
    db.prepare('INSERT INTO scratch (x) VALUES (1)').run();
    expect(checkpointIfGrown(db, file)).toBe(false);
    db.close();
  });

  it('the core checkpoints in the turn after a call when the WAL has grown, and not in the call itself', async () => {
    t = await startTestCore();
    const recoveryKey = await setupSchool(t.client);
    const key = Buffer.from((await t.client.key.exportRaw({ recoveryKey })).rawKeyHex, 'hex');
    const file = join(t.dataDir, DB_FILE);
    // The archive is open in the core (the counselor's session); a second connection writes beside it.
    const beside = openDatabase({ file, key });
    writePages(beside);
    beside.close();
    const grown = sizeOf(`${file}-wal`);
    expect(grown).toBeGreaterThan(0);
    await t.client.students.list({});
    // The answer has come; the checkpoint waits for the next turn of the event loop.
    expect(sizeOf(`${file}-wal`)).toBe(grown);
    await turn();
    await t.client.auth.heartbeat({});
    expect(sizeOf(`${file}-wal`)).toBe(0);
    expect((await t.client.students.list({})).total).toBe(0);
  });
});
