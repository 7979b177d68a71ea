import { App, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALERT_ACTIONS, assessmentsApi, type AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useShownName } from '../../components/PersonName';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const fields = assessmentsApi['alerts.acknowledge'].input.shape;

type Acknowledgement = { action: AlertView['action']; note: string };

/** 处理预警: the action taken and a note, recorded (and audited) once per alert. */
export function AcknowledgeAlertModal({ alert, onClose, onDone }: { alert: AlertView | null; onClose(): void; onDone(acknowledged: AlertView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const acknowledge = async ({ action, note }: Acknowledgement) => {
    if (!alert || !action) return;
    const done = await api.alerts.acknowledge({ id: alert.id, action, note });
    void message.success(t('assessments.alerts.done'));
    onDone(done);
  };
  return (
    <FormModal<Acknowledgement>
      open={alert !== null}
      title={t('assessments.alerts.ackTitle', { name: alert ? shown(alert.studentName) : '' })}
      okText={t('common.save')}
      initialValues={{ action: null, note: '' }}
      onSubmit={acknowledge}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('assessments.alerts.explain')}</Typography.Paragraph>
      <Form.Item name="action" label={t('assessments.alerts.action')} rules={[zodRule(fields.action)]}>
        <Radio.Group options={ALERT_ACTIONS.map((value) => ({ value, label: t(`assessments.action.${value}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('assessments.alerts.note')} rules={[zodRule(fields.note)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(fields.note)} showCount />
      </Form.Item>
    </FormModal>
  );
}
