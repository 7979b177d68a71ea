import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { studentsApi, type StudentView } from '../../../../shared/api/students';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const reasonField = studentsApi['students.remove'].input.shape.reason;

/** Soft-deletes a student entered by mistake; the core requires (and audits) a reason. */
export function RemoveStudentModal({ student, onClose, onRemoved }: { student: StudentView | null; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shown = useShownName();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, submit: remove } = useFormSubmit(form, async ({ reason }: { reason: string }) => {
    if (!student) return;
    await api.students.remove({ id: student.id, reason });
    void message.success(t('roster.removed'));
    onRemoved();
  });

  return (
    <Modal
      open={student !== null}
      title={student ? t('roster.removeTitle', { name: shown(student.name) }) : ''}
      okText={t('common.remove')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('roster.removeExplain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={remove} preserve={false}>
        <Form.Item name="reason" label={t('roster.removeReason')} rules={[zodRule(reasonField)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(reasonField)} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
