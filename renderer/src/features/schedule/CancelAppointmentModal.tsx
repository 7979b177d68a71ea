import { App, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { appointmentsApi, CANCEL_SCOPES, type AppointmentView } from '../../../../shared/api/appointments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useScheduleLabels } from './labels';

const fields = appointmentsApi['appointments.cancel'].input.shape;

interface Values {
  reason: string;
  scope: (typeof CANCEL_SCOPES)[number];
}

/** 取消预约 with a reason; one of a series asks whether the later ones (or all) go too. */
export function CancelAppointmentModal({ target, onClose, onCancelled }: { target: AppointmentView | null; onClose(): void; onCancelled(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  return (
    <FormModal<Values>
      open={target !== null}
      title={t('schedule.cancel.title')}
      okText={t('schedule.cancel.ok')}
      cancelText={t('schedule.cancel.keep')}
      danger
      initialValues={{ scope: 'one' }}
      onClose={onClose}
      onSubmit={async ({ reason, scope }) => {
        if (!target) return;
        const { cancelled } = await api.appointments.cancel({ id: target.id, reason, scope });
        void message.success(t('schedule.cancel.done', { count: cancelled }));
        onCancelled();
      }}
    >
      {target?.seriesId && (
        <Form.Item name="scope" label={t('schedule.cancel.scope')}>
          <Radio.Group options={labels.options('cancelScope', CANCEL_SCOPES)} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('schedule.cancel.reason')} rules={[zodRule(fields.reason)]}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(fields.reason)} showCount autoFocus />
      </Form.Item>
    </FormModal>
  );
}
