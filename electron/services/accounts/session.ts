import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import type { MethodName } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import { CounselError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/session';
import { uuidv7 } from '../../../shared/ids';
import { appendAudit } from '../../audit/chain';
import { checkpoint, readSalt } from '../../db/connection';
import type { HandlerMap, SystemContext } from '../../core/handler';
import { systemHandler } from '../../core/handler';
import { isDemoFolder } from '../../platform/demo-folder';
import { DB_FILE, type ConnectionState, type CoreState } from '../../core/state';
import { generateRecoveryKey, parseRecoveryKey } from '../../keys/recovery-key';
import { Vault } from '../../keys/vault';
import { passphraseStrength } from '../../../shared/domain/passphrase-strength';
import { accountContext, assertStrongPassphrase } from './passphrase-policy';
import { SETTING_DEFAULTS, readIdleLockMinutes, readSetting, writeSetting } from './settings-store';
import { findUserById, findUserByName, findUsersByDisplayName, insertUser, listUsers, updateUser } from './users-repo';

type SessionMethods =
  | 'app.status'
  | 'setup.initialize'
  | 'auth.login'
  | 'auth.recover'
  | 'auth.recoveryAccounts'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.verifyPassphrase'
  | 'auth.heartbeat'
  | 'auth.changePassphrase'
  | 'auth.checkRecoveryKey'
  | 'auth.rotateRecoveryKey'
  | 'key.exportRaw';

const RECOVERY_THROTTLE = '#recovery';

/** The account a recovery names: its username, else the one account with that display name. */
function accountNamed(db: Database, name: string): UserView {
  const byUsername = findUserByName(db, name);
  if (byUsername) return byUsername;
  const byDisplayName = findUsersByDisplayName(db, name);
  if (byDisplayName.length > 1) throw new CounselError('CONFLICT', 'errors.recovery.ambiguousName', { path: 'username' });
  if (byDisplayName.length === 0) throw new CounselError('NOT_FOUND', 'errors.recovery.unknownAccount', { path: 'username' });
  return byDisplayName[0]!;
}

function startSession(ctx: SystemContext, user: UserView): void {
  ctx.conn.session = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    user,
    locked: false,
    lastActivity: ctx.now,
  };
}

export function sessionActor(conn: ConnectionState) {
  const s = conn.session;
  return s ? { userId: s.userId, username: s.username, role: s.role } : { userId: null, username: null, role: null };
}

/** Logins that failed while the archive was closed are written to the audit log at the next successful unlock. */
function flushDeferred(core: CoreState, vault: Vault, conn: ConnectionState): void {
  const pending = vault.pending();
  if (pending.length === 0) return;
  const db = core.requireDb();
  const byLookup = new Map(listUsers(db).map((u) => [vault.lookupOf(u.username), u]));
  db.transaction(() => {
    for (const p of pending) {
      const u = p.lookup ? byLookup.get(p.lookup) : undefined;
      appendAudit(db, {
        at: p.at,
        door: conn.door,
        userId: u?.id ?? null,
        username: u?.username ?? null,
        role: u?.role ?? null,
        action: p.action,
        targetType: null,
        targetId: null,
        outcome: 'failed',
        details: { deferred: true, knownUser: u !== undefined },
      });
    }
  })();
  vault.clearPending();
}

/** A failed passphrase: throttled, and audited now or at the next unlock if the archive is closed. */
function fail(core: CoreState, conn: ConnectionState, vault: Vault, throttleName: string | null, action: MethodName, messageKey: string): never {
  const open = core.db !== null;
  vault.recordFailure(throttleName, core.now(), action, !open);
  if (open) core.audit(conn, { ...sessionActor(conn), action, targetType: null, targetId: null, outcome: 'failed', details: null });
  throw new CounselError('AUTH', messageKey);
}

function assertNotThrottled(vault: Vault, name: string, now: number): void {
  const wait = vault.retryAfter(name, now);
  if (wait > 0) throw new CounselError('AUTH', 'errors.auth.throttled', { retryAfterMs: wait });
}

/** Opens the archive with the key and loads the user the slot belongs to; refuses disabled accounts. */
function openAs(core: CoreState, conn: ConnectionState, vault: Vault, userId: string, key: Buffer): UserView {
  const db = core.open(key, vault.dbSalt);
  const user = findUserById(db, userId);
  if (!user || user.disabled) {
    core.audit(conn, { userId, username: user?.username ?? null, role: user?.role ?? null, action: 'auth.login', targetType: null, targetId: null, outcome: 'denied', details: { reason: 'disabled' } });
    core.releaseIfIdle();
    throw new CounselError('AUTH', 'errors.auth.disabled');
  }
  return user;
}

