import { App, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALERT_ACTIONS, assessmentsApi, type AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useShownName } from '../../components/PersonName';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useOpenAlerts } from '../../stores/alerts';

const fields = assessmentsApi['alerts.acknowledge'].input.shape;

type Acknowledgement = { action: AlertView['action']; note: string };

/**
 * 处理预警: the action taken and a note, recorded (and audited) once per alert. Choosing 已建危机个案
 * opens the crisis case in the same step, so the record never claims a case that does not exist.
 */
export function AcknowledgeAlertModal({ alert, onClose, onDone }: { alert: AlertView | null; onClose(): void; onDone(acknowledged: AlertView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const acknowledge = async ({ action, note }: Acknowledgement) => {
    if (!alert || !action) return;
    const done = action === 'crisisCase' ? (await api.alerts.openCrisisCase({ id: alert.id, note })).alert : await api.alerts.acknowledge({ id: alert.id, action, note });
    void message.success(t(action === 'crisisCase' ? 'assessments.alerts.crisisDone' : 'assessments.alerts.done'));
    void useOpenAlerts.getState().refresh();
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
