import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolProfile } from '../../../../shared/api/session';
import { sessionApi } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { errorMessage, showErrorOnForm, toApiError } from '../../lib/errors';
import { zodRule } from '../../lib/zodForm';
import { useSession } from '../../stores/session';
import { useHeartbeat } from '../auth/useActivity';
import type { NewAccount } from './AccountStep';
import { RecoveryKeyGroups } from './RecoveryKeyGroups';
import { RecoveryKeyPrint } from './RecoveryKeyPrint';

const recoveryKeyField = sessionApi['auth.checkRecoveryKey'].input.shape.recoveryKey;

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
  const [form] = Form.useForm<{ recoveryKey: string }>();
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

  const check = async ({ recoveryKey: typed }: { recoveryKey: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      const { valid } = await api.auth.checkRecoveryKey({ recoveryKey: typed.trim() });
      if (valid) await finishSetup();
      else form.setFields([{ name: 'recoveryKey', errors: [t('setup.recovery.mismatch')] }]);
    } catch (err) {
      setFailure(showErrorOnForm(form, err, { fieldFor: { 'errors.recovery.invalid': 'recoveryKey' } }));
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

  if (!confirming) {
    return (
      <Flex vertical gap="middle">
        <Typography.Title level={4}>{t('setup.recovery.title')}</Typography.Title>
        <Alert type="warning" showIcon title={t('setup.recovery.explain')} />
        <RecoveryKeyGroups recoveryKey={recoveryKey} />
        <Typography.Text type="secondary">{t('setup.recovery.alphabet')}</Typography.Text>
        <RecoveryKeyPrint recoveryKey={recoveryKey} school={school.name} />
        <Flex gap="small">
          <Button onClick={() => window.print()}>{t('common.print')}</Button>
          <Button type="primary" onClick={() => setConfirming(true)}>
            {t('setup.recovery.written')}
          </Button>
        </Flex>
      </Flex>
    );
  }

  return (
    <Form form={form} layout="vertical" onFinish={check}>
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Typography.Title level={4}>{t('setup.recovery.confirmTitle')}</Typography.Title>
      <Typography.Paragraph>{t('setup.recovery.confirmExplain')}</Typography.Paragraph>
      <Form.Item name="recoveryKey" label={t('setup.recovery.input')} rules={[zodRule(recoveryKeyField)]}>
        <Input className="recovery-key-input" autoComplete="off" spellCheck={false} maxLength={64} autoFocus />
      </Form.Item>
      <Flex gap="small">
        <Button
          onClick={() => {
            // Start the next attempt clean, from the key as shown.
            form.resetFields();
            setFailure(null);
            setConfirming(false);
          }}
        >
          {t('setup.recovery.viewAgain')}
        </Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('setup.recovery.check')}
        </Button>
      </Flex>
    </Form>
  );
}