async function recoveryDataKey(core: CoreState, conn: ConnectionState, vault: Vault, typed: string, action: MethodName): Promise<Buffer> {
  assertNotThrottled(vault, RECOVERY_THROTTLE, core.now());
  const rk = parseRecoveryKey(typed);
  const key = rk ? await vault.unlockRecovery(rk) : null;
  if (!key) fail(core, conn, vault, RECOVERY_THROTTLE, action, 'errors.recovery.invalid');
  vault.clearFailures(RECOVERY_THROTTLE);
  return key;
}

/**
 * First run: a new archive with its first user (a counselor at a school, an officer in district
 * mode), the recovery key, and that user's session. Nothing of a half-made archive stays.
 */
export async function initializeArchive(
  ctx: SystemContext,
  opts: { account: { username: string; displayName: string; passphrase: string }; role: Role; settings: Record<string, unknown>; contextName: string },
): Promise<{ user: UserView; recoveryKey: string }> {
  const { core } = ctx;
  if (core.setupDone) throw new CounselError('CONFLICT', 'errors.setup.alreadyDone');
  const { account } = opts;
  const field = opts.role === 'counselor' ? 'counselor' : 'officer';
  assertStrongPassphrase(account.passphrase, `${field}.passphrase`, { ...account, schoolName: opts.contextName });
  const dataKey = randomBytes(32);
  const recovery = generateRecoveryKey();
  const user: UserView = {
    id: uuidv7(ctx.now),
    username: account.username,
    displayName: account.displayName,
    role: opts.role,
    disabled: false,
    mustChangePassphrase: false,
  };
  try {
    const db = core.create(dataKey);
    db.transaction(() => {
      for (const [key, value] of Object.entries(opts.settings)) writeSetting(db, key, value);
      writeSetting(db, 'idleLockMinutes', SETTING_DEFAULTS.idleLockMinutes);
      writeSetting(db, 'privacyMask', SETTING_DEFAULTS.privacyMask);
      writeSetting(db, 'recoveryKeyConfirmed', false);
      insertUser(db, user, ctx.now);
      appendAudit(db, {
        at: ctx.now, door: ctx.conn.door, userId: user.id, username: user.username, role: user.role,
        action: 'setup.initialize', targetType: 'user', targetId: user.id, outcome: 'ok', details: opts.role === 'counselor' ? null : { role: opts.role },
      });
    })();
    checkpoint(db);
    const salt = readSalt(core.dbPath);
    if (!salt) throw new Error('database salt unreadable after setup');
    const vault = Vault.create(core.vaultPath, DB_FILE, salt);
    await vault.setRecoverySlot(recovery.key, dataKey, ctx.now);
    await vault.setUserSlot(user.id, user.username, account.passphrase, dataKey, core.kdfLogN, ctx.now);
    vault.save();
  } catch (e) {
    // Without its key file nobody could open it.
    core.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(core.dbPath + suffix, { force: true });
    throw e;
  } finally {
    dataKey.fill(0);
  }
  startSession(ctx, user);
  return { user, recoveryKey: recovery.printable };
}

