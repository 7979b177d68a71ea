import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CounselError } from '../../shared/api/errors';
import { loadMigrations } from '../../electron/db/migrate';
import { openRaw, sha256File } from '../helpers/raw-db';
import { setupSchool, startTestCore, TEST_PASSPHRASE, type TestCore } from '../helpers/inproc';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
});

async function archive() {
  const t = await startTestCore();
  cores.push(t);
  const recoveryKey = await setupSchool(t.client);
  await t.client.students.create({ studentNo: '20240101', name: '张三明', sex: 'M', grade: 7, className: '1班' });
  const { rawKeyHex } = await t.client.key.exportRaw({ recoveryKey });
  await t.client.auth.logout({});
  return { t, recoveryKey, rawKeyHex, db: join(t.dataDir, 'counselroom.db') };
}

async function loginError(t: TestCore): Promise<CounselError> {
  try {
    await t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
  } catch (e) {
    if (e instanceof CounselError) return e;
    throw e;
  }
  throw new Error('login should have failed');
}

describe('the archive on disk', () => {
  it('opens with the exported raw key outside the app, and the export is audited', async () => {
    const { t, rawKeyHex, db } = await archive();
    expect(rawKeyHex).toMatch(/^[0-9a-f]{64}$/);
    const raw = openRaw(db, rawKeyHex);
    expect(raw.prepare('SELECT name FROM students').all()).toEqual([{ name: '张三明' }]);
    expect(raw.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'key.exportRaw'`).get()).toEqual({ n: 1 });
    raw.close();
    expect(readFileSync(db).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    await t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const { t, rawKeyHex, db } = await archive();
    const raw = openRaw(db, rawKeyHex);
    raw.pragma('user_version = 99');
    raw.close();
    const before = sha256File(db);
    const e = await loginError(t);
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.db.fromNewerVersion', details: { found: 99, supported: loadMigrations().length } });
    expect(sha256File(db)).toBe(before);
  });

  it('names a truncated file, a non-database file and a plaintext database', async () => {
    const cases: [string, (file: string) => void][] = [
      ['errors.db.truncated', (f) => truncateSync(f, 5000)],
      ['errors.db.notDatabase', (f) => writeFileSync(f, '学号,姓名\n1,张三\n')],
      ['errors.db.plaintext', (f) => writeFileSync(f, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080)]))],
    ];
    for (const [key, damage] of cases) {
      const { t, db } = await archive();
      damage(db);
      const before = sha256File(db);
      expect((await loginError(t)).messageKey).toBe(key);
      expect(sha256File(db)).toBe(before);
    }
  });

  it('names a key file that belongs to another archive', async () => {
    const a = await archive();
    const b = await archive();
    copyFileSync(join(b.t.dataDir, 'keyslots.json'), join(a.t.dataDir, 'keyslots.json'));
    const before = sha256File(a.db);
    expect((await loginError(a.t)).messageKey).toBe('errors.db.wrongKey');
    expect(sha256File(a.db)).toBe(before);
  });

  it('refuses a key slot whose user id was swapped in the file', async () => {
    const { t } = await archive();
    await t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
    const principal = await t.client.users.create({ username: 'xiaozhang', displayName: '李校长', role: 'principal', passphrase: 'principal-pass-1' });
    const me = (await t.client.app.status({})).user!;
    await t.client.auth.logout({});
    const file = join(t.dataDir, 'keyslots.json');
    const slots = JSON.parse(readFileSync(file, 'utf8')) as { slots: { userId: string | null }[] };
    for (const s of slots.slots) if (s.userId === principal.id) s.userId = me.id;
    writeFileSync(file, JSON.stringify(slots));
    const e = await t.client.auth.login({ username: 'xiaozhang', passphrase: 'principal-pass-1' }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'AUTH', messageKey: 'errors.auth.failed' });
  });
});

describe('audit chain on disk', () => {
  it('names the row changed by hand, and the row after a deleted one', async () => {
    const { t, rawKeyHex, db } = await archive();
    const raw = openRaw(db, rawKeyHex);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET action = 'students.list' WHERE seq = 2`).run();
    raw.close();
    await t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
    expect(await t.client.audit.verify({})).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'hash' } });
  });

  it('refuses updates and deletes through SQL while the triggers stand', async () => {
    const { rawKeyHex, db } = await archive();
    const raw = openRaw(db, rawKeyHex);
    expect(() => raw.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => raw.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
    raw.close();
  });

  it('finds a deleted middle row', async () => {
    const { t, rawKeyHex, db } = await archive();
    const raw = openRaw(db, rawKeyHex);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    await t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
    expect(await t.client.audit.verify({})).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'sequence' } });
  });
});
