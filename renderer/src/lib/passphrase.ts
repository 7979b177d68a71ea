import { LIMITS } from '../../../shared/api/fields';

export type Strength = 'weak' | 'fair' | 'strong';

/**
 * A deliberately simple estimate (length and character classes): enough to nudge
 * towards a long passphrase without pretending to measure entropy.
 */
export function passphraseStrength(value: string): Strength {
  const length = Array.from(value).length;
  if (length < LIMITS.passphraseMin) return 'weak';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  const score = (length >= 16 ? 2 : 1) + (classes >= 3 ? 2 : classes >= 2 ? 1 : 0);
  return score >= 3 ? 'strong' : score >= 2 ? 'fair' : 'weak';
}
