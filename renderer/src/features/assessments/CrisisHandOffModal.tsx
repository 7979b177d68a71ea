import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useShownName } from '../../components/PersonName';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useOpenAlerts } from '../../stores/alerts';

const handOffNote = assessmentsApi['alerts.openCrisisCase'].input.shape.note;

/** 转危机个案: opens the crisis case and records the alert as handed to it, in one call. */
export function CrisisHandOffModal({ alert, onClose, onDone }: { alert: AlertView | null; onClose(): void; onDone(caseId: string, alert: AlertView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const handOff = async ({ note }: { note: string }) => {
    if (!alert) return;
    const { caseId, alert: handled } = await api.alerts.openCrisisCase({ id: alert.id, note });
    void message.success(t('handOff.done'));
    void useOpenAlerts.getState().refresh();
    onDone(caseId, handled);
  };
  return (
    <FormModal<{ note: string }>
      open={alert !== null}
      title={t('handOff.title', { name: alert ? shown(alert.studentName) : '' })}
      okText={t('handOff.ok')}
      danger
      initialValues={{ note: '' }}
      onSubmit={handOff}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('handOff.explain')}</Typography.Paragraph>
      <Form.Item name="note" label={t('handOff.note')} rules={[zodRule(handOffNote)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(handOffNote)} showCount />
      </Form.Item>
    </FormModal>
  );
}
