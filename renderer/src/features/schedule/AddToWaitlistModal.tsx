import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { appointmentsApi } from '../../../../shared/api/appointments';
import type { ClientSource } from '../../../../shared/api/sources';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useClientSources } from '../../lib/clientSources';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { ClientFields, clientInput, type Client } from './ClientFields';

const fields = appointmentsApi['waitlist.add'].input.shape;

interface Values extends Client {
  source: ClientSource;
  preference?: string;
  notes?: string;
}

/** 加入候补: a client with no slot yet, where they came from and when they can come. */
export function AddToWaitlistModal({ open, onClose, onAdded }: { open: boolean; onClose(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sources = useClientSources();

  const add = async ({ clientKind, studentId, clientLabel, ...entry }: Values) => {
    await api.waitlist.add({ ...entry, ...clientInput({ clientKind, studentId, clientLabel }) });
    void message.success(t('schedule.waitlist.added'));
    onAdded();
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('schedule.waitlist.addTitle')}
      okText={t('schedule.waitlist.addOk')}
      initialValues={{ clientKind: 'student', source: 'selfReferral' }}
      onSubmit={add}
      onClose={onClose}
    >
      <ClientFields />
      <Form.Item name="source" label={t('schedule.booking.source')} rules={[zodRule(fields.source)]}>
        <Select options={sources.options} />
      </Form.Item>
      <Form.Item name="preference" label={t('schedule.waitlist.preference')} rules={[zodRule(fields.preference)]}>
        <Input placeholder={t('schedule.waitlist.preferencePlaceholder')} maxLength={maxLengthOf(fields.preference)} showCount />
      </Form.Item>
      <Form.Item name="notes" label={t('schedule.booking.notes')} rules={[zodRule(fields.notes)]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(fields.notes)} showCount />
      </Form.Item>
    </FormModal>
  );
}
