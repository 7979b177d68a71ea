import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecoveryKeyGroups } from './RecoveryKeyGroups';
import { RecoveryKeyPrint } from './RecoveryKeyPrint';

/** A recovery key just issued, shown this one time: to copy by hand or print, then to be typed back. */
export function RecoveryKeyShow({ recoveryKey, school, onWritten }: { recoveryKey: string; school: string; onWritten(): void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="middle">
      <Alert type="warning" showIcon title={t('setup.recovery.explain')} />
      <RecoveryKeyGroups recoveryKey={recoveryKey} />
      <Typography.Text type="secondary">{t('setup.recovery.alphabet')}</Typography.Text>
      <RecoveryKeyPrint recoveryKey={recoveryKey} school={school} />
      <Flex gap="small">
        <Button onClick={() => window.print()}>{t('common.print')}</Button>
        <Button type="primary" onClick={onWritten}>
          {t('setup.recovery.written')}
        </Button>
      </Flex>
    </Flex>
  );
}
