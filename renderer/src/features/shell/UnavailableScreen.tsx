import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../stores/session';

/** The archive could not be opened (app.status failed): why, and a way to try again. */
export function UnavailableScreen() {
  const { t } = useTranslation();
  const failure = useSession((s) => s.failure);
  const refresh = useSession((s) => s.refresh);
  return <Result status="error" title={t('app.unavailable')} subTitle={errorMessage(failure)} extra={<Button onClick={() => void refresh()}>{t('app.retry')}</Button>} />;
}
