import { readdirSync } from 'node:fs';
import type { CounselClient } from '../../shared/api/contract';
import type { BackupJobView } from '../../shared/api/backup';
import { tableDigests, type TableDigest } from '../../electron/db/table-digests';
import { openRaw } from './raw-db';

/** Row counts and content hashes of every table, read as an outsider with the raw key. */
export function digestsOf(dbFile: string, rawKeyHex: string): Record<string, TableDigest> {
  const db = openRaw(dbFile, rawKeyHex);
  try {
    return tableDigests(db);
  } finally {
    db.close();
  }
}

/** Follows a backup job the way the settings screen does, until it stops running. */
export async function finished(c: CounselClient, started: BackupJobView): Promise<BackupJobView> {
  let view = started;
  while (view.state === 'running') {
    await new Promise((r) => setImmediate(r));
    view = await c.backup.progress({ jobId: view.jobId });
  }
  return view;
}

export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
