import { App, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { sessionApi } from '../../../../shared/api/session';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { zodRule } from '../../lib/zodForm';
import { PassphraseFields, usePassphraseVerdict } from '../../components/PassphraseFields';
import { useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { PassphraseInput } from '../../components/PassphraseInput';

interface Values {
  current: string;
  next: string;
  nextConfirm: string;
}

const currentField = sessionApi['auth.changePassphrase'].input.shape.current;

// A wrong or throttled current passphrase is an AUTH failure that belongs next to that field.
const WRONG_CURRENT = { 'errors.auth.failed': 'current', 'errors.auth.throttled': 'current' };

/** Changes the caller's own passphrase (settings page, and the forced first change). */
export function ChangePassphraseForm({ onDone, block = false }: { onDone?: () => void; block?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const me = useSession((s) => s.status?.user);
  // Settings are not loaded on the forced-change screen; the core adds the school's name there.
  const schoolName = useSettings((s) => s.settings?.school.name);
  const verdict = usePassphraseVerdict(form, 'next', { username: me?.username, displayName: me?.displayName, schoolName });
  const { busy, submit } = useFormSubmit(
    form,
    async ({ current, next }: Values) => {
      await api.auth.changePassphrase({ current, next });
      form.resetFields();
      void message.success(t('changePassphrase.done'));
      onDone?.();
    },
    { fieldFor: WRONG_CURRENT },
  );

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
      <Form.Item name="current" label={t('changePassphrase.current')} rules={[zodRule(currentField)]}>
        <PassphraseInput autoComplete="current-password" />
      </Form.Item>
      <PassphraseFields name="next" label={t('changePassphrase.next')} verdict={verdict} />
      <Button type="primary" htmlType="submit" loading={busy} block={block} disabled={verdict?.ok === false}>
        {t('changePassphrase.submit')}
      </Button>
    </Form>
  );
}
