import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCall } from '../../lib/useCall';
import { useNav } from '../../stores/nav';

const redOverdue = () => api.crisis.redOverdue({});

/**
 * On 我的个案 while any step of a red (一级) crisis case is overdue. The page mounts after login and
 * after every unlock, so the app, offline, reminds at each start of work; it names no student, so
 * it leads to the board, where the cases are.
 */
export function RedOverdueBanner() {
  const { t } = useTranslation();
  const goTo = useNav((s) => s.goTo);
  const { data } = useCall(redOverdue, {});
  if (!data || data.steps === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="crisis-red-overdue"
      title={t('crisis.banner.redOverdue', { steps: data.steps })}
      action={
        <Button size="small" danger onClick={() => goTo('crisis')}>
          {t('crisis.banner.show')}
        </Button>
      }
    />
  );
}
