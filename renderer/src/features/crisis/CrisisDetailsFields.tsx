import { Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRISIS_SOURCES, crisisApi } from '../../../../shared/api/crisis';
import { CRISIS_TIERS, type CrisisTier } from '../../../../shared/domain/crisis';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useTierName } from './labels';

const fields = crisisApi['crisis.attach'].input.shape;

export interface CrisisDetailsValues {
  source: (typeof CRISIS_SOURCES)[number];
  tier: CrisisTier;
  reason: string;
}

/**
 * A crisis case's source, tier and reason, under `crisis` in the form's values: what 开个案 asks once
 * 危机 is ticked and what a case opened without them is given later. The core refuses a crisis case
 * without them, so a case of category crisis always has its six steps.
 */
export function CrisisDetailsFields() {
  const { t } = useTranslation();
  const tierName = useTierName();
  return (
    <>
      <Alert type="warning" showIcon title={t('crisis.case.crisisDetails')} style={{ marginBottom: 16 }} />
      <Form.Item name={['crisis', 'tier']} label={t('crisis.fields.tier')} rules={[zodRule(fields.tier)]}>
        <Select aria-label={t('crisis.fields.tier')} options={CRISIS_TIERS.map((x) => ({ value: x, label: tierName(x) }))} />
      </Form.Item>
      <Form.Item name={['crisis', 'source']} label={t('crisis.fields.source')} rules={[zodRule(fields.source)]}>
        <Select aria-label={t('crisis.fields.source')} options={CRISIS_SOURCES.map((x) => ({ value: x, label: t(`crisis.source.${x}`) }))} />
      </Form.Item>
      <Form.Item name={['crisis', 'reason']} label={t('crisis.case.reason')} rules={[zodRule(fields.reason)]}>
        <Input maxLength={maxLengthOf(fields.reason)} showCount />
      </Form.Item>
    </>
  );
}
