import { Flex, Form, Input, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { passphrase } from '../../../shared/api/fields';
import { passphraseStrength, type Strength } from '../lib/passphrase';
import { zodRule } from '../lib/zodForm';

const STRENGTH_STEPS: Record<Strength, { steps: number; color: string }> = {
  weak: { steps: 1, color: '#cf1322' },
  fair: { steps: 2, color: '#d48806' },
  strong: { steps: 3, color: '#389e0d' },
};

/** A new passphrase with its strength hint and a confirmation field; used by setup, users and settings. */
export function PassphraseFields({ name, label }: { name: string; label?: string }) {
  const { t } = useTranslation();
  const value = Form.useWatch<string | undefined>(name) ?? '';
  const strength = passphraseStrength(value);
  const shown = STRENGTH_STEPS[strength];
  return (
    <>
      <Form.Item name={name} label={label ?? t('passphrase.label')} extra={t('passphrase.hint')} rules={[zodRule(passphrase)]}>
        <Input.Password autoComplete="new-password" maxLength={passphrase.maxLength ?? undefined} />
      </Form.Item>
      {value !== '' && (
        <Flex gap="small" align="center" style={{ marginTop: -16, marginBottom: 16 }} aria-live="polite">
          <Typography.Text type="secondary">{t('passphrase.strength.label')}</Typography.Text>
          <Progress steps={3} percent={(shown.steps / 3) * 100} showInfo={false} strokeColor={shown.color} size={[28, 6]} />
          <Typography.Text style={{ color: shown.color }}>{t(`passphrase.strength.${strength}`)}</Typography.Text>
        </Flex>
      )}
      <Form.Item
        name={`${name}Confirm`}
        label={t('passphrase.confirm')}
        dependencies={[name]}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_rule, confirm: unknown) => {
              if (confirm !== getFieldValue(name)) throw new Error(t('errors.field.passphraseMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
