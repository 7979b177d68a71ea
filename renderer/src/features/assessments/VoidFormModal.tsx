import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { assessmentsApi, type FormView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const reasonField = assessmentsApi['assessments.void'].input.shape.reason;

/** 作废: a form in progress that will not be resumed, with the reason the core requires; its answers and alerts stay. */
export function VoidFormModal({ formId, onClose, onVoided }: { formId: string | null; onClose(): void; onVoided(form: FormView): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = async ({ reason }: { reason: string }) => {
    if (!formId) return;
    const form = await api.assessments.void({ formId, reason });
    void message.success(t('administer.voided'));
    onVoided(form);
  };
  return (
    <FormModal<{ reason: string }> open={formId !== null} title={t('administer.voidTitle')} okText={t('administer.void')} danger onSubmit={submit} onClose={onClose}>
      <Typography.Paragraph type="secondary">{t('administer.voidExplain')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('administer.voidReason')} rules={[zodRule(reasonField)]}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(reasonField)} showCount autoFocus />
      </Form.Item>
    </FormModal>
  );
}
