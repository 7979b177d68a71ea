import { afterEach, describe, expect, it } from 'vitest';
import type { CounselError } from '../../shared/api/errors';
import { setupSchool, startTestCore, TEST_PASSPHRASE, type TestCore } from '../helpers/inproc';

let t: TestCore;
afterEach(async () => t?.cleanup());

const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: CounselError) => e);

describe('staff accounts', () => {
  it('makes a new user replace the initial passphrase before anything else', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    await t.client.users.create({ username: 'liulaoshi', displayName: '刘老师', role: 'counselor', passphrase: 'initial-pass-1' });
    const other = t.connect();
    const { user } = await other.client.auth.login({ username: 'liulaoshi', passphrase: 'initial-pass-1' });
    expect(user.mustChangePassphrase).toBe(true);
    expect(await fail(other.client.students.list({}))).toMatchObject({ code: 'AUTH', messageKey: 'errors.auth.mustChangePassphrase' });
    await other.client.auth.changePassphrase({ current: 'initial-pass-1', next: 'my own passphrase' });
    expect((await other.client.app.status({})).user?.mustChangePassphrase).toBe(false);
    expect((await other.client.students.list({})).total).toBe(0);
  });

  it('lets a counselor give a colleague a new initial passphrase, not themselves', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    const colleague = await t.client.users.create({ username: 'liulaoshi', displayName: '刘老师', role: 'counselor', passphrase: 'initial-pass-1' });
    const me = (await t.client.app.status({})).user!;
    expect(await fail(t.client.users.resetPassphrase({ id: me.id, passphrase: 'x'.repeat(12) }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.user.resetSelf' });
    const after = await t.client.users.resetPassphrase({ id: colleague.id, passphrase: 'second-initial-2' });
    expect(after.mustChangePassphrase).toBe(true);
    const other = t.connect();
    expect(await fail(other.client.auth.login({ username: 'liulaoshi', passphrase: 'initial-pass-1' }))).toMatchObject({ code: 'AUTH' });
    await other.client.auth.login({ username: 'liulaoshi', passphrase: 'second-initial-2' });
    const rows = await t.client.audit.list({ action: 'users.resetPassphrase' });
    expect(rows.items[0]).toMatchObject({ targetId: colleague.id, userId: me.id });
  });
});

describe('the recovery key', () => {
  it('throttles guesses when typing it back, like any other recovery-key use', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    for (let i = 0; i < 3; i++) expect(await t.client.auth.checkRecoveryKey({ recoveryKey: 'AAAA-BBBB' })).toEqual({ valid: false });
    expect(await fail(t.client.auth.checkRecoveryKey({ recoveryKey: 'AAAA-BBBB' }))).toMatchObject({ code: 'AUTH', messageKey: 'errors.auth.throttled' });
  });

  it('is unconfirmed until typed back, and a rotation retires the old key', async () => {
    t = await startTestCore();
    const first = await setupSchool(t.client);
    expect((await t.client.app.status({})).recoveryKeyConfirmed).toBe(false);
    expect(await t.client.auth.checkRecoveryKey({ recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).toEqual({ valid: false });
    expect((await t.client.app.status({})).recoveryKeyConfirmed).toBe(false);
    expect(await t.client.auth.checkRecoveryKey({ recoveryKey: first })).toEqual({ valid: true });
    expect((await t.client.app.status({})).recoveryKeyConfirmed).toBe(true);

    expect(await fail(t.client.auth.rotateRecoveryKey({ passphrase: 'not my passphrase' }))).toMatchObject({ code: 'AUTH' });
    const { recoveryKey: second } = await t.client.auth.rotateRecoveryKey({ passphrase: TEST_PASSPHRASE });
    expect(second).not.toBe(first);
    expect((await t.client.app.status({})).recoveryKeyConfirmed).toBe(false);
    expect(await t.client.auth.checkRecoveryKey({ recoveryKey: first })).toEqual({ valid: false });
    expect(await fail(t.client.key.exportRaw({ recoveryKey: first }))).toMatchObject({ messageKey: 'errors.recovery.invalid' });
    expect((await t.client.key.exportRaw({ recoveryKey: second })).rawKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.client.audit.actions({})).items).toEqual(
      expect.arrayContaining(['auth.checkRecoveryKey', 'auth.rotateRecoveryKey', 'key.exportRaw', 'setup.initialize']),
    );
  });
});

describe('the last active counselor', () => {
  it('cannot be demoted or disabled, whoever asks, and nothing is written', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    const me = (await t.client.app.status({})).user!;
    const colleague = await t.client.users.create({ username: 'liulaoshi', displayName: '刘老师', role: 'counselor', passphrase: 'initial-pass-1' });
    const other = t.connect();
    await other.client.auth.login({ username: 'liulaoshi', passphrase: 'initial-pass-1' });
    await other.client.auth.changePassphrase({ current: 'initial-pass-1', next: 'my own passphrase' });
    // With two counselors one may go; then the other is the last and stays, by the colleague's hand too.
    await t.client.users.update({ id: colleague.id, role: 'principal' });
    await t.client.users.update({ id: colleague.id, role: 'counselor' });
    await other.client.users.update({ id: me.id, disabled: true });
    const last = { code: 'CONFLICT', messageKey: 'errors.user.lastCounselor' };
    expect(await fail(other.client.users.update({ id: colleague.id, role: 'principal' }))).toMatchObject({ ...last, details: { path: 'role' } });
    expect(await fail(other.client.users.update({ id: colleague.id, disabled: true }))).toMatchObject({ ...last, details: { path: 'disabled' } });
    expect((await other.client.users.list({})).items.find((u) => u.id === colleague.id)).toMatchObject({ role: 'counselor', disabled: false });
    expect((await other.client.audit.list({ action: 'users.update' })).items.filter((r) => r.outcome === 'ok')).toHaveLength(3);
  });
});

describe('principals and the room', () => {
  it('may change rooms and opening hours unless the counselors turn that off, which only they can', async () => {
    t = await startTestCore();
    await setupSchool(t.client);
    await t.client.users.create({ username: 'zhangxiaozhang', displayName: '张校长', role: 'principal', passphrase: 'initial-pass-1' });
    const principal = t.connect();
    await principal.client.auth.login({ username: 'zhangxiaozhang', passphrase: 'initial-pass-1' });
    await principal.client.auth.changePassphrase({ current: 'initial-pass-1', next: 'my own passphrase' });
    expect((await principal.client.settings.get({})).principalEditsRooms).toBe(true);
    const room = await principal.client.rooms.create({ name: '心理辅导室', zoneType: 'individual', areaM2: 15, capacity: 4, notes: '', active: true });
    expect(await fail(principal.client.settings.update({ principalEditsRooms: false }))).toMatchObject({ code: 'FORBIDDEN', details: { path: 'principalEditsRooms' } });
    await t.client.settings.update({ principalEditsRooms: false });
    const off = { code: 'FORBIDDEN', messageKey: 'errors.room.principalOff' };
    expect(await fail(principal.client.rooms.update({ id: room.id, name: '新名字' }))).toMatchObject(off);
    const slot = { roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO', validFrom: '2026-09-01', validUntil: null, start: '12:00', end: '13:00', dutyName: '' };
    expect(await fail(principal.client.openings.saveSlot(slot))).toMatchObject(off);
    // The counselor still can.
    await t.client.openings.saveSlot(slot);
  });
});
