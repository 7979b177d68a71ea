import { Alert, App, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { recordsApi, type RecordView } from '../../../../shared/api/records';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { useFormatInstant } from '../../lib/time';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { BackHeader } from '../shell/BackButton';
import { AddendumList } from './AddendumList';
import { DisclosureList } from './DisclosureList';
import { RecordDetails } from './RecordDetails';

const addendumText = recordsApi['records.addAddendum'].input.shape.text;

/** A signed record: read-only for good; corrections and later facts are 补充说明 (addenda). */
export function SignedRecord({ record, onChanged }: { record: RecordView; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatInstant();
  const [form] = Form.useForm<{ text: string }>();
  const { busy, submit } = useFormSubmit(form, async ({ text }: { text: string }) => {
    await api.records.addAddendum({ recordId: record.id, text });
    form.resetFields();
    void message.success(t('counseling.records.addendumAdded'));
    onChanged();
  });
  return (
    <Flex vertical gap="middle">
      <BackHeader
        title={
          <>
            {t('counseling.records.title')} · <PersonName name={record.clientLabel} />
          </>
        }
      />
      <Alert type="success" showIcon title={t('counseling.records.readOnly', { name: record.authorName, time: format(record.signedAt ?? 0) })} />
      <RecordDetails record={record} />
      {(record.riskOfHarm !== 'none' || record.disclosures.length > 0) && <DisclosureList recordId={record.id} disclosures={record.disclosures} />}
      <AddendumList addenda={record.addenda} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="text" label={t('counseling.records.addendumText')} rules={[zodRule(addendumText)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(addendumText)} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('counseling.records.addAddendum')}
        </Button>
      </Form>
    </Flex>
  );
}
