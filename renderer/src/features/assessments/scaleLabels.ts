import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { useCall } from '../../lib/useCall';

/** A critical alert stands out in red, an urgent one in orange; a follow-up stays plain. */
export const SEVERITY_COLORS: Record<AlertView['severity'], string | undefined> = { critical: 'red', urgent: 'orange', followup: undefined };

const listScales = () => api.scales.list({});

/**
 * The scales the archive knows, and a scale's title in the current language (definitions carry
 * their own zh-CN and en titles, not catalog keys); an unknown id shows as itself. scales.list is a
 * counselor's: a page a principal shares passes `enabled` false and gets ids only.
 */
export function useScales(enabled = true) {
  const { i18n } = useTranslation();
  const call = useCall(listScales, enabled ? {} : null);
  const items = call.data?.items;
  const title = useCallback(
    (scaleId: string) => {
      const titles = items?.find((s) => s.id === scaleId)?.title;
      return titles?.[i18n.language] ?? titles?.['zh-CN'] ?? scaleId.toUpperCase();
    },
    [items, i18n.language],
  );
  return { items: items ?? [], title };
}
