/**
 * 384 KiB of bytes, 512 Ki characters of base64: under the size from which Node hands out a base64
 * string as an "external" one (about 1 MB), whose memory lives outside V8's heap. V8 frees those
 * only at a full collection, which comes rarely in the core: reading a 1 MB evidence photo back
 * thirty times left 45-60 MiB of them in the resident set. Pieces this size are ordinary strings
 * in the young generation, freed at the next scavenge (docs/PERFORMANCE.md, "The core's memory").
 */
const PIECE = 3 * 2 ** 17;

/** A file's bytes as base64 for a method's output, in pieces the young generation takes back. */
export function fileBase64(bytes: Uint8Array): string {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  for (let at = 0; at < buf.length; at += PIECE) out += buf.toString('base64', at, Math.min(buf.length, at + PIECE));
  return out;
}
