import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView, TriageEntryView } from '../../../../shared/api/campaigns';
import { useLabels } from '../../lib/labels';

/** Running stands out, a closed screening fades. */
export const STATUS_COLORS: Record<CampaignView['status'], string> = { planned: 'blue', active: 'green', closed: 'default' };

/** A crisis alert in red, another alert in orange, a screen-positive band in gold: urgency, not a verdict. */
export const PRIORITY_COLORS: Record<TriageEntryView['priority'], string> = { critical: 'red', alert: 'orange', flagged: 'gold' };

/** Who a campaign is for in words: 初一、初二 (3班、4班). */
export function useCampaignLabels() {
  const { t } = useTranslation();
  const { grade } = useLabels();
  return useMemo(
    () => ({
      target: (c: Pick<CampaignView, 'grades' | 'classNames'>) => {
        const grades = c.grades.map(grade).join(t('common.listSeparator'));
        return c.classNames.length > 0 ? t('common.noted', { text: grades, note: c.classNames.join(t('common.listSeparator')) }) : grades;
      },
      status: (s: CampaignView['status']) => t(`campaigns.status.${s}`),
      progress: (p: CampaignView['progress']) => t('campaigns.progress', p),
      // 已回收 counts every slip back, refusals too: 120 of 120 back is not "118 of 120".
      consent: (p: CampaignView['progress']) => {
        const shown = (n: number | null) => n ?? t('campaigns.summary.withheld');
        const returned = p.consentGiven === null || p.consentDeclined === null ? null : p.consentGiven + p.consentDeclined;
        return t('campaigns.consentProgress', { returned: shown(returned), given: shown(p.consentGiven), declined: shown(p.consentDeclined), participants: shown(p.participants) });
      },
    }),
    [t, grade],
  );
}
