import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppProviders } from './components/AppProviders';
import { LockScreen } from './features/auth/LockScreen';
import { LoginScreen } from './features/auth/LoginScreen';
import { DemoBanner } from './features/shell/DemoBanner';
import { errorMessage } from './lib/errors';
import { useSession } from './stores/session';

// The login and lock screens come with the first script; the rest only when it is needed, so the
// first screen is interactive before the app's pages have even been read.
const SetupWizard = lazy(() => import('./features/setup/SetupWizard').then((m) => ({ default: m.SetupWizard })));
const ChangePassphraseScreen = lazy(() => import('./features/auth/ChangePassphraseScreen').then((m) => ({ default: m.ChangePassphraseScreen })));
const AppShell = lazy(() => import('./features/shell/AppShell').then((m) => ({ default: m.AppShell })));

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
      <DemoBanner />
      <Suspense fallback={<Spin fullscreen />}>
        <Screen />
      </Suspense>
    </AppProviders>
  );
}
