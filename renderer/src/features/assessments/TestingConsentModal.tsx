import { Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONSENT_FORMS, consentsApi } from '../../../../shared/api/contacts';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useCodeLabels } from '../../lib/codeLabels';
import { useSchoolToday } from '../../lib/time';
import { parseForm, zodRule } from '../../lib/zodForm';
import { ConsentDateAndNote } from '../archive/ConsentModal';

const schema = consentsApi['consents.recordTesting'].input;
const fields = schema.shape;

/**
 * The test-consent gate's answer: a test needs the student's and a guardian's consent (ETH-05/06).
 * Instead of a refusal that vanishes, the counselor records both here (a slip just signed, a call
 * with the parent) and the test starts at once; `onRecorded` starts it.
 */
export function TestingConsentModal({ studentId, onClose, onRecorded }: { studentId: string; onClose(): void; onRecorded(): Promise<void> }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const today = useSchoolToday();
  const [form] = Form.useForm();
  const save = async (values: object) => {
    const input = parseForm(form, schema, { ...values, studentId });
    if (!input) return;
    await api.consents.recordTesting(input);
    await onRecorded();
  };
  return (
    <FormModal
      open
      form={form}
      title={t('administer.consent.title')}
      okText={t('administer.consent.recordAndStart')}
      initialValues={{ date: today, form: 'written' }}
      onSubmit={save}
      onClose={onClose}
    >
      <Typography.Paragraph>{t('administer.consent.explain')}</Typography.Paragraph>
      <Form.Item name="form" label={t('counseling.consents.form')} rules={[zodRule(fields.form)]}>
        <Radio.Group options={codes.options('consentForm', CONSENT_FORMS)} />
      </Form.Item>
      <ConsentDateAndNote />
    </FormModal>
  );
}
