import { Button, Flex, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBackupJob } from './useBackupJob';

/** 立即备份, with the progress of the running backup and a cancel that leaves no file. */
export function BackupNow({ onFinished }: { onFinished(): void }) {
  const { t } = useTranslation();
  const { job, starting, start, cancel } = useBackupJob(onFinished);
  if (job?.state === 'running') {
    const percent = job.total === 0 ? 0 : Math.floor((job.done / job.total) * 100);
    return (
      <Flex gap="small" align="center" wrap>
        <span>{t('backup.running')}</span>
        <Progress percent={percent} style={{ width: 220 }} aria-label={t('backup.running')} />
        <Button onClick={cancel}>{t('backup.cancel')}</Button>
      </Flex>
    );
  }
  return (
    <Button type="primary" loading={starting} onClick={() => void start()}>
      {t('backup.now')}
    </Button>
  );
}
