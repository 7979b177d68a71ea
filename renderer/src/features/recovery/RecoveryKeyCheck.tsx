import { Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { RecoveryKeyField } from './RecoveryKeyField';

interface Values {
  recoveryKey: string;
}

/**
 * The key typed back from the paper copy. The core compares it with the archive's recovery
 * slot and, when it matches, records the key as confirmed; a mismatch stays on the field.
 */
export function RecoveryKeyCheck({ submitLabel, onConfirmed, onBack }: { submitLabel: string; onConfirmed(): Promise<void> | void; onBack?(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(
    form,
    async ({ recoveryKey }: Values) => {
      const { valid } = await api.auth.checkRecoveryKey({ recoveryKey: recoveryKey.trim() });
      if (valid) await onConfirmed();
      else form.setFields([{ name: 'recoveryKey', errors: [t('setup.recovery.mismatch')] }]);
    },
    { fieldFor: { 'errors.recovery.invalid': 'recoveryKey' } },
  );

  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Typography.Paragraph>{t('setup.recovery.confirmExplain')}</Typography.Paragraph>
      <RecoveryKeyField autoFocus />
      <Flex gap="small">
        {onBack && <Button onClick={onBack}>{t('setup.recovery.viewAgain')}</Button>}
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}
