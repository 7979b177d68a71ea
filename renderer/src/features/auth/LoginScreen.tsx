import { useTranslation } from 'react-i18next';
import { CenteredPanel } from '../../components/CenteredPanel';
import { useSession } from '../../stores/session';
import { PassphraseForm } from './PassphraseForm';

export function LoginScreen() {
  const { t } = useTranslation();
  const login = useSession((s) => s.login);
  return (
    <CenteredPanel title={t('login.title')}>
      <PassphraseForm withUsername submitLabel={t('login.submit')} onSubmit={({ username, passphrase }) => login(username.trim(), passphrase)} />
    </CenteredPanel>
  );
}
