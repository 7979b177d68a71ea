import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../../../shared/api/cases';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const reasonField = casesApi['cases.remove'].input.shape.reason;

/** Soft-deletes a case opened by mistake; the core requires (and audits) a reason. */
export function RemoveCaseModal({ target, onClose, onRemoved }: { target: { id: string; clientLabel: string } | null; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, submit: remove } = useFormSubmit(form, async ({ reason }: { reason: string }) => {
    if (!target) return;
    await api.cases.remove({ id: target.id, reason });
    void message.success(t('counseling.cases.removed'));
    onRemoved();
  });

  return (
    <Modal
      open={target !== null}
      title={target ? t('counseling.cases.removeTitle', { name: shown(target.clientLabel) }) : ''}
      okText={t('common.remove')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('counseling.cases.removeExplain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={remove} preserve={false}>
        <Form.Item name="reason" label={t('counseling.cases.removeReason')} rules={[zodRule(reasonField)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(reasonField)} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
