import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_SOURCES } from '../../../shared/api/sources';

/**
 * The 来源 labels and select options: cases, appointments, the waitlist and the archive's tags
 * all name a source through here, so a source reads the same on every screen.
 */
export function useClientSources() {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (code: string) => t(`sources.${code}`);
    const options = CLIENT_SOURCES.map((value) => ({ value, label: label(value) }));
    return { label, options };
  }, [t]);
}
