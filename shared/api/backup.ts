import { z } from 'zod';
import { defineMethod } from './define';
import { empty, id, ok, requiredText } from './fields';

/**
 * Backups: one encrypted file holding the archive and its key-slot file, opened with the
 * printed recovery key (or, through the carried key-slot file, the data key of a session of
 * the same archive). Creating, listing and verifying are counselor-only: a backup is the whole
 * clinical archive, and a principal must not be able to carry it out of the room. A principal
 * sees only whether a backup is overdue. Restoring works before login with the recovery key,
 * because it is what a damaged archive needs.
 */
// A relative path would land wherever the app happens to run from: only a full path (POSIX, a
// Windows drive or a UNC share) names the USB stick or disk the counselor chose.
const folderPath = requiredText(1024).refine((v) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v), 'errors.field.absolutePath');

export const BACKUP_KINDS = ['manual', 'auto', 'before'] as const;

const backupFile = z.object({
  file: z.string(),
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  at: z.number().int(),
  size: z.number().int(),
});
export type BackupFile = z.output<typeof backupFile>;

const jobView = z.object({
  jobId: id,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number().int(),
  total: z.number().int(),
  /** The finished backup file; null until done. */
  file: z.string().nullable(),
  /** i18n key of the failure; null unless failed. */
  errorKey: z.string().nullable(),
});
export type BackupJobView = z.output<typeof jobView>;

const tableCheck = z.object({ name: z.string(), rows: z.number().int(), sha256: z.string() });

export const backupApi = {
  'backup.status': defineMethod({
    summary: 'The chosen folder, the newest backup and whether it is older than the allowed age (the home-screen warning).',
    input: empty,
    output: z.object({
      /** Null until a counselor chooses one; backups before a risky step then go beside the archive. */
      folder: z.string().nullable(),
      maxAgeDays: z.number().int(),
      lastAt: z.number().int().nullable(),
      overdue: z.boolean(),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'backup.configure': defineMethod({
    summary: 'Choose the backup folder (a USB stick or a second disk) and the age after which the home screen warns.',
    input: z.object({ folder: folderPath.nullable(), maxAgeDays: z.number().int().min(1).max(90) }).strict(),
    output: ok,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'backup.list': defineMethod({
    summary: 'Backups in the chosen folder, newest first.',
    input: empty,
    output: z.object({ items: z.array(backupFile) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'backup.start': defineMethod({
    summary: 'Start a backup into the chosen folder (or the given one); follow it with backup.progress, stop it with backup.cancel.',
    input: z.object({ folder: folderPath.optional() }).strict(),
    output: jobView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'backup.progress': defineMethod({
    summary: 'Where a running backup stands.',
    input: z.object({ jobId: id }).strict(),
    output: jobView,
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'backup.cancel': defineMethod({
    summary: 'Stop a running backup; no partial file is left.',
    input: z.object({ jobId: id }).strict(),
    output: jobView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'backup.runDue': defineMethod({
    summary: 'Take today’s automatic backup if none exists yet and thin the older ones (7 daily, 4 weekly). The app calls it at start and daily.',
    input: empty,
    output: z.object({ created: z.string().nullable(), removed: z.array(z.string()) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'backup.verify': defineMethod({
    summary: 'Open a backup without restoring it: decrypt and authenticate every chunk, run integrity_check and verify the audit chain.',
    input: z.object({ file: folderPath, recoveryKey: requiredText(64).optional() }).strict(),
    output: z.object({
      createdAt: z.number().int(),
      schemaVersion: z.number().int(),
      integrity: z.literal('ok'),
      auditRows: z.number().int(),
      tables: z.array(tableCheck),
    }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'backup.restore': defineMethod({
    summary:
      'Restore a backup into a new, empty data folder (verified first). Before login it needs the recovery key; a counselor’s session may use its own key. Replacing the live archive is not possible here: the app restarts on the restored folder.',
    input: z.object({ file: folderPath, targetDir: folderPath, recoveryKey: requiredText(64).optional() }).strict(),
    output: z.object({ targetDir: z.string(), createdAt: z.number().int(), tables: z.array(tableCheck) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'none',
  }),
} as const;
