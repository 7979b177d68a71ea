import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../helpers/inproc';

// An archive made by the CLI on Node 20 with better-sqlite3-multiple-ciphers 12.x, before the
// project moved to Node 24 (fixture.json says how). A school's archive outlives the runtime
// and the database module it was written with, so it must keep opening after each upgrade.
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'archive-node20');
const made = JSON.parse(readFileSync(join(FIXTURE, 'fixture.json'), 'utf8')) as {
  passphrase: string;
  recoveryKey: string;
  user: string;
  students: { id?: string; studentNo: string; name: string }[];
};

let dataDir = '';
let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A working copy: opening an archive may migrate it, and the fixture must stay as it was made. */
function copyOfFixture(): string {
  dataDir = mkdtempSync(join(tmpdir(), 'counselroom-fixture-'));
  for (const file of ['counselroom.db', 'keyslots.json']) cpSync(join(FIXTURE, file), join(dataDir, file));
  return dataDir;
}

describe('an archive made on Node 20 with the 12.x database module', () => {
  it('opens with the passphrase, reads its students and audit chain, and takes new writes that survive a reopen', async () => {
    t = await startTestCore({ dataDir: copyOfFixture() });
    const { user } = await t.client.auth.login({ username: made.user, passphrase: made.passphrase });
    expect(user).toMatchObject({ username: made.user, role: 'counselor' });

    const found = await t.client.students.list({ query: 'zsm' });
    expect(found.items.map((s) => [s.id, s.studentNo, s.name])).toEqual([[made.students[0]!.id, made.students[0]!.studentNo, made.students[0]!.name]]);
    expect((await t.client.students.list({})).items.map((s) => s.name).sort()).toEqual(made.students.map((s) => s.name).sort());
    expect(await t.client.audit.verify({})).toMatchObject({ ok: true, firstBroken: null });

    const added = await t.client.students.create({ studentNo: '20240103', name: '赵小北', sex: 'F', grade: 9, className: '2班' });
    await t.cleanup();

    t = await startTestCore({ dataDir });
    await t.client.auth.login({ username: made.user, passphrase: made.passphrase });
    expect((await t.client.students.get({ id: added.id })).name).toBe('赵小北');
    expect(await t.client.audit.verify({})).toMatchObject({ ok: true, firstBroken: null });
  });

  it('gives up its raw key to the recovery key printed when it was made', async () => {
    t = await startTestCore({ dataDir: copyOfFixture() });
    expect((await t.client.key.exportRaw({ recoveryKey: made.recoveryKey })).rawKeyHex).toMatch(/^[0-9a-f]{64}$/);
  });
});
