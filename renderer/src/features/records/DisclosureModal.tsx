import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCLOSURE_CHANNELS, DISCLOSURE_PARTIES, recordsApi, type DisclosureView } from '../../../../shared/api/records';
import { api } from '../../api/client';
import { useCodeLabels } from '../../lib/codeLabels';
import { instantProps } from '../../lib/formValues';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, parseForm, zodRule } from '../../lib/zodForm';

const schema = recordsApi['records.addDisclosure'].input;
const fields = schema.shape;

/**
 * Documents a confidentiality exception (guide ETH-04): who was informed, when and how.
 * `gate` is set when signing asked for it, and says why.
 */
export function DisclosureModal({ recordId, open, gate, onClose, onAdded }: {
  recordId: string;
  open: boolean;
  gate: boolean;
  onClose(): void;
  onAdded(d: DisclosureView): void;
}) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const [form] = Form.useForm();
  // When the form opened: the usual answer is "just now".
  const [now] = useState(() => Date.now());
  const { busy, submit } = useFormSubmit(form, async (values: object) => {
    const input = parseForm(form, schema, { ...values, recordId });
    if (!input) return;
    onAdded(await api.records.addDisclosure(input));
  });
  return (
    <Modal
      open={open}
      title={t('counseling.disclosure.title')}
      okText={t('counseling.disclosure.add')}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {gate && <Alert type="warning" showIcon title={t('counseling.records.disclosureFirst')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ informedKind: 'homeroomTeacher', channel: 'inPerson', informedAt: now }}>
        <Form.Item name="informedKind" label={t('counseling.disclosure.informedKind')} rules={[zodRule(fields.informedKind)]}>
          <Select options={codes.options('party', DISCLOSURE_PARTIES)} />
        </Form.Item>
        <Form.Item name="informedLabel" label={t('counseling.disclosure.informedLabel')} rules={[zodRule(fields.informedLabel)]}>
          <Input maxLength={maxLengthOf(fields.informedLabel)} showCount />
        </Form.Item>
        <Form.Item name="informedAt" label={t('counseling.disclosure.informedAt')} rules={[zodRule(fields.informedAt)]} {...instantProps}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="channel" label={t('counseling.disclosure.channel')} rules={[zodRule(fields.channel)]}>
          <Select options={codes.options('disclosureChannel', DISCLOSURE_CHANNELS)} />
        </Form.Item>
        <Form.Item name="note" label={t('counseling.disclosure.note')} rules={[zodRule(fields.note)]}>
          <Input.TextArea rows={2} maxLength={maxLengthOf(fields.note)} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
