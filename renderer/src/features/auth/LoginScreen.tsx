import { Alert, Button, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredPanel } from '../../components/CenteredPanel';
import { lazyWithCatalog } from '../../i18n';
import { useSession } from '../../stores/session';
import { KEY_FRAME_WIDTH } from '../recovery/RecoveryKeyField';
import { PassphraseForm } from './PassphraseForm';

// Recovery needs the passphrase-strength judge and its dictionaries: fetched when asked for, not with the login.
const RecoverForm = lazyWithCatalog(() => import('./RecoverForm').then((m) => m.RecoverForm));

export function LoginScreen() {
  const { t } = useTranslation();
  const login = useSession((s) => s.login);
  const [recovering, setRecovering] = useState(false);
  // The account just given a new passphrase with the recovery key: filled in for its first login.
  const [recovered, setRecovered] = useState<string | null>(null);

  if (recovering) {
    return (
      <CenteredPanel title={t('recover.title')} width={KEY_FRAME_WIDTH}>
        <Suspense fallback={<Spin />}>
          <RecoverForm
            onBack={() => setRecovering(false)}
            onDone={(username) => {
              setRecovered(username);
              setRecovering(false);
            }}
          />
        </Suspense>
      </CenteredPanel>
    );
  }

  return (
    <CenteredPanel title={t('login.title')}>
      {recovered !== null && <Alert type="success" showIcon role="status" title={t('login.recovered')} style={{ marginBottom: 16 }} />}
      <PassphraseForm
        withUsername
        initialUsername={recovered ?? undefined}
        submitLabel={t('login.submit')}
        onSubmit={({ username, passphrase }) => login(username.trim(), passphrase)}
        extra={
          <Button
            type="link"
            block
            style={{ marginTop: 8 }}
            onClick={() => {
              setRecovered(null);
              setRecovering(true);
            }}
          >
            {t('login.forgot')}
          </Button>
        }
      />
    </CenteredPanel>
  );
}
