import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { casesApi, type CaseView } from '../../../../shared/api/cases';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { maxLengthOf, zodRule } from '../../lib/zodForm';

const fields = casesApi['cases.transfer'].input.shape;
const listUsers = () => api.users.list({});

interface Values {
  toCounselorId: string;
  reason?: string;
}

/** 转介给其他老师: any other enabled counselor, confirmed before the case changes hands (and the caller then shows it). */
export function TransferCaseModal({
  target,
  mine,
  onClose,
  onTransferred,
}: {
  target: { id: string; clientLabel: string; counselorId: string; counselorName: string } | null;
  /** The case is the user's own: it leaves their caseload. */
  mine: boolean;
  onClose(): void;
  onTransferred(c: CaseView): void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const shown = useShownName();
  const [form] = Form.useForm<Values>();
  const users = useCall(listUsers, target ? {} : null);
  const candidates = (users.data?.items ?? []).filter((u) => u.role === 'counselor' && !u.disabled && u.id !== target?.counselorId);
  const { busy, submit } = useFormSubmit(form, async ({ toCounselorId, reason }: Values) => {
    if (!target) return;
    const to = candidates.find((u) => u.id === toCounselorId);
    const confirmed = await modal.confirm({
      title: t('counseling.cases.transferConfirm', { name: to?.displayName ?? '' }),
      content: mine ? t('counseling.cases.transferBody') : t('counseling.cases.transferOthersBody', { name: target.counselorName }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    const moved = await api.cases.transfer({ id: target.id, toCounselorId, reason: reason ?? '' });
    void message.success(t('counseling.cases.transferred', { name: moved.counselorName }));
    onTransferred(moved);
  });

  return (
    <Modal
      open={target !== null}
      title={target ? t('counseling.cases.transferTitle', { name: shown(target.clientLabel) }) : ''}
      okText={t('counseling.cases.transfer')}
      okButtonProps={{ loading: busy, disabled: users.data !== undefined && candidates.length === 0 }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {users.error !== undefined && <Alert type="error" showIcon title={errorMessage(users.error)} style={{ marginBottom: 16 }} />}
      {users.data && candidates.length === 0 && <Typography.Paragraph type="secondary">{t('counseling.cases.noColleagues')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="toCounselorId" label={t('counseling.cases.transferTo')} rules={[zodRule(fields.toCounselorId)]}>
          <Select loading={users.loading} options={candidates.map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('counseling.cases.transferReason')} rules={[zodRule(fields.reason)]}>
          <Input maxLength={maxLengthOf(fields.reason)} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
