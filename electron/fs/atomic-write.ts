import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A file being written under a temporary name beside its target; only commit() makes it appear. */
export interface AtomicFile {
  write(data: Uint8Array): void;
  /** fsync, rename over the target, fsync the folder. */
  commit(): void;
  /** Removes the temporary file; the target is untouched. Safe to call after commit (does nothing). */
  abort(): void;
}

/**
 * Write-then-rename in the same folder, with fsyncs, so a crash, a full disk or a
 * cancel leaves either the old file or the new one, never half of either.
 */
export function openAtomic(file: string, mode = 0o600): AtomicFile {
  const tmp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  let fd: number | null = openSync(tmp, 'wx', mode);
  let done = false;
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    write(data) {
      if (fd === null) throw new Error('atomic file closed');
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    },
    commit() {
      if (fd === null) throw new Error('atomic file closed');
      try {
        fsyncSync(fd);
        close();
        renameSync(tmp, file);
        done = true;
      } catch (e) {
        close();
        rmSync(tmp, { force: true });
        throw e;
      }
      syncDir(dirname(file));
    },
    abort() {
      if (done) return;
      close();
      rmSync(tmp, { force: true });
    },
  };
}

export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
  const f = openAtomic(file, mode);
  try {
    f.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}

function syncDir(dir: string): void {
  // Directory fsync makes the rename durable on Linux; Windows cannot open folders this way.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
