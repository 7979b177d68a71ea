/*
 * @noble/hashes rather than node:crypto or WebCrypto: shared/ runs in the renderer too, and
 * WebCrypto's digest is async while results are scored synchronously.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { ScaleDefinition } from './definition';

/** JSON with object keys sorted at every level, so key order and whitespace never change a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical definition; stored with every result to tie it to what scored it. */
export function definitionHash(def: ScaleDefinition): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(def))));
}
