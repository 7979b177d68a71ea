import dayjs from 'dayjs';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { RecoveryKeyGroups } from './RecoveryKeyGroups';

/**
 * The page window.print() prints: only the key, the school and the date. It lives
 * directly under <body> so the print stylesheet can hide everything else.
 */
export function RecoveryKeyPrint({ recoveryKey, school }: { recoveryKey: string; school: string }) {
  const { t } = useTranslation();
  return createPortal(
    <div className="recovery-print" aria-hidden>
      <h1>{t('setup.recovery.printHeading')}</h1>
      <p>{t('setup.recovery.printSchool', { school })}</p>
      <p>{t('setup.recovery.printDate', { date: dayjs().format('YYYY-MM-DD') })}</p>
      <RecoveryKeyGroups recoveryKey={recoveryKey} />
      <p>{t('setup.recovery.alphabet')}</p>
      <p>{t('setup.recovery.printWarning')}</p>
    </div>,
    document.body,
  );
}
