import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { CounselError } from '../../../shared/api/errors';
import type { AtomicFile } from '../../fs/atomic-write';

/**
 * The backup file (format counselroom-backup, version 1):
 *
 *   "CRBACKUP" | u32 BE header length | header (JSON, UTF-8) | chunk* 
 *   chunk = u32 BE length | AES-256-GCM ciphertext of that many bytes | 16-byte tag
 *
 * The header is in the clear: when it was made, the key-slot file of the archive at that time,
 * the sizes of the files that follow, and a random salt. The file key is HKDF-SHA256 of the
 * archive's data key with that salt, so a backup opens with whatever opens the archive itself
 * (the printed recovery key, or an account's passphrase, through the carried key-slot file),
 * and an automatic backup can be written while nobody types a secret. The files follow one
 * after the other as one stream cut into 1 MiB chunks (the STREAM construction of age and
 * Tink): chunk i is sealed with nonce i and with the header's SHA-256, i and a last-chunk flag
 * as associated data, so any changed byte, a swapped, dropped or repeated chunk, an edited
 * header, or a file cut short fails authentication. The database inside is the SQLCipher
 * file itself (still encrypted under the data key), so nothing in the container is ever plain.
 */
const MAGIC = Buffer.from('CRBACKUP', 'latin1');
export const CHUNK_SIZE = 1 << 20;
const TAG = 16;
const MAX_HEADER = 1 << 20;
const INFO = 'counselroom-backup/v1';

const headerSchema = z.object({
  format: z.literal('counselroom-backup'),
  version: z.literal(1),
  createdAt: z.number().int(),
  reason: z.string().max(64),
  schemaVersion: z.number().int(),
  keyslots: z.string().max(MAX_HEADER),
  salt: z.string().max(64),
  /** HMAC of a fixed text under the file key: tells a wrong key from a damaged file. */
  keyCheck: z.string().max(128),
  entries: z.array(z.object({ name: z.string().max(200), size: z.number().int().nonnegative() })).max(10_000),
});
export type BackupHeader = z.infer<typeof headerSchema>;
export type HeaderFields = Pick<BackupHeader, 'createdAt' | 'reason' | 'schemaVersion' | 'keyslots'>;

export interface Source {
  name: string;
  path: string;
}

export interface Progress {
  done: number;
  total: number;
}

const damaged = (why: string) => new CounselError('CONFLICT', 'errors.backup.damaged', { why });

function fileKey(dataKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, INFO, 32));
}

function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update(`${INFO} key check`).digest('base64');
}

function nonce(i: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(i), 4);
  return n;
}

function aad(headerHash: Buffer, i: number, last: boolean): Buffer {
  const b = Buffer.alloc(9);
  b.writeBigUInt64BE(BigInt(i), 0);
  b[8] = last ? 1 : 0;
  return Buffer.concat([headerHash, b]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
}

/**
 * Writes the container into `out`, yielding after each chunk so the caller can report
 * progress, give way to other calls, or stop (then it aborts `out`: no partial file remains).
 */
export function* writeContainer(out: AtomicFile, dataKey: Buffer, fields: HeaderFields, sources: Source[]): Generator<Progress, void> {
  const salt = randomBytes(16);
  const key = fileKey(dataKey, salt);
  const fds = sources.map((s) => openSync(s.path, 'r'));
  try {
    const entries = sources.map((s, i) => ({ name: s.name, size: fstatSync(fds[i]!).size }));
    const header: BackupHeader = { format: 'counselroom-backup', version: 1, ...fields, salt: salt.toString('base64'), keyCheck: keyCheck(key), entries };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const headerHash = createHash('sha256').update(headerBytes).digest();
    out.write(Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]));
    const total = entries.reduce((n, e) => n + e.size, 0);
    let done = 0;
    let index = 0;
    let entry = 0;
    let entryOffset = 0;
    const buf = Buffer.alloc(CHUNK_SIZE);
    do {
      let filled = 0;
      while (filled < CHUNK_SIZE && entry < fds.length) {
        const n = readSync(fds[entry]!, buf, filled, CHUNK_SIZE - filled, entryOffset);
        filled += n;
        entryOffset += n;
        if (entryOffset >= entries[entry]!.size || n === 0) {
          if (entryOffset !== entries[entry]!.size) throw new Error('a backup source changed size while being read');
          entry++;
          entryOffset = 0;
        }
      }
      done += filled;
      const last = done === total;
      const c = createCipheriv('aes-256-gcm', key, nonce(index));
      c.setAAD(aad(headerHash, index, last));
      const ct = Buffer.concat([c.update(buf.subarray(0, filled)), c.final()]);
      out.write(Buffer.concat([u32(filled), ct, c.getAuthTag()]));
      index++;
      yield { done, total };
    } while (done < total);
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}

