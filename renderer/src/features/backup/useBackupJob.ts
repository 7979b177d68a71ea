import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupJobView } from '../../../../shared/api/backup';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';

const POLL_MS = 250;

/** A backup started from the UI: follows its progress, lets it be cancelled, and says how it ended. */
export function useBackupJob(onFinished: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [job, setJob] = useState<BackupJobView | null>(null);
  const [starting, setStarting] = useState(false);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  useEffect(() => {
    if (job?.state !== 'running') return;
    const end = (next: BackupJobView) => {
      if (next.state === 'done') void message.success(t('backup.done', { name: next.file?.split(/[\\/]/).pop() ?? '' }));
      else if (next.state === 'cancelled') void message.info(t('backup.cancelled'));
      else void message.error(`${t('backup.failed')}: ${t(next.errorKey ?? 'errors.backup.writeFailed')}`);
      setJob(null);
      finished.current();
    };
    const timer = setTimeout(() => {
      api.backup.progress({ jobId: job.jobId }).then(
        (next) => (next.state === 'running' ? setJob(next) : end(next)),
        (err: unknown) => {
          setJob(null);
          void message.error(errorMessage(err));
        },
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, message, t]);

  const start = async () => {
    setStarting(true);
    try {
      setJob(await api.backup.start({}));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setStarting(false);
    }
  };
  const cancel = () => {
    if (job) void api.backup.cancel({ jobId: job.jobId }).catch(() => undefined);
  };
  return { job, starting, start, cancel };
}
