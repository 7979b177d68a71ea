import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFormatInstant } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { BackupNow } from './BackupNow';

const status = () => api.backup.status({});

/** On the counselor's home: when the last backup was taken, and a warning when it is too old. */
export function BackupHomeCard() {
  const { t } = useTranslation();
  const formatInstant = useFormatInstant();
  const call = useCall(status, {});
  const s = call.data;
  if (!s) return null;
  const last = s.lastAt === null ? t('backup.home.never') : t('backup.home.last', { when: formatInstant(s.lastAt, 'YYYY-MM-DD HH:mm') });
  return (
    <Card size="small" title={t('backup.home.title')} style={{ flex: '1 1 420px' }} data-testid="backup-home">
      <Flex vertical gap="small">
        <Typography.Text>{last}</Typography.Text>
        {s.overdue && <Alert type="warning" showIcon title={t('backup.home.overdue', { days: s.maxAgeDays })} />}
        {s.folder === null && <Typography.Text type="secondary">{t('backup.home.noFolder')}</Typography.Text>}
        <BackupNow onFinished={call.reload} />
      </Flex>
    </Card>
  );
}
