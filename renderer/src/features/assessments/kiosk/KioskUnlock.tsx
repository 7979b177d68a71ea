import { Alert, Button, Card, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { errorMessage } from '../../../lib/errors';
import { PassphraseInput } from '../../../components/PassphraseInput';

/**
 * The counselor's passphrase, checked by the core (throttled and audited like a login), before
 * the kiosk shows anything about the form or lets anyone out. A wrong one stays here.
 */
export function KioskUnlock({ onUnlocked, onCancel }: { onUnlocked(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async ({ passphrase }: { passphrase: string }) => {
    setBusy(true);
    try {
      await api.auth.verifyPassphrase({ passphrase });
      onUnlocked();
    } catch (err) {
      setFailure(errorMessage(err));
      form.resetFields();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="kiosk-panel" title={t('administer.kiosk.unlockTitle')}>
      <Typography.Paragraph type="secondary">{t('administer.kiosk.unlockExplain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void verify(v)}>
        <Form.Item name="passphrase" label={t('administer.kiosk.passphrase')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <PassphraseInput autoFocus autoComplete="current-password" />
        </Form.Item>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
        <Flex gap="small" justify="end">
          <Button onClick={onCancel}>{t('administer.kiosk.backToStudent')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('administer.kiosk.unlock')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
