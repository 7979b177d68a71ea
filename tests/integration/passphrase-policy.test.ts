import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VAULT_FILE } from '../../electron/core/state';
import { parseRecoveryKey } from '../../electron/keys/recovery-key';
import { Vault } from '../../electron/keys/vault';
import { MIN_LOG_N } from '../../electron/keys/wrap';
import { rejection, setupSchool, startTestCore, TEST_PASSPHRASE, TEST_SCHOOL, type TestCore } from '../helpers/inproc';

let t: TestCore;
afterEach(async () => t?.cleanup());

const STRONG = 'lilac tiger 93 rowing boat';

/** The refusal a weak passphrase gets, whichever call set it: VALIDATION on that field, with the reasons. */
async function refused(call: Promise<unknown>, path: string, reason: string) {
  const e = await rejection(call);
  expect(e.code).toBe('VALIDATION');
  expect(e.details).toContainEqual({ path, reason: `errors.passphrase.${reason}` });
  for (const d of e.details as { path: string }[]) expect(d.path).toBe(path);
}

describe('passphrase strength, enforced by the core', () => {
  it('refuses a weak passphrase at setup and creates nothing', async () => {
    t = await startTestCore();
    const counselor = { username: 'wanglaoshi', displayName: '王老师' };
    await refused(t.client.setup.initialize({ school: TEST_SCHOOL, counselor: { ...counselor, passphrase: '1234567890' } }), 'counselor.passphrase', 'common');
    await refused(t.client.setup.initialize({ school: TEST_SCHOOL, counselor: { ...counselor, passphrase: 'shilishidiyizhongxue' } }), 'counselor.passphrase', 'containsSchool');
    await refused(t.client.setup.initialize({ school: TEST_SCHOOL, counselor: { ...counselor, passphrase: 'wanglaoshi-2024' } }), 'counselor.passphrase', 'containsUsername');
    expect((await t.client.app.status({})).setupDone).toBe(false);
    await t.client.setup.initialize({ school: TEST_SCHOOL, counselor: { ...counselor, passphrase: STRONG } });
    expect((await t.client.app.status({})).setupDone).toBe(true);
  });

  it('refuses a weak passphrase on change, on a colleague’s reset, on a new account and on recovery, keeping the old one', async () => {
    t = await startTestCore();
    const recoveryKey = await setupSchool(t.client);
    await refused(t.client.auth.changePassphrase({ current: TEST_PASSPHRASE, next: 'qwertyuiop' }), 'next', 'common');
    await refused(t.client.auth.changePassphrase({ current: TEST_PASSPHRASE, next: 'asdfghjkl;' }), 'next', 'keyboardPattern');
    await refused(t.client.users.create({ username: 'zhaolaoshi', displayName: '赵老师', role: 'counselor', passphrase: 'zhaolaoshi2024' }), 'passphrase', 'containsUsername');
    const zhao = await t.client.users.create({ username: 'zhaolaoshi', displayName: '赵老师', role: 'counselor', passphrase: 'initial-pass-2024' });
    await refused(t.client.users.resetPassphrase({ id: zhao.id, passphrase: 'zhaolaoshi-again' }), 'passphrase', 'containsUsername');
    await refused(t.client.users.resetPassphrase({ id: zhao.id, passphrase: '1234567890' }), 'passphrase', 'common');
    await t.client.auth.logout({});
    await refused(t.client.auth.recover({ recoveryKey, username: 'wanglaoshi', newPassphrase: '示例市第一中学2025' }), 'newPassphrase', 'containsSchool');
    // Nothing was changed by any of them.
    await t.client.auth.login({ username: 'wanglaoshi', passphrase: TEST_PASSPHRASE });
    const other = t.connect();
    expect((await other.client.auth.login({ username: 'zhaolaoshi', passphrase: 'initial-pass-2024' })).user.mustChangePassphrase).toBe(true);
    const actions = (await t.client.audit.list({ pageSize: 200 })).items.map((r) => r.action);
    expect(actions.filter((a) => ['auth.changePassphrase', 'users.resetPassphrase', 'auth.recover'].includes(a))).toEqual([]);
  });

  it('keeps an archive with a weak passphrase opening, and asks for a new one before anything else', async () => {
    t = await startTestCore();
    const recoveryKey = await setupSchool(t.client);
    const me = (await t.client.app.status({})).user!;
    await t.client.auth.logout({});
    // As an earlier version, which took any ten characters, would have left the key file.
    const vault = Vault.load(join(t.dataDir, VAULT_FILE));
    const dataKey = (await vault.unlockRecovery(parseRecoveryKey(recoveryKey)!))!;
    await vault.setUserSlot(me.id, me.username, '1234567890', dataKey, MIN_LOG_N, Date.now());
    vault.save();

    const { user } = await t.client.auth.login({ username: 'wanglaoshi', passphrase: '1234567890' });
    expect(user.mustChangePassphrase).toBe(true);
    expect(await rejection(t.client.students.list({}))).toMatchObject({ code: 'AUTH', messageKey: 'errors.auth.mustChangePassphrase' });
    await refused(t.client.auth.changePassphrase({ current: '1234567890', next: '0987654321' }), 'next', 'common');
    await t.client.auth.changePassphrase({ current: '1234567890', next: STRONG });
    expect((await t.client.students.list({})).total).toBe(0);
    const login = (await t.client.audit.list({ action: 'auth.login' })).items.at(-1);
    expect(login).toMatchObject({ outcome: 'ok', details: { mustChangePassphrase: 'weak' } });

    await t.client.auth.logout({});
    expect((await t.client.auth.login({ username: 'wanglaoshi', passphrase: STRONG })).user.mustChangePassphrase).toBe(false);
  });
});
