import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { schoolProfile, type SchoolProfile } from '../../../../shared/api/session';
import { parseForm } from '../../lib/zodForm';
import { SchoolProfileFields } from './SchoolProfileFields';

export function SchoolStep({ initial, onNext }: { initial: Partial<SchoolProfile>; onNext(school: SchoolProfile): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const next = (values: unknown) => {
    const school = parseForm(form, schoolProfile, values);
    if (school) onNext(school);
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={next}>
      <SchoolProfileFields />
      <Button type="primary" htmlType="submit">
        {t('common.next')}
      </Button>
    </Form>
  );
}
