import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppProviders } from './components/AppProviders';
import { ChangePassphraseScreen } from './features/auth/ChangePassphraseScreen';
import { LockScreen } from './features/auth/LockScreen';
import { LoginScreen } from './features/auth/LoginScreen';
import { SetupWizard } from './features/setup/SetupWizard';
import { AppShell } from './features/shell/AppShell';
import { errorMessage } from './lib/errors';
import { useSession } from './stores/session';

function Screen() {
  const { t } = useTranslation();
  const phase = useSession((s) => s.phase);
  const user = useSession((s) => s.status?.user ?? null);
  const failure = useSession((s) => s.failure);
  const refresh = useSession((s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  switch (phase) {
    case 'starting':
      return <Spin fullscreen description={t('app.starting')} />;
    case 'unavailable':
      return (
        <Result
          status="error"
          title={t('app.unavailable')}
          subTitle={errorMessage(failure)}
          extra={<Button onClick={() => void refresh()}>{t('app.retry')}</Button>}
        />
      );
    case 'setup':
      return <SetupWizard />;
    case 'login':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'changePassphrase':
      return <ChangePassphraseScreen />;
    case 'unlocked':
      // Keyed by user so switching accounts never shows the previous user's page state.
      return user ? <AppShell key={user.id} user={user} /> : <LoginScreen />;
  }
}

export function App() {
  return (
    <AppProviders>
      <Screen />
    </AppProviders>
  );
}
