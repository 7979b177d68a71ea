import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rejection, setupSchool, startTestCore, TEST_PASSPHRASE, type TestCore } from '../helpers/inproc';

let t: TestCore;
afterEach(async () => t?.cleanup());

const student = {
  studentNo: '20240101',
  name: '张三明',
  sex: 'M' as const,
  grade: 7,
  className: '1班',
  guardians: [{ name: '张大山', relation: '父亲', phone: '13800000000' }],
};

describe('setup and encrypted storage', () => {
  it('creates an SQLCipher archive that holds no plaintext name', async () => {
    t = await startTestCore();
    const recovery = await setupSchool(t.client);
    expect(recovery).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await t.client.students.create(student);
    const found = await t.client.students.list({ query: '张三' });
    expect(found.items.map((s) => s.name)).toEqual(['张三明']);
    await t.client.auth.logout({});
    expect(readdirSync(t.dataDir).sort()).toEqual(['counselroom.db', 'keyslots.json']);
    for (const f of readdirSync(t.dataDir)) {
      const bytes = readFileSync(join(t.dataDir, f));
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(bytes.includes(Buffer.from('张三明'))).toBe(false);
      expect(bytes.includes(Buffer.from('wanglaoshi'))).toBe(false);
    }
  });

  it('refuses a second setup', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    const e = await rejection(setupSchool(t.client));
    expect(e.code).toBe('CONFLICT');
    expect(e.messageKey).toBe('errors.setup.alreadyDone');
  });
});

describe('dispatcher', () => {
  it('answers AUTH before login and FORBIDDEN to a principal, before looking at the input', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    const other = t.connect();
    expect((await rejection(other.client.students.list({}))).code).toBe('AUTH');
    await t.client.users.create({ username: 'xiaozhang', displayName: '李校长', role: 'principal', passphrase: 'principal-pass-1' });
    await other.client.auth.login({ username: 'xiaozhang', passphrase: 'principal-pass-1' });
    // Bad input too: a principal must not even learn the validation rules.
    const e = await rejection(other.client.students.create({ bogus: 1 } as never));
    expect(e.code).toBe('FORBIDDEN');
    const rows = await t.client.audit.list({ action: 'students.create' });
    expect(rows.items[0]).toMatchObject({ outcome: 'denied', username: 'xiaozhang' });
    await other.client.auth.changePassphrase({ current: 'principal-pass-1', next: 'principal-own-pass' });
    expect((await other.client.students.summary({})).total).toBe(0);
  });

  it('rejects unknown keys, over-long text and impossible dates with field paths', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    const e1 = await rejection(t.client.students.create({ ...student, extra: 'x' } as never));
    expect(e1.code).toBe('VALIDATION');
    expect(e1.details).toEqual([expect.objectContaining({ path: '', keys: ['extra'] })]);
    const e2 = await rejection(t.client.students.create({ ...student, name: '名'.repeat(51) }));
    expect(e2.details).toEqual([expect.objectContaining({ path: 'name', maximum: 50 })]);
    const e3 = await rejection(t.client.students.create({ ...student, birthDate: '2012-02-30' }));
    expect(e3.details).toEqual([expect.objectContaining({ path: 'birthDate', reason: 'errors.field.dateInvalid' })]);
  });

  it('names the clashing record on a duplicate 学号 and writes nothing', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    const first = await t.client.students.create(student);
    const before = (await t.client.audit.list({})).total;
    const e = await rejection(t.client.students.create({ ...student, name: '李四' }));
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.student.duplicateNo', details: { path: 'studentNo', id: first.id } });
    expect((await t.client.students.list({})).total).toBe(1);
    expect((await t.client.audit.list({})).total).toBe(before);
  });

  it('audits opening a student record and every change, with no names in the details', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    const s = await t.client.students.create(student);
    await t.client.students.get({ id: s.id });
    await t.client.students.update({ id: s.id, className: '2班' });
    const rows = (await t.client.audit.list({})).items;
    expect(rows.slice(0, 3).map((r) => r.action)).toEqual(['students.update', 'students.get', 'students.create']);
    expect(rows[0]).toMatchObject({ targetId: s.id, details: { changed: ['className'] } });
    expect(JSON.stringify(rows)).not.toContain('张三明');
  });
});

