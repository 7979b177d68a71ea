import { z } from 'zod';
import { defineMethod, ROLES } from './define';
import { empty, id, LIMITS, ok, passphrase, passphraseAttempt, requiredText, username } from './fields';

export const STAGES = ['primary', 'junior', 'senior'] as const;
export type Stage = (typeof STAGES)[number];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const schoolProfile = z
  .object({
    name: requiredText(LIMITS.line),
    code: requiredText(LIMITS.code),
    stages: z.array(z.enum(STAGES)).min(1).max(3),
    enrollment: z.number().int().min(1).max(50000),
    district: requiredText(LIMITS.line),
    timeZone: z.string().max(64).refine(isTimeZone, 'errors.field.timeZone').default('Asia/Shanghai'),
  })
  .strict();
export type SchoolProfile = z.output<typeof schoolProfile>;

export const role = z.enum(ROLES);

export const userView = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  mustChangePassphrase: z.boolean(),
});
export type UserView = z.output<typeof userView>;

export const appStatus = z.object({
  setupDone: z.boolean(),
  session: z.enum(['none', 'locked', 'unlocked']),
  user: userView.nullable(),
  idleLockMinutes: z.number().int().nullable(),
  /** False until a counselor has typed the printed recovery key back; null without an unlocked session. */
  recoveryKeyConfirmed: z.boolean().nullable(),
  /** The archive folder was filled by `npm run demo`: synthetic, never real records (the shell says so). */
  demo: z.boolean(),
});
export type AppStatus = z.output<typeof appStatus>;

export const newAccount = z
  .object({
    username,
    displayName: requiredText(LIMITS.name),
    passphrase,
  })
  .strict();

export const sessionApi = {
  'app.status': defineMethod({
    summary: 'Whether setup is done and the state of this connection’s session.',
    input: empty,
    output: appStatus,
    roles: ROLES,
    kind: 'read',
    gate: 'none',
  }),
  'setup.initialize': defineMethod({
    summary: 'First run: school profile, first counselor account, recovery key (shown once).',
    input: z.object({ school: schoolProfile, counselor: newAccount }).strict(),
    output: z.object({ user: userView, recoveryKey: z.string() }),
    roles: ROLES,
    kind: 'write',
    gate: 'none',
  }),
  'auth.login': defineMethod({
    summary: 'Log in with a username and passphrase; unlocks the archive for this connection.',
    input: z.object({ username: z.string().trim().min(1).max(32), passphrase: passphraseAttempt }).strict(),
    output: z.object({ user: userView }),
    roles: ROLES,
    kind: 'write',
    gate: 'none',
  }),
  'auth.recover': defineMethod({
    summary:
      'Set a new passphrase for any user with the printed recovery key (staff turnover). `username` is the account’s username or its display name (姓名; CONFLICT errors.recovery.ambiguousName when two accounts share it). A success also marks the recovery key as checked. Returns the account’s username for the login.',
    input: z
      .object({ recoveryKey: requiredText(64), username: z.string().trim().min(1).max(LIMITS.name), newPassphrase: passphrase })
      .strict(),
    output: z.object({ ok: z.literal(true), username: z.string() }),
    roles: ROLES,
    kind: 'write',
    gate: 'none',
  }),
  'auth.recoveryAccounts': defineMethod({
    summary: 'The accounts to choose from once the recovery key is proven (throttled like auth.recover): username, display name, role, disabled.',
    input: z.object({ recoveryKey: requiredText(64) }).strict(),
    output: z.object({ items: z.array(userView.pick({ username: true, displayName: true, role: true, disabled: true })) }),
    roles: ROLES,
    kind: 'read',
    gate: 'none',
  }),
  'auth.logout': defineMethod({
    summary: 'End the session; the archive is closed when no session is left.',
    input: empty,
    output: ok,
    roles: ROLES,
    kind: 'write',
    gate: 'locked',
    beforePassphraseChange: true,
  }),
  'auth.lock': defineMethod({
    summary: 'Lock the session; the data key is dropped until the passphrase is given again.',
    input: empty,
    output: ok,
    roles: ROLES,
    kind: 'write',
    gate: 'locked',
    beforePassphraseChange: true,
  }),
  'auth.unlock': defineMethod({
    summary: 'Unlock a locked session with the same user’s passphrase.',
    input: z.object({ passphrase: passphraseAttempt }).strict(),
    output: z.object({ user: userView }),
    roles: ROLES,
    kind: 'write',
    gate: 'locked',
    beforePassphraseChange: true,
  }),
  'auth.verifyPassphrase': defineMethod({
    summary:
      'Check the logged-in user’s passphrase without changing the session (leaving the kiosk). Throttled and audited like a failed login; a wrong one is AUTH errors.auth.failed.',
    input: z.object({ passphrase: passphraseAttempt }).strict(),
    output: ok,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'auth.heartbeat': defineMethod({
    summary: 'Tell the dispatcher the user is active, so server-side idle lock does not fire.',
    input: empty,
    output: ok,
    roles: ROLES,
    kind: 'read',
    gate: 'unlocked',
    beforePassphraseChange: true,
  }),
  'auth.changePassphrase': defineMethod({
    summary: 'Change the caller’s own passphrase; only that key slot is re-wrapped.',
    input: z.object({ current: passphraseAttempt, next: passphrase }).strict(),
    output: ok,
    roles: ROLES,
    kind: 'write',
    gate: 'unlocked',
    beforePassphraseChange: true,
  }),
  'auth.checkRecoveryKey': defineMethod({
    summary: 'Check a typed-back recovery key against the recovery slot (the “I wrote it down” step); a match marks it confirmed.',
    input: z.object({ recoveryKey: requiredText(64) }).strict(),
    output: z.object({ valid: z.boolean() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'auth.rotateRecoveryKey': defineMethod({
    summary: 'Issue a new recovery key (the paper was lost, or never confirmed); the old one stops working. Shown once.',
    input: z.object({ passphrase: passphraseAttempt }).strict(),
    output: z.object({ recoveryKey: z.string() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'key.exportRaw': defineMethod({
    summary: 'Recovery key in, raw SQLCipher key (hex) out, for opening the database with standard tools.',
    input: z.object({ recoveryKey: requiredText(64) }).strict(),
    output: z.object({ rawKeyHex: z.string(), cipher: z.literal('sqlcipher'), legacy: z.literal(4) }),
    roles: ROLES,
    kind: 'write',
    gate: 'none',
  }),
} as const;
