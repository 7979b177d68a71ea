import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRecoveryKeyModal } from './CheckRecoveryKeyModal';
import { RotateRecoveryKeyModal } from './RotateRecoveryKeyModal';
import { useRecoveryKeyConfirmed } from './useRecoveryKeyStatus';

/**
 * Stays above every page while the recovery key has not been typed back (the window closed
 * during setup, or a new key was issued and not checked): without it a forgotten passphrase
 * locks the archive for good. A reminder, not an alarm: it blocks nothing.
 */
export function RecoveryKeyBanner() {
  const { t } = useTranslation();
  const confirmed = useRecoveryKeyConfirmed();
  const [open, setOpen] = useState<'check' | 'rotate' | null>(null);
  const close = () => setOpen(null);
  if (confirmed !== false) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        role="status"
        style={{ marginBottom: 16 }}
        title={t('recoveryKey.notConfirmed')}
        description={t('recoveryKey.notConfirmedExplain')}
        action={
          <Flex gap="small">
            <Button type="primary" onClick={() => setOpen('check')}>
              {t('recoveryKey.check')}
            </Button>
            <Button onClick={() => setOpen('rotate')}>{t('recoveryKey.rotate.action')}</Button>
          </Flex>
        }
      />
      {open === 'check' && <CheckRecoveryKeyModal onClose={close} />}
      {open === 'rotate' && <RotateRecoveryKeyModal onClose={close} />}
    </>
  );
}
