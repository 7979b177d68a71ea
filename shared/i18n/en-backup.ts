import type { Catalog } from './zh-CN';

// The damaged-archive notice is in the start-up catalog (startup.en.ts).
export const backup: Omit<Catalog['backup'], 'damaged'> = {
  title: 'Backup',
  explain:
    'A backup holds the whole archive, encrypted; it opens only with the printed recovery key (or a passphrase of this archive). Back up to a USB stick or a second disk, and keep it as safe as the archive itself.',
  folder: 'Backup folder',
  folderPlaceholder: 'e.g. E:\\Counseling room backups',
  folderHint:
    'One automatic backup a day; the last 7 days and the last 4 weeks keep one each. Without a folder there are no automatic backups; the safety copies before a promotion, a purge or a restore then go beside the data folder.',
  maxAgeDays: 'Warn when the last backup is older than (days)',
  saved: 'Backup settings saved',
  now: 'Back up now',
  running: 'Backing up…',
  cancel: 'Cancel backup',
  done: 'Backup written: {{name}}',
  cancelled: 'Backup cancelled; no file was left behind',
  failed: 'Backup failed',
  list: 'Backups',
  none: 'No backups in the folder yet',
  kind: 'Kind',
  kinds: { manual: 'Manual', auto: 'Automatic', before: 'Before a step' },
  at: 'Taken',
  size: 'Size',
  verify: 'Verify',
  verified: 'Backup intact: all {{tables}} tables check out, {{rows}} audit entries',
  restore: 'Restore into a new folder',
  restoreTitle: 'Restore the backup into a new data folder',
  restoreExplain:
    'Restoring does not touch the current archive: the backup is verified, then written into a new, empty folder, and the current archive is backed up first. Start the app on that folder to use the restored archive.',
  targetDir: 'New data folder (must be empty)',
  restored: 'Restored into {{dir}}',
  home: {
    title: 'Backup',
    last: 'Last backup: {{when}}',
    never: 'No backup yet',
    overdue: 'No backup for more than {{days}} days. If this PC fails, every record is lost.',
    noFolder: 'No backup folder chosen, so there is no daily automatic backup.',
    go: 'Back up',
  },
};

export const backupErrors: Catalog['errors']['backup'] = {
  cancelled: 'The backup was cancelled',
  damaged: 'The backup file is damaged or was changed; it cannot be used',
  missing: 'Backup file not found',
  notBackup: 'This is not a CounselRoom backup file',
  wrongKey: 'This backup belongs to another archive; enter its recovery key',
  beforeFailed: 'Could not write a backup first, so the step was not run. Check the backup folder (is the USB stick in, is there space?)',
  writeFailed: 'Writing the backup failed; check the folder’s space and permissions',
  noSuchJob: 'No such backup job',
  notRunning: 'This backup has already ended',
  wrongRecoveryKey: 'The recovery key is not correct',
  recoveryKeyRequired: 'Enter the printed recovery key',
  integrity: 'The database in the backup fails the integrity check',
  auditChain: 'The audit chain in the backup is broken',
  targetIsLive: 'Cannot restore into the data folder in use',
  targetNotEmpty: 'The target folder is not empty; choose a new, empty folder',
};

export const backupAuditActions: Catalog['audit']['actions']['backup'] = {
  status: 'View backup status',
  configure: 'Change backup settings',
  list: 'List backups',
  start: 'Start a backup',
  progress: 'Follow a backup',
  cancel: 'Cancel a backup',
  runDue: 'Daily automatic backup',
  verify: 'Verify a backup',
  restore: 'Restore a backup',
  before: 'Automatic backup before a step',
  auto: 'Daily automatic backup',
};
