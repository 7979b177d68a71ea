import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { PassphraseFields, usePassphraseVerdict } from '../../components/PassphraseFields';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, parseForm, zodRule } from '../../lib/zodForm';
import { RecoveryKeyField } from '../recovery/RecoveryKeyField';
import { useRetryCountdown } from './useRetryCountdown';

const recoverInput = sessionApi['auth.recover'].input;
const fields = recoverInput.shape;

// A wrong key and the wait the core then imposes belong next to the key; an unknown
// username comes back naming its own field.
const ON_KEY = { 'errors.recovery.invalid': 'recoveryKey', 'errors.auth.throttled': 'recoveryKey' };

/** 忘记口令: the printed recovery key sets a new passphrase for any account, without logging in. */
export function RecoverForm({ onDone, onBack }: { onDone(username: string): void; onBack(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  // The school's name is inside the archive, which is closed here: the core checks that part.
  const username = Form.useWatch<string | undefined>('username', form);
  const verdict = usePassphraseVerdict(form, 'newPassphrase', { username });
  const [waitSeconds, noteFailure] = useRetryCountdown();
  const { busy, submit } = useFormSubmit(
    form,
    async (values: Record<string, unknown>) => {
      // Only the schema's keys: the confirmation field must not reach the strict input.
      const input = parseForm(form, recoverInput, { username: values.username, recoveryKey: values.recoveryKey, newPassphrase: values.newPassphrase });
      if (!input) return;
      await api.auth.recover(input);
      onDone(input.username);
    },
    { fieldFor: ON_KEY, onError: noteFailure },
  );

  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Typography.Paragraph type="secondary">{t('recover.explain')}</Typography.Paragraph>
      <Form.Item name="username" label={t('login.username')} rules={[zodRule(fields.username)]}>
        <Input autoComplete="username" autoFocus maxLength={maxLengthOf(fields.username)} />
      </Form.Item>
      <RecoveryKeyField />
      <PassphraseFields name="newPassphrase" label={t('changePassphrase.next')} verdict={verdict} />
      <Button type="primary" htmlType="submit" block loading={busy} disabled={waitSeconds > 0 || verdict?.ok === false}>
        {waitSeconds > 0 ? t('login.waiting', { seconds: waitSeconds }) : t('recover.submit')}
      </Button>
      <Button type="link" block style={{ marginTop: 8 }} onClick={onBack}>
        {t('recover.back')}
      </Button>
    </Form>
  );
}
