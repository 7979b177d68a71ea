import { Flex, Form, Progress, Typography, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { passphrase } from '../../../shared/api/fields';
import { MIN_PASSPHRASE_SCORE, passphraseStrength, type PassphraseContext, type PassphraseVerdict } from '../../../shared/domain/passphrase-strength';
import { zodRule } from '../lib/zodForm';
import { PassphraseInput } from './PassphraseInput';

type Shown = 'weak' | 'fair' | 'strong';
const STRENGTH_STEPS: Record<Shown, { steps: number; color: string }> = {
  weak: { steps: 1, color: '#cf1322' },
  fair: { steps: 2, color: '#ad4e00' },
  strong: { steps: 3, color: '#237804' },
};

/**
 * The verdict on the new passphrase in field `name`, live as it is typed: the same check the core
 * runs when it is submitted, so a form disables its submit while this says weak. Null while empty.
 */
export function usePassphraseVerdict(form: FormInstance, name: string, context: PassphraseContext): PassphraseVerdict | null {
  const value = Form.useWatch<string | undefined>(name, form) ?? '';
  const { username, displayName, schoolName } = context;
  return useMemo(() => (value === '' ? null : passphraseStrength(value, { username, displayName, schoolName })), [value, username, displayName, schoolName]);
}

/** A new passphrase with its strength and what makes it weak, and a confirmation field; used by setup, users, settings and recovery. */
export function PassphraseFields({ name, label, verdict }: { name: string; label?: string; verdict: PassphraseVerdict | null }) {
  const { t } = useTranslation();
  const shown: Shown = !verdict?.ok ? 'weak' : verdict.score > MIN_PASSPHRASE_SCORE ? 'strong' : 'fair';
  const steps = STRENGTH_STEPS[shown];
  return (
    <>
      <Form.Item name={name} label={label ?? t('passphrase.label')} extra={t('passphrase.hint')} rules={[zodRule(passphrase)]}>
        <PassphraseInput autoComplete="new-password" maxLength={passphrase.maxLength ?? undefined} />
      </Form.Item>
      {verdict && (
        <Flex vertical style={{ marginTop: -16, marginBottom: 16 }} aria-live="polite">
          <Flex gap="small" align="center">
            <Typography.Text type="secondary">{t('passphrase.strength.label')}</Typography.Text>
            <Progress aria-label={t('passphrase.strength.label')} steps={3} percent={(steps.steps / 3) * 100} showInfo={false} strokeColor={steps.color} size={[28, 6]} />
            <Typography.Text style={{ color: steps.color }}>{t(`passphrase.strength.${shown}`)}</Typography.Text>
          </Flex>
          {verdict.reasons.map((r) => (
            <Typography.Text key={r} type="danger">
              {t(`errors.passphrase.${r}`)}
            </Typography.Text>
          ))}
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
        <PassphraseInput autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
