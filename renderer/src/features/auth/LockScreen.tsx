import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CenteredPanel } from '../../components/CenteredPanel';
import { useSession } from '../../stores/session';
import { PassphraseForm } from './PassphraseForm';

export function LockScreen() {
  const { t } = useTranslation();
  const user = useSession((s) => s.status?.user);
  const unlock = useSession((s) => s.unlock);
  const logout = useSession((s) => s.logout);
  return (
    <CenteredPanel title={t('lock.title')}>
      <Typography.Paragraph>{t('lock.explain', { name: user?.displayName ?? '' })}</Typography.Paragraph>
      <PassphraseForm
        withUsername={false}
        submitLabel={t('lock.submit')}
        onSubmit={({ passphrase }) => unlock(passphrase)}
        extra={
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
            {t('lock.switchUser')}
          </Button>
        }
      />
    </CenteredPanel>
  );
}
