import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

export interface KdfParams {
  name: 'scrypt';
  logN: number;
  r: number;
  p: number;
  salt: string; // base64
}

export interface Wrapped {
  iv: string; // base64
  ct: string;
  tag: string;
}

/** Floor for slot KDF cost: below this a stolen key-slot file is too cheap to brute-force. */
export const MIN_LOG_N = 12;
export const DEFAULT_LOG_N = 17;

export function newKdfParams(logN: number): KdfParams {
  if (!Number.isInteger(logN) || logN < MIN_LOG_N || logN > 22) throw new Error(`scrypt logN out of range: ${logN}`);
  return { name: 'scrypt', logN, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export function deriveKek(secret: Buffer | string, kdf: KdfParams): Promise<Buffer> {
  const N = 2 ** kdf.logN;
  return new Promise((resolve, reject) => {
    scrypt(secret, Buffer.from(kdf.salt, 'base64'), 32, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** AES-256-GCM; the AAD binds the wrap to its slot, so a slot's user id cannot be swapped in the file. */
export function wrapKey(kek: Buffer, dataKey: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(dataKey), c.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

/** Null when the passphrase (or the slot) is wrong: GCM authentication failed. */
export function unwrapKey(kek: Buffer, w: Wrapped, aad: string): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(w.ct, 'base64')), d.final()]);
  } catch {
    return null;
  }
}
