import { CounselError } from '../../../shared/api/errors';
import { uuidv7 } from '../../../shared/ids';
import { appendAudit } from '../../audit/chain';
import { dbHandler, systemHandler, type HandlerMap } from '../../core/handler';
import { accountContext, assertStrongPassphrase } from './passphrase-policy';
import { countActiveCounselors, findUserById, findUserByName, insertUser, listUsers, updateUser } from './users-repo';

type UserMethods = 'users.list' | 'users.create' | 'users.update' | 'users.resetPassphrase';

export const userHandlers: HandlerMap<UserMethods> = {
  'users.list': dbHandler<'users.list'>({ run: ({ db }) => ({ items: listUsers(db) }) }),

  // A system handler: the new key slot needs the data key and an async scrypt before the transaction.
  'users.create': systemHandler<'users.create'>(async ({ core, conn, now }, input) => {
    const db = core.requireDb();
    if (findUserByName(db, input.username)) throw new CounselError('CONFLICT', 'errors.user.duplicate', { path: 'username' });
    assertStrongPassphrase(input.passphrase, 'passphrase', accountContext(db, input));
    const vault = core.vault();
    const user = { id: uuidv7(now), username: input.username, displayName: input.displayName, role: input.role, mustChangePassphrase: true };
    await core.withDataKey((key) => vault.setUserSlot(user.id, user.username, input.passphrase, key, core.kdfLogN, now));
    const actor = conn.session!;
    db.transaction(() => {
      insertUser(db, user, now);
      appendAudit(db, {
        at: now, door: conn.door, userId: actor.userId, username: actor.username, role: actor.role,
        action: 'users.create', targetType: 'user', targetId: user.id, outcome: 'ok', details: { role: user.role },
      });
    })();
    vault.save();
    return findUserById(db, user.id)!;
  }),

  // For a colleague who forgot a passphrase; one's own goes through auth.changePassphrase (it checks the current one).
  'users.resetPassphrase': systemHandler<'users.resetPassphrase'>(async ({ core, conn, now }, input) => {
    const db = core.requireDb();
    const actor = conn.session!;
    const user = findUserById(db, input.id);
    if (!user) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id' });
    if (user.id === actor.userId) throw new CounselError('CONFLICT', 'errors.user.resetSelf', { path: 'id' });
    assertStrongPassphrase(input.passphrase, 'passphrase', accountContext(db, user));
    const vault = core.vault();
    await core.withDataKey((key) => vault.setUserSlot(user.id, user.username, input.passphrase, key, core.kdfLogN, now));
    db.transaction(() => {
      updateUser(db, user.id, { mustChangePassphrase: true }, now);
      appendAudit(db, {
        at: now, door: conn.door, userId: actor.userId, username: actor.username, role: actor.role,
        action: 'users.resetPassphrase', targetType: 'user', targetId: user.id, outcome: 'ok', details: null,
      });
    })();
    vault.save();
    vault.clearFailures(user.username);
    return findUserById(db, user.id)!;
  }),

  'users.update': dbHandler<'users.update'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const before = findUserById(db, input.id);
      if (!before) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id' });
      // The archive must always keep someone who can read it: refused before anything is written.
      const leaves = before.role === 'counselor' && !before.disabled ? (input.role === 'principal' ? 'role' : input.disabled === true ? 'disabled' : null) : null;
      if (leaves !== null && countActiveCounselors(db) <= 1) throw new CounselError('CONFLICT', 'errors.user.lastCounselor', { path: leaves });
      if (input.disabled === true && input.id === actor.userId) throw new CounselError('CONFLICT', 'errors.user.selfDisable', { path: 'disabled' });
      updateUser(db, input.id, input, now);
      const after = findUserById(db, input.id)!;
      ctx.audit = {
        targetType: 'user',
        targetId: input.id,
        details: {
          changed: (['displayName', 'role', 'disabled'] as const).filter((k) => input[k] !== undefined && input[k] !== before[k]),
          ...(input.role !== undefined && input.role !== before.role ? { fromRole: before.role, toRole: input.role } : {}),
        },
      };
      return after;
    },
  }),
};
