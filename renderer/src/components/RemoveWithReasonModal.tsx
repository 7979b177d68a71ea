import { App, Form, Input, Modal, Typography } from 'antd';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../lib/zodForm';

export interface RemoveWithReasonProps {
  open: boolean;
  title: string;
  explain: string;
  reasonLabel: string;
  /** The contract's own reason schema: the form checks it and shows its cap. */
  reasonField: z.ZodString;
  successMessage: string;
  remove(reason: string): Promise<unknown>;
  onClose(): void;
  onRemoved(): void;
}

/** A soft delete: the core requires (and audits) a reason, asked for in a danger dialog. */
export function RemoveWithReasonModal(p: RemoveWithReasonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, submit } = useFormSubmit(form, async ({ reason }: { reason: string }) => {
    await p.remove(reason);
    void message.success(p.successMessage);
    p.onRemoved();
  });

  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={t('common.remove')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={p.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{p.explain}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="reason" label={p.reasonLabel} rules={[zodRule(p.reasonField)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(p.reasonField)} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
