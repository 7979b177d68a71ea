import { App, DatePicker, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONSENT_FORMS, CONSENT_OUTCOMES, CONSENT_PARTIES, CONSENT_SCOPES, consentsApi } from '../../../../shared/api/contacts';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useCodeLabels, type CodeGroup } from '../../lib/codeLabels';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, parseForm, zodRule } from '../../lib/zodForm';

const schema = consentsApi['consents.record'].input;
const fields = schema.shape;

/** 知情同意: one consent event (given, declined, withdrawn); append-only, a correction is a newer one. */
export function ConsentModal({ student, open, onClose, onRecorded }: { student: { id: string }; open: boolean; onClose(): void; onRecorded(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodeLabels();
  const today = useSchoolToday();
  const [form] = Form.useForm();
  const save = async (values: object) => {
    const input = parseForm(form, schema, { ...values, studentId: student.id });
    if (!input) return;
    await api.consents.record(input);
    void message.success(t('counseling.consents.recorded'));
    onRecorded();
  };
  const choice = (name: 'scope' | 'party' | 'outcome' | 'form', group: CodeGroup, values: readonly string[]) => (
    <Form.Item name={name} label={t(`counseling.consents.${name}`)} rules={[zodRule(fields[name])]}>
      <Radio.Group options={codes.options(group, values)} />
    </Form.Item>
  );
  return (
    <FormModal
      open={open}
      form={form}
      title={t('counseling.consents.title')}
      okText={t('common.save')}
      initialValues={{ date: today, scope: 'counseling', party: 'student', outcome: 'given', form: 'written' }}
      onSubmit={save}
      onClose={onClose}
    >
      {choice('scope', 'consentScope', CONSENT_SCOPES)}
      {choice('party', 'consentParty', CONSENT_PARTIES)}
      {choice('outcome', 'consentOutcome', CONSENT_OUTCOMES)}
      {choice('form', 'consentForm', CONSENT_FORMS)}
      <ConsentDateAndNote />
    </FormModal>
  );
}

/** A consent's date and note, as every consent form asks for them. */
export function ConsentDateAndNote() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="date" label={t('counseling.consents.date')} rules={[zodRule(fields.date)]} {...dateProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('counseling.consents.note')} rules={[zodRule(fields.note)]}>
        <Input maxLength={maxLengthOf(fields.note)} showCount />
      </Form.Item>
    </>
  );
}
