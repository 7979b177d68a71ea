import type { z } from 'zod';

export const ROLES = ['counselor', 'principal', 'district'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How much of a session a method needs.
 * - none: callable before anyone has logged in (setup, login, recovery).
 * - locked: callable while the session is locked (unlock, logout, status).
 * - unlocked: the normal case; the session must be unlocked.
 */
export type Gate = 'none' | 'locked' | 'unlocked';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Roles allowed; ignored for gate 'none'. */
  roles: readonly Role[];
  kind: 'read' | 'write';
  gate: Gate;
  /** Reads that must leave an audit row (opening a student's record). Writes are always audited. */
  auditRead?: boolean;
  /** Usable while the user must still replace an initial passphrase (set by a colleague). */
  beforePassphraseChange?: boolean;
  /** A step that is hard to undo (升级, purge): the dispatcher writes a backup first and refuses the step if it cannot. */
  backupFirst?: boolean;
  summary: string;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
