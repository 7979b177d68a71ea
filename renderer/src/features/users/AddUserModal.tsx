import { App, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../../../shared/api/users';
import { api } from '../../api/client';
import { STAFF_ROLES, useLabels } from '../../lib/labels';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { parseForm } from '../../lib/zodForm';
import { useSettings } from '../../stores/settings';
import { AccountFields, accountValues, useAccountVerdict } from '../setup/AccountStep';

const createInput = usersApi['users.create'].input;

/** A counselor adds a staff account with an initial passphrase the new user must change. */
export function AddUserModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { staffRoleOptions } = useLabels();
  const [form] = Form.useForm();
  const verdict = useAccountVerdict(form, useSettings((s) => s.settings?.school.name));
  const { busy, submit } = useFormSubmit(form, async (values: Record<string, unknown>) => {
    const input = parseForm(form, createInput, { ...accountValues(values), role: values.role });
    if (!input) return;
    await api.users.create(input);
    void message.success(t('users.created'));
    onCreated();
  });

  return (
    <Modal
      open={open}
      title={t('users.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: verdict?.ok === false }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ role: STAFF_ROLES[0] }} preserve={false}>
        <AccountFields passphraseLabel={t('users.initialPassphrase')} verdict={verdict} />
        <Form.Item name="role" label={t('users.role')}>
          <Select options={staffRoleOptions} />
        </Form.Item>
        <Typography.Text type="secondary">{t('users.initialHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
