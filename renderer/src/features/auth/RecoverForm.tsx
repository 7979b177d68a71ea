import { Button, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { sessionApi } from '../../../../shared/api/session';
import { errorMessage } from '../../lib/errors';
import { useLabels } from '../../lib/labels';
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

type Account = OutputOf<'auth.recoveryAccounts'>['items'][number];

/**
 * 忘记口令: the printed recovery key sets a new passphrase for any account, without logging in. The
 * account is named by username or 姓名, or chosen from the list the proven key opens.
 */
export function RecoverForm({ onDone, onBack }: { onDone(username: string): void; onBack(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  // The school's name is inside the archive, which is closed here: the core checks that part.
  const username = Form.useWatch<string | undefined>('username', form);
  const verdict = usePassphraseVerdict(form, 'newPassphrase', { username });
  const [waitSeconds, noteFailure] = useRetryCountdown();
  const labels = useLabels();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [listing, setListing] = useState(false);
  const listAccounts = async () => {
    const recoveryKey = (await form.validateFields(['recoveryKey']).catch(() => null)) as { recoveryKey: string } | null;
    if (!recoveryKey) return;
    setListing(true);
    try {
      setAccounts((await api.auth.recoveryAccounts(recoveryKey)).items);
    } catch (err) {
      noteFailure(err);
      form.setFields([{ name: 'recoveryKey', errors: [errorMessage(err)] }]);
    } finally {
      setListing(false);
    }
  };
  const { busy, submit } = useFormSubmit(
    form,
    async (values: Record<string, unknown>) => {
      // Only the schema's keys: the confirmation field must not reach the strict input.
      const input = parseForm(form, recoverInput, { username: values.username, recoveryKey: values.recoveryKey, newPassphrase: values.newPassphrase });
      if (!input) return;
      const done = await api.auth.recover(input);
      onDone(done.username);
    },
    { fieldFor: ON_KEY, onError: noteFailure },
  );

  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Typography.Paragraph type="secondary">{t('recover.explain')}</Typography.Paragraph>
      <RecoveryKeyField autoFocus />
      <Form.Item label={t('recover.account')} required>
        <Flex gap="small">
          <Form.Item name="username" noStyle rules={[zodRule(fields.username)]}>
            <Input aria-label={t('recover.account')} autoComplete="username" maxLength={maxLengthOf(fields.username)} />
          </Form.Item>
          <Button loading={listing} disabled={waitSeconds > 0} onClick={() => void listAccounts()}>
            {t('recover.listAccounts')}
          </Button>
        </Flex>
      </Form.Item>
      {accounts && (
        <Form.Item label={t('recover.accountsHint')}>
          <Radio.Group
            aria-label={t('recover.accountsHint')}
            value={username}
            onChange={(e) => form.setFieldsValue({ username: e.target.value as string })}
            options={accounts.map((a) => ({
              value: a.username,
              label: t('common.noted', { text: a.displayName, note: `${a.username} · ${labels.role(a.role)}${a.disabled ? ` · ${t('recover.disabled')}` : ''}` }),
            }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
      )}
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
