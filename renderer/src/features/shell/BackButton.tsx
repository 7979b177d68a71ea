import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../stores/nav';

/** Returns to whatever opened this view (a case, the search, the roster). */
export function BackButton() {
  const { t } = useTranslation();
  const back = useNav((s) => s.back);
  return <Button onClick={back}>{t('counseling.records.back')}</Button>;
}
