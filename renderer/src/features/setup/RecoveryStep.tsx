import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolProfile } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { errorMessage, toApiError } from '../../lib/errors';
import { useSession } from '../../stores/session';
import { useHeartbeat } from '../auth/useActivity';
import { RecoveryKeyCheck } from '../recovery/RecoveryKeyCheck';
import { RecoveryKeyShow } from '../recovery/RecoveryKeyShow';
import type { NewAccount } from './AccountStep';
import { SectionTitle } from '../../components/SectionTitle';

/**
 * Creates the archive, shows the recovery key once, and lets the user through only
 * after typing the key back correctly: the one step setup cannot skip.
 */
export function RecoveryStep({ school, counselor, onBack }: { school: SchoolProfile; counselor: NewAccount; onBack(): void }) {
  const { t } = useTranslation();
  const beginSetup = useSession((s) => s.beginSetup);
  const finishSetup = useSession((s) => s.finishSetup);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Copying the key by hand takes a while; keep the core's idle lock from closing the session meanwhile.
  useHeartbeat(recoveryKey !== null);

  const create = async () => {
    setBusy(true);
    setFailure(null);
    beginSetup();
    try {
      const result = await api.setup.initialize({ school, counselor });
      setRecoveryKey(result.recoveryKey);
    } catch (err) {
      if (toApiError(err).messageKey === 'errors.setup.alreadyDone') await finishSetup();
      else setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (recoveryKey === null) {
    return (
      <Flex vertical gap="middle">
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
        <Typography.Paragraph>{t('setup.summary', { school: school.name, username: counselor.username })}</Typography.Paragraph>
        <Flex gap="small">
          <Button onClick={onBack} disabled={busy}>
            {t('common.previous')}
          </Button>
          <Button type="primary" onClick={() => void create()} loading={busy}>
            {busy ? t('setup.creating') : t('setup.create')}
          </Button>
        </Flex>
      </Flex>
    );
  }

  return (
    <Flex vertical gap="middle">
      <SectionTitle size={4}>{t(confirming ? 'setup.recovery.confirmTitle' : 'setup.recovery.title')}</SectionTitle>
      {confirming ? (
        <RecoveryKeyCheck submitLabel={t('setup.recovery.check')} onBack={() => setConfirming(false)} onConfirmed={finishSetup} />
      ) : (
        <RecoveryKeyShow recoveryKey={recoveryKey} school={school.name} onWritten={() => setConfirming(true)} />
      )}
    </Flex>
  );
}
