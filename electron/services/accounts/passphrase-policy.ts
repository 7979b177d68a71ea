import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import { passphraseStrength, type PassphraseContext } from '../../../shared/domain/passphrase-strength';
import { readSchool } from './settings-store';

/** The words a passphrase of this account must not be built from: its names and the school's. */
export function accountContext(db: Database, user: { username: string; displayName: string }): PassphraseContext {
  return { username: user.username, displayName: user.displayName, schoolName: readSchool(db).name };
}

/**
 * Refuses a weak new passphrase with VALIDATION on its field, one detail per reason, so the form
 * shows the same words its live meter showed. Every door that sets a passphrase calls this; the
 * form's meter is only a convenience.
 */
export function assertStrongPassphrase(passphrase: string, path: string, context: PassphraseContext): void {
  const { ok, reasons } = passphraseStrength(passphrase, context);
  if (ok) return;
  const details = reasons.map((r) => ({ path, reason: `errors.passphrase.${r}` }));
  throw new CounselError('VALIDATION', details[0]!.reason, details);
}

