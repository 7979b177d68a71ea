import { Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppProviders } from './components/AppProviders';
import { LockScreen } from './features/auth/LockScreen';
import { LoginScreen } from './features/auth/LoginScreen';
import { DemoBanner } from './features/shell/DemoBanner';
import { lazyWithCatalog } from './i18n';
import { useSession } from './stores/session';

// The login and lock screens come with the first script and the start-up catalog; the rest only
// when it is needed, together with the full catalog, so the first screen is interactive before the
// app's pages and texts have even been read.
const SetupWizard = lazyWithCatalog(() => import('./features/setup/SetupWizard').then((m) => m.SetupWizard));
const ChangePassphraseScreen = lazyWithCatalog(() => import('./features/auth/ChangePassphraseScreen').then((m) => m.ChangePassphraseScreen));
// Its texts are in the start-up catalog; antd's Result (with its illustrations) is not worth the first script.
const UnavailableScreen = lazy(() => import('./features/shell/UnavailableScreen').then((m) => ({ default: m.UnavailableScreen })));
const AppShell = lazyWithCatalog(() => import('./features/shell/AppShell').then((m) => m.AppShell));

function Screen() {
  const { t } = useTranslation();
  const phase = useSession((s) => s.phase);
  const user = useSession((s) => s.status?.user ?? null);
  const start = useSession((s) => s.start);

  useEffect(() => {
    void start();
  }, [start]);

  switch (phase) {
    case 'starting':
      return <Spin fullscreen description={t('app.starting')} />;
    case 'unavailable':
      return <UnavailableScreen />;
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

/** staticStyles: antd's prebuilt sheet is loaded (see AppProviders); jsdom tests run without it. */
export function App({ staticStyles = false }: { staticStyles?: boolean }) {
  return (
    <AppProviders staticStyles={staticStyles}>
      <DemoBanner />
      <Suspense fallback={<Spin fullscreen />}>
        <Screen />
      </Suspense>
    </AppProviders>
  );
}
