import { Alert, Button, Flex, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { zodRule } from '../../lib/zodForm';
import { useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { RecoveryKeyCheck } from './RecoveryKeyCheck';
import { KEY_FRAME_WIDTH } from './RecoveryKeyField';
import { RecoveryKeyShow } from './RecoveryKeyShow';
import { useOnKeyConfirmed } from './useRecoveryKeyStatus';
import { PassphraseInput } from '../../components/PassphraseInput';

const passphraseField = sessionApi['auth.rotateRecoveryKey'].input.shape.passphrase;
// A wrong or throttled passphrase is an AUTH failure that belongs next to that field.
const WRONG_PASSPHRASE = { 'errors.auth.failed': 'passphrase', 'errors.auth.throttled': 'passphrase' };

/**
 * Issues a new recovery key: the passphrase first (the old paper key stops working at once),
 * then the new key shown this one time and typed back, as in setup.
 */
export function RotateRecoveryKeyModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const school = useSettings((s) => s.settings?.school.name ?? '');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const confirmed = useOnKeyConfirmed(onClose);

  const issued = (key: string) => {
    setRecoveryKey(key);
    // The core now counts the key as not confirmed: the banner must say so even if this closes.
    void useSession.getState().refresh();
  };

  const title = recoveryKey === null ? t('recoveryKey.rotate.title') : t(checking ? 'setup.recovery.confirmTitle' : 'setup.recovery.title');
  return (
    // Once the key is shown, only the close button leaves: a stray click or Esc must not lose it.
    <Modal open title={title} footer={null} width={KEY_FRAME_WIDTH} onCancel={onClose} keyboard={recoveryKey === null} mask={{ closable: recoveryKey === null }}>
      {recoveryKey === null ? (
        <PassphraseStep onIssued={issued} onCancel={onClose} />
      ) : checking ? (
        <RecoveryKeyCheck submitLabel={t('recoveryKey.rotate.confirm')} onBack={() => setChecking(false)} onConfirmed={confirmed} />
      ) : (
        <RecoveryKeyShow recoveryKey={recoveryKey} school={school} onWritten={() => setChecking(true)} />
      )}
    </Modal>
  );
}

function PassphraseStep({ onIssued, onCancel }: { onIssued(recoveryKey: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase: string }>();
  const { busy, submit } = useFormSubmit(
    form,
    async ({ passphrase }: { passphrase: string }) => {
      const { recoveryKey } = await api.auth.rotateRecoveryKey({ passphrase });
      onIssued(recoveryKey);
    },
    { fieldFor: WRONG_PASSPHRASE },
  );
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Alert type="warning" showIcon title={t('recoveryKey.rotate.warning')} style={{ marginBottom: 16 }} />
      <Form.Item name="passphrase" label={t('recoveryKey.rotate.passphrase')} rules={[zodRule(passphraseField)]}>
        <PassphraseInput autoComplete="current-password" autoFocus />
      </Form.Item>
      <Flex gap="small">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('recoveryKey.rotate.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
