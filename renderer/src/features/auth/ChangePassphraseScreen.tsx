import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CenteredPanel } from '../../components/CenteredPanel';
import { useSession } from '../../stores/session';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { useIdleLock } from './useActivity';

/**
 * The only screen of an account whose passphrase a colleague set: the core refuses
 * everything else until it is replaced, so nothing that would load data is mounted.
 */
export function ChangePassphraseScreen() {
  const { t } = useTranslation();
  const logout = useSession((s) => s.logout);
  const refresh = useSession((s) => s.refresh);
  // Heartbeat and lock are among the calls the core still allows; an unattended screen locks as usual.
  useIdleLock();
  return (
    <CenteredPanel title={t('changePassphrase.title')}>
      <Typography.Paragraph>{t('changePassphrase.mustChange')}</Typography.Paragraph>
      <ChangePassphraseForm block onDone={() => void refresh()} />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
        {t('shell.logout')}
      </Button>
    </CenteredPanel>
  );
}
