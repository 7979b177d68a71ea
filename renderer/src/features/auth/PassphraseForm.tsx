import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../../../shared/api/session';
import { errorMessage, toApiError } from '../../lib/errors';
import { useFormatInstant } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useRetryCountdown } from './useRetryCountdown';
import { PassphraseInput } from '../../components/PassphraseInput';

/**
 * How long a login may run before the form says what it is waiting for: scrypt alone takes about
 * half a second, but the first login after a start checks every page of the archive, several
 * seconds on ten years of a large school.
 */
const SLOW_LOGIN_MS = 1500;

/** Login and unlock take the same passphrase field; any length is accepted so a short guess fails as AUTH. */
const loginFields = sessionApi['auth.login'].input.shape;

export interface Credentials {
  username: string;
  passphrase: string;
}

/**
 * The login and unlock form: a failure is shown once as a message and, when the
 * core throttles attempts, the button waits out the time it names.
 */
export function PassphraseForm({ withUsername, initialUsername, submitLabel, onSubmit, extra }: {
  withUsername: boolean;
  /** Filled in already (after a recovery), so the passphrase field takes the focus. */
  initialUsername?: string;
  submitLabel: string;
  onSubmit(values: Credentials): Promise<void>;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; hint: string | null } | null>(null);
  const damageHint = useDamageHint();
  const [waitSeconds, noteFailure] = useRetryCountdown();
  const slow = useSlowFlag(busy);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (err) {
      noteFailure(err);
      setFailure({ text: errorMessage(err), hint: damageHint(err) });
      form.setFieldValue('passphrase', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ username: initialUsername }}>
      {failure && <Alert type="error" showIcon title={failure.text} description={failure.hint} style={{ marginBottom: 16 }} role="alert" />}
      {withUsername && (
        <Form.Item name="username" label={t('login.username')} rules={[zodRule(loginFields.username)]}>
          <Input autoComplete="username" autoFocus={initialUsername === undefined} maxLength={maxLengthOf(loginFields.username)} />
        </Form.Item>
      )}
      <Form.Item name="passphrase" label={t('login.passphrase')} rules={[zodRule(loginFields.passphrase)]}>
        <PassphraseInput autoComplete="current-password" autoFocus={!withUsername || initialUsername !== undefined} maxLength={maxLengthOf(loginFields.passphrase)} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} disabled={waitSeconds > 0}>
        {waitSeconds > 0 ? t('login.waiting', { seconds: waitSeconds }) : submitLabel}
      </Button>
      {slow && (
        <Alert type="info" title={t('login.opening')} role="status" style={{ marginTop: 16 }} />
      )}
      {extra}
    </Form>
  );
}

/** True once `busy` has lasted SLOW_LOGIN_MS, false again as soon as it ends. */
function useSlowFlag(busy: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setSlow(true), SLOW_LOGIN_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [busy]);
  return busy && slow;
}

/** A damaged archive's error names the newest backup (or says there is none): shown under the message, with how to restore it. */
function useDamageHint(): (err: unknown) => string | null {
  const { t } = useTranslation();
  const formatInstant = useFormatInstant();
  return (err) => {
    const details = toApiError(err).details;
    if (!details || Array.isArray(details) || !('latestBackup' in details)) return null;
    const latest = details.latestBackup as { file: string; at: number | null } | null;
    const where = latest ? t('backup.damaged.latest', { file: latest.file, when: latest.at === null ? '' : formatInstant(latest.at, 'YYYY-MM-DD HH:mm') }) : t('backup.damaged.none');
    return `${where} ${t('backup.damaged.how')}`;
  };
}