export const sessionHandlers: HandlerMap<SessionMethods> = {
  'app.status': systemHandler<'app.status'>(({ core, conn }) => {
    const s = conn.session;
    const db = core.db;
    return {
      setupDone: core.setupDone,
      session: s ? (s.locked ? 'locked' : 'unlocked') : 'none',
      user: s ? s.user : null,
      idleLockMinutes: s && !s.locked && db ? readIdleLockMinutes(db) : null,
      recoveryKeyConfirmed: s && !s.locked && db ? readSetting(db, 'recoveryKeyConfirmed', false) : null,
      demo: isDemoFolder(core.dataDir),
    };
  }),

  'setup.initialize': systemHandler<'setup.initialize'>(async (ctx, input) => {
    const { counselor, school } = input;
    return initializeArchive(ctx, { account: counselor, role: 'counselor', settings: { school }, contextName: school.name });
  }),

  'auth.login': systemHandler<'auth.login'>(async (ctx, input) => {
    const { core, conn } = ctx;
    const vault = core.vault();
    assertNotThrottled(vault, input.username, ctx.now);
    const opened = await vault.unlockUser(input.username, input.passphrase);
    if (!opened) fail(core, conn, vault, input.username, 'auth.login', 'errors.auth.failed');
    let user = openAs(core, conn, vault, opened.userId, opened.dataKey);
    opened.dataKey.fill(0);
    vault.clearFailures(input.username);
    // An archive set up before passphrases were checked keeps opening; a weak passphrase is replaced first thing.
    const db = core.requireDb();
    const weak = !user.mustChangePassphrase && !passphraseStrength(input.passphrase, accountContext(db, user)).ok;
    if (weak) {
      updateUser(db, user.id, { mustChangePassphrase: true }, ctx.now);
      user = findUserById(db, user.id)!;
    }
    startSession(ctx, user);
    flushDeferred(core, vault, conn);
    ctx.audit({ ...sessionActor(conn), action: 'auth.login', targetType: null, targetId: null, outcome: 'ok', details: weak ? { mustChangePassphrase: 'weak' } : null });
    return { user };
  }),

  'auth.unlock': systemHandler<'auth.unlock'>(async (ctx, input) => {
    const { core, conn } = ctx;
    const session = conn.session!;
    if (!session.locked) return { user: session.user };
    const vault = core.vault();
    assertNotThrottled(vault, session.username, ctx.now);
    const opened = await vault.unlockUser(session.username, input.passphrase);
    if (!opened || opened.userId !== session.userId) fail(core, conn, vault, session.username, 'auth.unlock', 'errors.auth.failed');
    const user = openAs(core, conn, vault, opened.userId, opened.dataKey);
    opened.dataKey.fill(0);
    vault.clearFailures(session.username);
    Object.assign(session, { user, locked: false, lastActivity: ctx.now, displayName: user.displayName, role: user.role });
    flushDeferred(core, vault, conn);
    ctx.audit({ ...sessionActor(conn), action: 'auth.unlock', targetType: null, targetId: null, outcome: 'ok', details: null });
    return { user };
  }),

  // Leaving the kiosk: a guess here is a guess at the passphrase, so it is throttled and audited like auth.unlock.
  'auth.verifyPassphrase': systemHandler<'auth.verifyPassphrase'>(async (ctx, input) => {
    const { core, conn } = ctx;
    const session = conn.session!;
    const vault = core.vault();
    assertNotThrottled(vault, session.username, ctx.now);
    const opened = await vault.unlockUser(session.username, input.passphrase);
    if (!opened || opened.userId !== session.userId) fail(core, conn, vault, session.username, 'auth.verifyPassphrase', 'errors.auth.failed');
    opened.dataKey.fill(0);
    vault.clearFailures(session.username);
    ctx.audit({ ...sessionActor(conn), action: 'auth.verifyPassphrase', targetType: null, targetId: null, outcome: 'ok', details: null });
    return { ok: true as const };
  }),

  'auth.lock': systemHandler<'auth.lock'>(({ core, conn }) => {
    const session = conn.session!;
    if (!session.locked) {
      core.audit(conn, { ...sessionActor(conn), action: 'auth.lock', targetType: null, targetId: null, outcome: 'ok', details: { reason: 'user' } });
      session.locked = true;
      core.releaseIfIdle();
    }
    return { ok: true as const };
  }),

  'auth.logout': systemHandler<'auth.logout'>(({ core, conn }) => {
    endSession(core, conn);
    return { ok: true as const };
  }),

  'auth.heartbeat': systemHandler<'auth.heartbeat'>(() => ({ ok: true as const })),

  'auth.changePassphrase': systemHandler<'auth.changePassphrase'>(async (ctx, input) => {
    const { core, conn } = ctx;
    const session = conn.session!;
    const vault = core.vault();
    assertNotThrottled(vault, session.username, ctx.now);
    const opened = await vault.unlockUser(session.username, input.current);
    if (!opened || opened.userId !== session.userId) fail(core, conn, vault, session.username, 'auth.changePassphrase', 'errors.auth.failed');
    const db = core.requireDb();
    try {
      assertStrongPassphrase(input.next, 'next', accountContext(db, session));
      await vault.setUserSlot(session.userId, session.username, input.next, opened.dataKey, core.kdfLogN, ctx.now);
    } finally {
      opened.dataKey.fill(0);
    }
    db.transaction(() => {
      updateUser(db, session.userId, { mustChangePassphrase: false }, ctx.now);
      appendAudit(db, { ...sessionActor(conn), at: ctx.now, door: conn.door, action: 'auth.changePassphrase', targetType: 'user', targetId: session.userId, outcome: 'ok', details: null });
    })();
    vault.save();
    session.user = findUserById(db, session.userId)!;
    return { ok: true as const };
  }),

  'auth.checkRecoveryKey': systemHandler<'auth.checkRecoveryKey'>(async ({ core, conn, now }, input) => {
    const vault = core.vault();
    // Throttled like auth.recover: a wrong guess here is a guess at the recovery key.
    assertNotThrottled(vault, RECOVERY_THROTTLE, now);
    const rk = parseRecoveryKey(input.recoveryKey);
    const key = rk ? await vault.unlockRecovery(rk) : null;
    const valid = key !== null && core.withDataKey((k) => k.equals(key));
    key?.fill(0);
    if (valid) vault.clearFailures(RECOVERY_THROTTLE);
    else vault.recordFailure(RECOVERY_THROTTLE, now, 'auth.checkRecoveryKey', false);
    const db = core.requireDb();
    db.transaction(() => {
      if (valid) writeSetting(db, 'recoveryKeyConfirmed', true);
      appendAudit(db, { ...sessionActor(conn), at: now, door: conn.door, action: 'auth.checkRecoveryKey', targetType: null, targetId: null, outcome: valid ? 'ok' : 'failed', details: null });
    })();
    return { valid };
  }),

  'auth.rotateRecoveryKey': systemHandler<'auth.rotateRecoveryKey'>(async (ctx, input) => {
    const { core, conn } = ctx;
    const session = conn.session!;
    const vault = core.vault();
    assertNotThrottled(vault, session.username, ctx.now);
    const opened = await vault.unlockUser(session.username, input.passphrase);
    if (!opened || opened.userId !== session.userId) fail(core, conn, vault, session.username, 'auth.rotateRecoveryKey', 'errors.auth.failed');
    const recovery = generateRecoveryKey();
    await vault.setRecoverySlot(recovery.key, opened.dataKey, ctx.now);
    opened.dataKey.fill(0);
    const db = core.requireDb();
    db.transaction(() => {
      writeSetting(db, 'recoveryKeyConfirmed', false);
      appendAudit(db, { ...sessionActor(conn), at: ctx.now, door: conn.door, action: 'auth.rotateRecoveryKey', targetType: null, targetId: null, outcome: 'ok', details: null });
    })();
    vault.save();
    return { recoveryKey: recovery.printable };
  }),

  'auth.recover': systemHandler<'auth.recover'>(async (ctx, input) => {
    const { core, conn } = ctx;
    const vault = core.vault();
    const dataKey = await recoveryDataKey(core, conn, vault, input.recoveryKey, 'auth.recover');
    try {
      const db = core.open(dataKey, vault.dbSalt);
      try {
        const user = accountNamed(db, input.username);
        assertStrongPassphrase(input.newPassphrase, 'newPassphrase', accountContext(db, user));
        await vault.setUserSlot(user.id, user.username, input.newPassphrase, dataKey, core.kdfLogN, ctx.now);
        db.transaction(() => {
          updateUser(db, user.id, { mustChangePassphrase: false }, ctx.now);
          // The key on paper has just been shown to work: the reminder to check it has done its job.
          writeSetting(db, 'recoveryKeyConfirmed', true);
          appendAudit(db, { userId: null, username: null, role: null, at: ctx.now, door: conn.door, action: 'auth.recover', targetType: 'user', targetId: user.id, outcome: 'ok', details: { via: 'recoveryKey' } });
        })();
        vault.save();
        vault.clearFailures(user.username);
        return { ok: true as const, username: user.username };
      } finally {
        core.releaseIfIdle();
      }
    } finally {
      dataKey.fill(0);
    }
  }),

  'auth.recoveryAccounts': systemHandler<'auth.recoveryAccounts'>(async ({ core, conn, now }, input) => {
    const vault = core.vault();
    const dataKey = await recoveryDataKey(core, conn, vault, input.recoveryKey, 'auth.recoveryAccounts');
    try {
      const db = core.open(dataKey, vault.dbSalt);
      try {
        const items = listUsers(db).map(({ username, displayName, role, disabled }) => ({ username, displayName, role, disabled }));
        db.transaction(() =>
          appendAudit(db, { userId: null, username: null, role: null, at: now, door: conn.door, action: 'auth.recoveryAccounts', targetType: null, targetId: null, outcome: 'ok', details: null }),
        )();
        return { items };
      } finally {
        core.releaseIfIdle();
      }
    } finally {
      dataKey.fill(0);
    }
  }),

  'key.exportRaw': systemHandler<'key.exportRaw'>(async (ctx, input) => {
    const { core, conn } = ctx;
    const vault = core.vault();
    const dataKey = await recoveryDataKey(core, conn, vault, input.recoveryKey, 'key.exportRaw');
    const db = core.open(dataKey, vault.dbSalt);
    db.transaction(() =>
      appendAudit(db, { ...sessionActor(conn), at: ctx.now, door: conn.door, action: 'key.exportRaw', targetType: null, targetId: null, outcome: 'ok', details: null }),
    )();
    core.releaseIfIdle();
    const rawKeyHex = dataKey.toString('hex');
    dataKey.fill(0);
    return { rawKeyHex, cipher: 'sqlcipher' as const, legacy: 4 as const };
  }),
};

/** Logout and closing a window both end the session, audited while the archive is still open. */
export function endSession(core: CoreState, conn: ConnectionState): void {
  const s = conn.session;
  if (!s) return;
  if (core.db) core.audit(conn, { ...sessionActor(conn), action: 'auth.logout', targetType: null, targetId: null, outcome: 'ok', details: null });
  conn.session = null;
  core.releaseIfIdle();
}
