import { createHash, randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { canonicalJson, type PackageManifest, packageManifest, phoneFingerprint, type RejectionReason, SIGNING_CONTEXT } from '../../../shared/domain/district-package';

/** The school's signing key pair; the secret never leaves the encrypted archive. */
export interface SigningKey {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export function newSigningKey(): SigningKey {
  return ed25519.keygen(randomBytes(32));
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/** The first 8 bytes of the key's SHA-256, hex: short enough for a manifest, long enough not to collide. */
export const keyIdOf = (publicKey: Uint8Array): string => sha256(publicKey).subarray(0, 8).toString('hex');
export const fingerprintOf = (publicKey: Uint8Array): string => phoneFingerprint(sha256(publicKey));

/** SubjectPublicKeyInfo for Ed25519 (RFC 8410): a fixed 12-byte prefix and the 32-byte key. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyPem(publicKey: Uint8Array): string {
  const b64 = Buffer.concat([SPKI_PREFIX, publicKey]).toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----\n`;
}

/** A public key given as PEM or as base64 of its 32 bytes; null when it is neither. */
export function parsePublicKey(text: string): Uint8Array | null {
  const body = text.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length === 32) return new Uint8Array(bytes);
  if (bytes.length === 44 && bytes.subarray(0, 12).equals(SPKI_PREFIX)) return new Uint8Array(bytes.subarray(12));
  return null;
}

export async function newDistrictIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The signed bytes: the context line and the manifest line. */
const signedBytes = (manifestLine: string) => new TextEncoder().encode(`${SIGNING_CONTEXT}\n${manifestLine}`);

/** Signs the manifest, lays the package out and encrypts it to the manifest's recipient. */
export async function sealPackage(fields: Omit<PackageManifest, 'payloadSha256'>, payload: unknown, key: SigningKey): Promise<{ bytes: Uint8Array; manifest: PackageManifest }> {
  const payloadText = canonicalJson(payload);
  const manifest: PackageManifest = { ...fields, payloadSha256: sha256(payloadText).toString('hex') };
  const manifestLine = canonicalJson(manifest);
  const sig = Buffer.from(ed25519.sign(signedBytes(manifestLine), key.secretKey)).toString('base64');
  const plain = `${SIGNING_CONTEXT}\n${manifestLine}\n${sig}\n${payloadText}`;
  const e = new Encrypter();
  e.addRecipient(manifest.recipient);
  return { bytes: await e.encrypt(plain), manifest };
}

export type Opened =
  | { ok: true; manifest: PackageManifest; payload: unknown; publicKey: Uint8Array }
  | { ok: false; reason: RejectionReason; manifest?: PackageManifest };

/** What the district knows when it opens a file: its identity and recipient, and the keys it trusts. */
export interface DistrictKeys {
  identity: string;
  recipient: string;
  /** The registered public key for a key id, or null when the school is not registered. */
  schoolKey(keyId: string): Uint8Array | null;
}

/** Age's errors are strings; a failed decryption is named by what it says. */
function decryptionReason(e: unknown, bytes: Uint8Array): RejectionReason {
  if (new TextDecoder().decode(bytes.subarray(0, AGE_MAGIC.length)) !== AGE_MAGIC) return 'notPackage';
  const message = e instanceof Error ? e.message : String(e);
  if (/no identity matched/.test(message)) return 'wrongIdentity';
  // A header cut short fails to parse; a body cut at a chunk boundary or inside one fails its size checks.
  if (/invalid (header|stanza|version)$|too small|size is invalid|final chunk/.test(message) && !/HMAC/.test(message)) return 'truncated';
  return 'altered';
}

const AGE_MAGIC = 'age-encryption.org/v1';

/**
 * Decrypts, then checks strictly and in this order: the layout, the signature against the
 * registered key (RFC 8032 strict, no ZIP-215 leniency), the recipient named in the manifest, the
 * payload hash. The first failure is the file's reason; nothing of it is trusted before all pass.
 */
export async function openPackage(bytes: Uint8Array, keys: DistrictKeys): Promise<Opened> {
  let plain: string;
  try {
    const d = new Decrypter();
    d.addIdentity(keys.identity);
    plain = await d.decrypt(bytes, 'text');
  } catch (e) {
    return { ok: false, reason: decryptionReason(e, bytes) };
  }
  const lines = plain.split('\n');
  if (lines.length < 4 || lines[0] !== SIGNING_CONTEXT) return { ok: false, reason: 'malformed' };
  const [, manifestLine, sigLine] = lines as [string, string, string];
  const payloadText = lines.slice(3).join('\n');
  let manifest: PackageManifest;
  try {
    const parsed = packageManifest.safeParse(JSON.parse(manifestLine));
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    manifest = parsed.data;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const publicKey = keys.schoolKey(manifest.schoolKeyId);
  if (!publicKey) return { ok: false, reason: 'unregisteredKey', manifest };
  const sig = Buffer.from(sigLine, 'base64');
  let valid = false;
  try {
    valid = sig.length === 64 && ed25519.verify(sig, signedBytes(manifestLine), publicKey, { zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'badSignature' };
  if (manifest.recipient !== keys.recipient) return { ok: false, reason: 'otherDistrict', manifest };
  if (sha256(payloadText).toString('hex') !== manifest.payloadSha256) return { ok: false, reason: 'payloadHash', manifest };
  try {
    return { ok: true, manifest, payload: JSON.parse(payloadText), publicKey };
  } catch {
    return { ok: false, reason: 'malformed', manifest };
  }
}
