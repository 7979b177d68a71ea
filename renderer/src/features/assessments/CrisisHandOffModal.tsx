import { App, Form, Input, Select, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type AlertView } from '../../../../shared/api/assessments';
import { CRISIS_TIERS, type CrisisTier } from '../../../../shared/domain/crisis';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useShownName } from '../../components/PersonName';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useOpenAlerts } from '../../stores/alerts';
import { useTierName } from '../crisis/labels';

const handOffNote = assessmentsApi['alerts.openCrisisCase'].input.shape.note;

/**
 * Opening a crisis case for a student with an optional note: `open` makes the calls and returns the
 * new case. Without an alert to take the risk tier from, the tier is asked, starting from `tier`.
 */
export function CrisisCaseModal({
  studentName,
  explain,
  tier,
  open,
  onClose,
  onDone,
}: {
  /** None while the dialog is closed. */
  studentName: string | null;
  explain: string;
  tier?: CrisisTier;
  open(note: string, tier: CrisisTier | undefined): Promise<string>;
  onClose(): void;
  onDone(caseId: string): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const tierName = useTierName();
  const submit = async ({ note, tier: chosen }: { note: string; tier?: CrisisTier }) => {
    const caseId = await open(note, chosen);
    void message.success(t('handOff.done'));
    onDone(caseId);
  };
  return (
    <FormModal<{ note: string; tier?: CrisisTier }>
      open={studentName !== null}
      title={t('handOff.title', { name: studentName === null ? '' : shown(studentName) })}
      okText={t('handOff.ok')}
      danger
      initialValues={{ note: '', tier }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{explain}</Typography.Paragraph>
      {tier && (
        <Form.Item name="tier" label={t('crisis.fields.tier')} rules={[{ required: true, message: t('common.required') }]}>
          <Select aria-label={t('crisis.fields.tier')} options={CRISIS_TIERS.map((x) => ({ value: x, label: tierName(x) }))} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('handOff.note')} rules={[zodRule(handOffNote)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(handOffNote)} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 转危机个案: opens the crisis case and records the alert as handed to it, in one call. */
export function CrisisHandOffModal({ alert, onClose, onDone }: { alert: AlertView | null; onClose(): void; onDone(caseId: string, alert: AlertView): void }) {
  const { t } = useTranslation();
  const handled = useRef<AlertView | null>(null);
  const handOff = async (note: string) => {
    const r = await api.alerts.openCrisisCase({ id: alert!.id, note });
    handled.current = r.alert;
    void useOpenAlerts.getState().refresh();
    return r.caseId;
  };
  return (
    <CrisisCaseModal studentName={alert?.studentName ?? null} explain={t('handOff.explain')} open={handOff} onClose={onClose} onDone={(caseId) => onDone(caseId, handled.current!)} />
  );
}