describe('keys, login and lock', () => {
  it('backs off after failed passphrases and audits them at the next login', async () => {
    let now = 1_800_000_000_000;
    t = await startTestCore({ now: () => now });
    await setupSchool(t.client);
    await t.client.auth.logout({});
    for (let i = 0; i < 3; i++) {
      expect((await rejection(t.client.auth.login({ username: 'wanglaoshi', passphrase: 'wrong-wrong' }))).messageKey).toBe('errors.auth.failed');
    }
    const throttled = await rejection(t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE }));
    expect(throttled).toMatchObject({ code: 'AUTH', messageKey: 'errors.auth.throttled', details: { retryAfterMs: 1000 } });
    now += 1000;
    await t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
    const failed = (await t.client.audit.list({ action: 'auth.login' })).items.filter((r) => r.outcome === 'failed');
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({ username: 'wanglaoshi', details: { deferred: true } });
  });

  it('an unknown user fails exactly like a wrong passphrase', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    await t.client.auth.logout({});
    const e = await rejection(t.client.auth.login({ username: 'nobody', passphrase: 'whatever-pass' }));
    expect(e.toApiError()).toEqual({ code: 'AUTH', messageKey: 'errors.auth.failed' });
  });

  it('locks after idle minutes and unlocks with the same passphrase only', async () => {
    let now = 1_800_000_000_000;
    t = await startTestCore({ now: () => now });
    await setupSchool(t.client);
    now += 11 * 60_000;
    expect((await rejection(t.client.students.list({}))).code).toBe('LOCKED');
    expect((await t.client.app.status({})).session).toBe('locked');
    expect((await rejection(t.client.auth.unlock({ passphrase: 'not-it-at-all' }))).code).toBe('AUTH');
    await t.client.auth.unlock({ passphrase: TEST_PASSPHRASE });
    expect((await t.client.students.list({})).total).toBe(0);
    const actions = (await t.client.audit.list({})).items.map((r) => `${r.action}:${r.outcome}`);
    expect(actions.slice(0, 3)).toEqual(['auth.unlock:ok', 'auth.unlock:failed', 'auth.lock:ok']);
  });

  it('changes one passphrase without touching the others, and the recovery key resets any user', async () => {
    t = await startTestCore();
    const recovery = await setupSchool(t.client);
    await t.client.auth.changePassphrase({ current: TEST_PASSPHRASE, next: 'a brand new passphrase' });
    await t.client.auth.logout({});
    expect((await rejection(t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE }))).code).toBe('AUTH');
    await t.client.auth.recover({ recoveryKey: recovery.toLowerCase().replace(/-/g, ' '), username: 'wanglaoshi', newPassphrase: 'after the turnover' });
    await t.client.auth.login({ username: 'wanglaoshi', passphrase: 'after the turnover' });
    expect((await t.client.audit.list({ action: 'auth.recover' })).total).toBe(1);
    expect((await rejection(t.client.auth.recover({ recoveryKey: 'AAAA-BBBB', username: 'wanglaoshi', newPassphrase: 'x'.repeat(12) }))).messageKey).toBe(
      'errors.recovery.invalid',
    );
  });

  it('finds the account to recover by its display name, lists the accounts once the key is proven, and marks the key as checked', async () => {
    t = await startTestCore();
    const recovery = await setupSchool(t.client);
    await t.client.users.create({ username: 'linjing', displayName: '林静', role: 'counselor', passphrase: 'initial-pass-2024' });
    await t.client.users.create({ username: 'zhao1', displayName: '赵老师', role: 'counselor', passphrase: 'initial-pass-2024' });
    await t.client.users.create({ username: 'zhao2', displayName: '赵老师', role: 'principal', passphrase: 'initial-pass-2024' });
    expect((await t.client.app.status({})).recoveryKeyConfirmed).toBe(false);
    await t.client.auth.logout({});

    expect((await rejection(t.client.auth.recoveryAccounts({ recoveryKey: 'AAAA-BBBB' }))).messageKey).toBe('errors.recovery.invalid');
    expect((await t.client.auth.recoveryAccounts({ recoveryKey: recovery })).items).toEqual([
      { username: 'linjing', displayName: '林静', role: 'counselor', disabled: false },
      { username: 'wanglaoshi', displayName: '王老师', role: 'counselor', disabled: false },
      { username: 'zhao1', displayName: '赵老师', role: 'counselor', disabled: false },
      { username: 'zhao2', displayName: '赵老师', role: 'principal', disabled: false },
    ]);
    const unknown = await rejection(t.client.auth.recover({ recoveryKey: recovery, username: '林晶', newPassphrase: 'after the turnover' }));
    expect([unknown.code, unknown.messageKey, unknown.details]).toEqual(['NOT_FOUND', 'errors.recovery.unknownAccount', { path: 'username' }]);
    const twoZhao = await rejection(t.client.auth.recover({ recoveryKey: recovery, username: '赵老师', newPassphrase: 'after the turnover' }));
    expect([twoZhao.code, twoZhao.messageKey]).toEqual(['CONFLICT', 'errors.recovery.ambiguousName']);

    expect(await t.client.auth.recover({ recoveryKey: recovery, username: ' 林静 ', newPassphrase: 'after the turnover' })).toEqual({ ok: true, username: 'linjing' });
    await t.client.auth.login({ username: 'linjing', passphrase: 'after the turnover' });
    expect((await t.client.app.status({})).recoveryKeyConfirmed).toBe(true);
    expect((await t.client.audit.list({ action: 'auth.recoveryAccounts' })).items.map((r) => r.outcome).sort()).toEqual(['failed', 'ok']);
  });

  it('keeps a counselor able to read the archive', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    const me = (await t.client.app.status({})).user!;
    expect((await rejection(t.client.users.update({ id: me.id, role: 'principal' }))).messageKey).toBe('errors.user.lastCounselor');
    expect((await t.client.users.list({})).items[0]!.role).toBe('counselor');
  });
});

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    await t.client.students.create(student);
    expect(await t.client.audit.verify({})).toMatchObject({ ok: true, firstBroken: null });
  });
});
