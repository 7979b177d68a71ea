import { App, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_ACTIONS, assessmentsApi, type AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useShownName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useOpenAlerts } from '../../stores/alerts';
import { BookTalkModal } from '../schedule/BookTalkModal';

const fields = assessmentsApi['alerts.acknowledge'].input.shape;

type Acknowledgement = { action: AlertView['action']; note: string };

/**
 * 处理预警: the action taken and a note, recorded (and audited) once per alert. A choice that names
 * something done in the app does it in the same step, so the record never claims what does not
 * exist: 已建危机个案 opens the crisis case; 已预约面谈 opens the schedule's booking dialog for the
 * student and records the handling only once the talk is booked (closing it records nothing).
 */
export function AcknowledgeAlertModal({ alert, onClose, onDone }: { alert: AlertView | null; onClose(): void; onDone(acknowledged: AlertView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const [form] = Form.useForm<Acknowledgement>();
  const action = Form.useWatch('action', form);
  /** The note waiting for the booking it will be recorded with. */
  const [booking, setBooking] = useState<{ note: string } | null>(null);

  const finish = (done: AlertView, key: string) => {
    void message.success(t(key));
    void useOpenAlerts.getState().refresh();
    onDone(done);
  };
  const acknowledge = async ({ action: chosen, note }: Acknowledgement) => {
    if (!alert || !chosen) return;
    if (chosen === 'appointmentBooked') setBooking({ note });
    else if (chosen === 'crisisCase') finish((await api.alerts.openCrisisCase({ id: alert.id, note })).alert, 'assessments.alerts.crisisDone');
    else finish(await api.alerts.acknowledge({ id: alert.id, action: chosen, note }), 'assessments.alerts.done');
  };
  const booked = async (appointmentId: string) => {
    if (!alert || !booking) return;
    setBooking(null);
    try {
      finish(await api.alerts.acknowledge({ id: alert.id, action: 'appointmentBooked', note: booking.note, appointmentId }), 'assessments.alerts.bookedDone');
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <>
      <FormModal<Acknowledgement>
        open={alert !== null}
        form={form}
        title={t('assessments.alerts.ackTitle', { name: alert ? shown(alert.studentName) : '' })}
        okText={action === 'appointmentBooked' ? t('assessments.alerts.bookNext') : t('common.save')}
        initialValues={{ action: null, note: '' }}
        onSubmit={acknowledge}
        onClose={onClose}
      >
        <Typography.Paragraph type="secondary">{t('assessments.alerts.explain')}</Typography.Paragraph>
        <Form.Item name="action" label={t('assessments.alerts.action')} rules={[zodRule(fields.action)]}>
          <Radio.Group options={ALERT_ACTIONS.map((value) => ({ value, label: t(`assessments.action.${value}`) }))} />
        </Form.Item>
        {action === 'appointmentBooked' && <Typography.Paragraph type="secondary">{t('assessments.alerts.bookHint')}</Typography.Paragraph>}
        <Form.Item name="note" label={t('assessments.alerts.note')} rules={[zodRule(fields.note)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(fields.note)} showCount />
        </Form.Item>
      </FormModal>
      {/* Mounted only when wanted: the booking dialog reads rooms and counselors, which the kiosk must not ask for. */}
      {alert && booking && (
        <BookTalkModal student={{ id: alert.studentId, name: alert.studentName }} onClose={() => setBooking(null)} onBooked={(a) => void booked(a.id)} />
      )}
    </>
  );
}
