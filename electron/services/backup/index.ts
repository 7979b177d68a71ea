import { systemHandler, type HandlerMap } from '../../core/handler';
import { CounselError } from '../../../shared/api/errors';
import { sessionActor } from '../accounts/session';
import { backupFolder, readBackupState, writeBackupState } from './backup-state';
import { backupStatus, jobView, listBackups, restoreBackup, runDueBackup, startJob, verifyBackup } from './backup';

/**
 * Backups are files and keys rather than rows, so every method is a system handler; each
 * write leaves its own audit row (ids and counts only, never a path or a name).
 */
export const backupArea: HandlerMap<
  | 'backup.status'
  | 'backup.configure'
  | 'backup.list'
  | 'backup.start'
  | 'backup.progress'
  | 'backup.cancel'
  | 'backup.runDue'
  | 'backup.verify'
  | 'backup.restore'
> = {
  'backup.status': systemHandler<'backup.status'>(({ core }) => backupStatus(core)),
  'backup.configure': systemHandler<'backup.configure'>(({ core, conn, audit }, input) => {
    writeBackupState(core.dataDir, { folder: input.folder, maxAgeDays: input.maxAgeDays });
    audit({ ...sessionActor(conn), action: 'backup.configure', targetType: null, targetId: null, outcome: 'ok', details: { folderSet: input.folder !== null, maxAgeDays: input.maxAgeDays } });
    return { ok: true as const };
  }),
  'backup.list': systemHandler<'backup.list'>(({ core }) => ({ items: listBackups(backupFolder(core.dataDir)) })),
  'backup.start': systemHandler<'backup.start'>(({ core, conn, audit }, input) => {
    const view = startJob(core, input.folder ?? backupFolder(core.dataDir, readBackupState(core.dataDir)));
    audit({ ...sessionActor(conn), action: 'backup.start', targetType: 'backup', targetId: view.jobId, outcome: 'ok', details: null });
    return view;
  }),
  'backup.progress': systemHandler<'backup.progress'>(({ core }, input) => jobView(core, input.jobId).view),
  'backup.cancel': systemHandler<'backup.cancel'>(({ core }, input) => {
    const job = jobView(core, input.jobId);
    if (job.view.state !== 'running') throw new CounselError('CONFLICT', 'errors.backup.notRunning', { path: 'jobId' });
    job.cancel = true;
    return job.view;
  }),
  'backup.runDue': systemHandler<'backup.runDue'>(({ core, conn }) => runDueBackup(core, conn)),
  'backup.verify': systemHandler<'backup.verify'>(async ({ core, conn }, input) => ({
    ...(await verifyBackup(core, conn, input.file, input.recoveryKey)),
    integrity: 'ok' as const,
  })),
  'backup.restore': systemHandler<'backup.restore'>(async ({ core, conn }, input) => {
    const checked = await restoreBackup(core, conn, input.file, input.targetDir, input.recoveryKey);
    return { targetDir: input.targetDir, createdAt: checked.createdAt, tables: checked.tables };
  }),
};
