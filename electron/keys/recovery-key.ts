import { randomBytes } from 'node:crypto';

/**
 * The recovery key is printed on paper at setup, so it uses Crockford base32
 * (no I, L, O, U; typing 0/O or 1/I/L confusions back is forgiven) in groups of
 * four: 20 random bytes → 32 characters → 8 groups.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BYTES = 20;

export function generateRecoveryKey(): { key: Buffer; printable: string } {
  const key = randomBytes(BYTES);
  return { key, printable: formatRecoveryKey(key) };
}

export function formatRecoveryKey(key: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of key) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{1,4}/g)!.join('-');
}

/** Returns null for anything that is not 32 characters of the alphabet after normalising. */
export function parseRecoveryKey(typed: string): Buffer | null {
  const chars = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== (BYTES * 8) / 5) return null;
  const out = Buffer.alloc(BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const c of chars) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}
