import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a zip archive, read from its central directory, inflated on demand.
 * Only what an .xlsx uses: stored or deflated entries, no ZIP64, no encryption. Anything else
 * throws, and the caller reports the file as unreadable.
 */
export interface ZipArchive {
  has(name: string): boolean;
  /** The entry's bytes, or null if there is none. Throws ZipTooLarge past `maxBytes` inflated. */
  read(name: string): Buffer | null;
}

export class ZipTooLarge extends Error {}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  localHeader: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;

/**
 * `maxBytes` bounds every entry once inflated: a few kilobytes of deflate can claim gigabytes
 * (a zip bomb), and the declared sizes are the sender's word, so zlib enforces the cap itself.
 */
export function openZip(bytes: Uint8Array, maxBytes: number): ZipArchive {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf);
  const lookup = (name: string) => entries.get(name) ?? entries.get(name.toLowerCase());
  return {
    has: (name) => lookup(name) !== undefined,
    read(name) {
      const entry = lookup(name);
      return entry === undefined ? null : inflate(buf, entry, maxBytes);
    },
  };
}

function centralDirectory(buf: Buffer): Map<string, Entry> {
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error('zip: bad central directory');
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const entry: Entry = {
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localHeader: buf.readUInt32LE(at + 42),
    };
    // Writers differ in the case of part names ([Content_Types].xml, xl/sharedStrings.xml);
    // OOXML part names compare case-insensitively, so a lower-case key finds either.
    entries.set(name, entry);
    entries.set(name.toLowerCase(), entries.get(name.toLowerCase()) ?? entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end record sits in the last 22 bytes plus a comment of up to 65,535 bytes. */
function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= stop; at--) {
    if (buf.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new Error('zip: no end of central directory');
}

function inflate(buf: Buffer, entry: Entry, maxBytes: number): Buffer {
  if (entry.flags & ENCRYPTED_FLAG) throw new Error('zip: encrypted entry');
  const at = entry.localHeader;
  if (buf.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new Error('zip: bad local header');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new Error('zip: entry past the end of the file');
  const data = buf.subarray(start, end);
  if (entry.method === STORED) {
    if (data.length > maxBytes) throw new ZipTooLarge();
    return data;
  }
  if (entry.method !== DEFLATED) throw new Error('zip: unsupported compression');
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLarge();
    throw e;
  }
}
