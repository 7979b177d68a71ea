import { App, Form, Input, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useShownName } from '../../components/PersonName';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useOpenAlerts } from '../../stores/alerts';

const handOffNote = assessmentsApi['alerts.openCrisisCase'].input.shape.note;

/** Opening a crisis case for a student with an optional note: `open` makes the calls and returns the new case. */
export function CrisisCaseModal({
  studentName,
  explain,
  open,
  onClose,
  onDone,
}: {
  /** None while the dialog is closed. */
  studentName: string | null;
  explain: string;
  open(note: string): Promise<string>;
  onClose(): void;
  onDone(caseId: string): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const submit = async ({ note }: { note: string }) => {
    const caseId = await open(note);
    void message.success(t('handOff.done'));
    onDone(caseId);
  };
  return (
    <FormModal<{ note: string }>
      open={studentName !== null}
      title={t('handOff.title', { name: studentName === null ? '' : shown(studentName) })}
      okText={t('handOff.ok')}
      danger
      initialValues={{ note: '' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{explain}</Typography.Paragraph>
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
