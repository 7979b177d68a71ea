import { App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/api/session';
import { usersApi } from '../../../../shared/api/users';
import { api } from '../../api/client';
import { PassphraseFields, usePassphraseVerdict } from '../../components/PassphraseFields';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { parseForm } from '../../lib/zodForm';
import { useSettings } from '../../stores/settings';

const resetInput = usersApi['users.resetPassphrase'].input;

/**
 * A colleague forgot their passphrase: give them a new initial one. Until they replace it at
 * their next login the core lets them do nothing else, since two people know it.
 */
export function ResetPassphraseModal({ user, onClose }: { user: UserView; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const schoolName = useSettings((s) => s.settings?.school.name);
  const verdict = usePassphraseVerdict(form, 'passphrase', { username: user.username, displayName: user.displayName, schoolName });
  const { busy, submit } = useFormSubmit(form, async (values: { passphrase?: unknown }) => {
    // Only the schema's keys: the confirmation field must not reach the strict input.
    const input = parseForm(form, resetInput, { id: user.id, passphrase: values.passphrase });
    if (!input) return;
    await api.users.resetPassphrase(input);
    void message.success(t('users.resetDone', { name: user.displayName }));
    onClose();
  });

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('users.resetPassphrase')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: verdict?.ok === false }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('users.resetExplain', { name: user.displayName })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <PassphraseFields name="passphrase" label={t('users.initialPassphrase')} verdict={verdict} />
      </Form>
    </Modal>
  );
}
