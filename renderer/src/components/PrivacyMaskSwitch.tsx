import { App, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { usePrivacyMask, useSettings } from '../stores/settings';

/** Turns the on-screen name mask on or off (header and settings page). */
export function PrivacyMaskSwitch({ label }: { label: string }) {
  const { message } = App.useApp();
  const on = usePrivacyMask();
  const setPrivacyMask = useSettings((s) => s.setPrivacyMask);
  const { t } = useTranslation();
  return (
    <Switch
      checked={on}
      aria-label={label}
      title={t('shell.privacyMaskHint')}
      onChange={(next) => void setPrivacyMask(next).catch((err: unknown) => message.error(errorMessage(err)))}
    />
  );
}
