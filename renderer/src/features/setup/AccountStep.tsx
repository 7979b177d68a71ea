import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { newAccount } from '../../../../shared/api/session';
import { PassphraseFields } from '../../components/PassphraseFields';
import { maxLengthOf, parseForm, zodRule } from '../../lib/zodForm';

export type NewAccount = z.output<typeof newAccount>;
const fields = newAccount.shape;

/** The account fields shared by setup (first counselor) and the users page (any account). */
export function AccountFields({ passphraseLabel }: { passphraseLabel?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="username" label={t('setup.account.username')} rules={[zodRule(fields.username)]}>
        <Input autoComplete="off" maxLength={maxLengthOf(fields.username)} />
      </Form.Item>
      <Form.Item name="displayName" label={t('setup.account.displayName')} rules={[zodRule(fields.displayName)]}>
        <Input maxLength={maxLengthOf(fields.displayName)} showCount />
      </Form.Item>
      <PassphraseFields name="passphrase" label={passphraseLabel} />
    </>
  );
}

/** Picks the schema's own keys: the confirmation field must not reach a strict schema. */
export function accountValues(values: Record<string, unknown>) {
  return { username: values.username, displayName: values.displayName, passphrase: values.passphrase };
}

export function AccountStep({ initial, onBack, onNext }: { initial: Partial<NewAccount>; onBack(): void; onNext(account: NewAccount): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const next = (values: Record<string, unknown>) => {
    const account = parseForm(form, newAccount, accountValues(values));
    if (account) onNext(account);
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ ...initial, passphraseConfirm: initial.passphrase }} onFinish={next}>
      <AccountFields />
      <Flex gap="small">
        <Button onClick={onBack}>{t('common.previous')}</Button>
        <Button type="primary" htmlType="submit">
          {t('common.next')}
        </Button>
      </Flex>
    </Form>
  );
}
