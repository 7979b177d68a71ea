import { Button, Flex, Form, Input, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { newAccount } from '../../../../shared/api/session';
import type { PassphraseVerdict } from '../../../../shared/domain/passphrase-strength';
import { PassphraseFields, usePassphraseVerdict } from '../../components/PassphraseFields';
import { maxLengthOf, parseForm, zodRule } from '../../lib/zodForm';

export type NewAccount = z.output<typeof newAccount>;
const fields = newAccount.shape;

/** The verdict on a new account's passphrase: it must not contain the name being typed above it, nor the school's. */
export function useAccountVerdict(form: FormInstance, schoolName: string | undefined): PassphraseVerdict | null {
  const username = Form.useWatch<string | undefined>('username', form);
  const displayName = Form.useWatch<string | undefined>('displayName', form);
  return usePassphraseVerdict(form, 'passphrase', { username, displayName, schoolName });
}

/** The account fields shared by setup (first counselor) and the users page (any account). */
export function AccountFields({ passphraseLabel, verdict }: { passphraseLabel?: string; verdict: PassphraseVerdict | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="username" label={t('setup.account.username')} rules={[zodRule(fields.username)]}>
        <Input autoComplete="off" maxLength={maxLengthOf(fields.username)} />
      </Form.Item>
      <Form.Item name="displayName" label={t('setup.account.displayName')} rules={[zodRule(fields.displayName)]}>
        <Input maxLength={maxLengthOf(fields.displayName)} showCount />
      </Form.Item>
      <PassphraseFields name="passphrase" label={passphraseLabel} verdict={verdict} />
    </>
  );
}

/** Picks the schema's own keys: the confirmation field must not reach a strict schema. */
export function accountValues(values: Record<string, unknown>) {
  return { username: values.username, displayName: values.displayName, passphrase: values.passphrase };
}

export function AccountStep({
  initial,
  schoolName,
  onBack,
  onNext,
}: {
  initial: Partial<NewAccount>;
  schoolName: string | undefined;
  onBack(): void;
  onNext(account: NewAccount): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const verdict = useAccountVerdict(form, schoolName);
  const next = (values: Record<string, unknown>) => {
    const account = parseForm(form, newAccount, accountValues(values));
    if (account) onNext(account);
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ ...initial, passphraseConfirm: initial.passphrase }} onFinish={next}>
      <AccountFields verdict={verdict} />
      <Flex gap="small">
        <Button onClick={onBack}>{t('common.previous')}</Button>
        <Button type="primary" htmlType="submit" disabled={verdict?.ok === false}>
          {t('common.next')}
        </Button>
      </Flex>
    </Form>
  );
}