export interface OpenedContainer {
  header: BackupHeader;
  /** Decrypts every entry into the sinks, in order; throws errors.backup.damaged on any inconsistency. */
  read(dataKey: Buffer, sink: (entry: string, data: Buffer) => void): Generator<Progress, void>;
  close(): void;
}

function readExact(fd: number, length: number, position: number, what: string): Buffer {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, b, got, length - got, position + got);
    if (n === 0) throw damaged(what);
    got += n;
  }
  return b;
}

/** Reads and checks the header; the key-slot file inside tells the caller how to get the data key. */
export function openContainer(file: string): OpenedContainer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new CounselError('NOT_FOUND', 'errors.backup.missing', { path: 'file' });
  }
  try {
    const size = fstatSync(fd).size;
    const head = readExact(fd, MAGIC.length + 4, 0, 'header');
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new CounselError('CONFLICT', 'errors.backup.notBackup');
    const headerLength = head.readUInt32BE(MAGIC.length);
    if (headerLength > MAX_HEADER) throw damaged('header');
    const headerBytes = readExact(fd, headerLength, head.length, 'header');
    let header: BackupHeader;
    try {
      header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
    } catch {
      throw damaged('header');
    }
    const headerHash = createHash('sha256').update(headerBytes).digest();
    const bodyStart = head.length + headerLength;
    const total = header.entries.reduce((n, e) => n + e.size, 0);
    return {
      header,
      close: () => closeSync(fd),
      *read(dataKey, sink) {
        const key = fileKey(dataKey, Buffer.from(header.salt, 'base64'));
        const expected = Buffer.from(header.keyCheck, 'base64');
        const actual = Buffer.from(keyCheck(key), 'base64');
        if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new CounselError('CONFLICT', 'errors.backup.wrongKey');
        let pos = bodyStart;
        let done = 0;
        let index = 0;
        let entry = 0;
        let entryLeft = header.entries[0]?.size ?? 0;
        do {
          const length = readExact(fd, 4, pos, 'chunk').readUInt32BE(0);
          if (length > CHUNK_SIZE || done + length > total) throw damaged('chunk');
          const sealed = readExact(fd, length + TAG, pos + 4, 'chunk');
          pos += 4 + length + TAG;
          const last = done + length === total;
          let plain: Buffer;
          try {
            const d = createDecipheriv('aes-256-gcm', key, nonce(index));
            d.setAAD(aad(headerHash, index, last));
            d.setAuthTag(sealed.subarray(length));
            plain = Buffer.concat([d.update(sealed.subarray(0, length)), d.final()]);
          } catch {
            throw damaged('chunk');
          }
          let off = 0;
          while (off < plain.length) {
            while (entryLeft === 0) entryLeft = header.entries[++entry]!.size;
            const n = Math.min(entryLeft, plain.length - off);
            sink(header.entries[entry]!.name, plain.subarray(off, off + n));
            off += n;
            entryLeft -= n;
          }
          done += length;
          index++;
          yield { done, total };
        } while (done < total);
        if (pos !== size) throw damaged('trailing');
      },
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
