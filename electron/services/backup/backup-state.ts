import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../fs/atomic-write';

/**
 * Where backups go and when the last one was taken, kept beside the archive in the clear
 * rather than in its settings table: a damaged archive cannot be opened, and that is exactly
 * when the app must say where the latest backup is. It holds a folder path and instants,
 * nothing about any student.
 */
export const BACKUP_STATE_FILE = 'backup.json';
export const DEFAULT_MAX_AGE_DAYS = 3;

const stateSchema = z.object({
  folder: z.string().nullable(),
  maxAgeDays: z.number().int(),
  lastAt: z.number().int().nullable(),
  lastFile: z.string().nullable(),
  lastAutoAt: z.number().int().nullable(),
});
export type BackupState = z.infer<typeof stateSchema>;

const EMPTY: BackupState = { folder: null, maxAgeDays: DEFAULT_MAX_AGE_DAYS, lastAt: null, lastFile: null, lastAutoAt: null };

export function readBackupState(dataDir: string): BackupState {
  const file = join(dataDir, BACKUP_STATE_FILE);
  if (!existsSync(file)) return EMPTY;
  try {
    return stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // A damaged note about backups must not stop the app; the warning then says "no backup".
    return EMPTY;
  }
}

export function writeBackupState(dataDir: string, patch: Partial<BackupState>): BackupState {
  const next = { ...readBackupState(dataDir), ...patch };
  writeFileAtomic(join(dataDir, BACKUP_STATE_FILE), JSON.stringify(next, null, 1));
  return next;
}

/** Without a chosen folder, backups before a risky step still go somewhere: beside the archive. */
export function backupFolder(dataDir: string, state: BackupState = readBackupState(dataDir)): string {
  return state.folder ?? join(dataDir, 'backups');
}
