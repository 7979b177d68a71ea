import { App, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, CONTACT_WITH, contactsApi } from '../../../../shared/api/contacts';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useAskInactive, withInactiveAcknowledgement } from '../../lib/acknowledgeInactive';
import { useCodeLabels } from '../../lib/codeLabels';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, parseForm, zodRule } from '../../lib/zodForm';

const schema = contactsApi['contacts.create'].input;
const fields = schema.shape;

/** 家校沟通: a contact with a guardian or teacher, its summary and what was agreed. */
export function ContactModal({ student, open, onClose, onCreated }: { student: { id: string }; open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodeLabels();
  const today = useSchoolToday();
  const askInactive = useAskInactive();
  const [form] = Form.useForm();
  const save = async (values: object) => {
    const input = parseForm(form, schema, { ...values, studentId: student.id });
    if (!input) return;
    const created = await withInactiveAcknowledgement((acknowledgeInactive) => api.contacts.create({ ...input, acknowledgeInactive }), askInactive);
    if (!created) return;
    void message.success(t('counseling.contacts.created'));
    onCreated();
  };
  const text = (name: 'withLabel' | 'summary' | 'agreedActions', rows?: number) => (
    <Form.Item name={name} label={t(`counseling.contacts.${name}`)} rules={[zodRule(fields[name])]}>
      {rows ? <Input.TextArea rows={rows} maxLength={maxLengthOf(fields[name])} showCount /> : <Input maxLength={maxLengthOf(fields[name])} showCount />}
    </Form.Item>
  );
  return (
    <FormModal
      open={open}
      form={form}
      title={t('counseling.contacts.title')}
      okText={t('common.save')}
      width={620}
      initialValues={{ contactDate: today, withKind: 'guardian', channel: 'phone' }}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item name="contactDate" label={t('counseling.contacts.contactDate')} rules={[zodRule(fields.contactDate)]} {...dateProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="withKind" label={t('counseling.contacts.withKind')} rules={[zodRule(fields.withKind)]}>
        <Select options={codes.options('contactWith', CONTACT_WITH)} />
      </Form.Item>
      {text('withLabel')}
      <Form.Item name="channel" label={t('counseling.contacts.channel')} rules={[zodRule(fields.channel)]}>
        <Select options={codes.options('contactChannel', CONTACT_CHANNELS)} />
      </Form.Item>
      {text('summary', 4)}
      {text('agreedActions', 2)}
    </FormModal>
  );
}
