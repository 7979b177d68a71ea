import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/api/assessments';
import { api } from '../../api/client';
import { useCall } from '../../lib/useCall';

/** A critical alert stands out in red, an urgent one in orange; a follow-up stays plain. */
export const SEVERITY_COLORS: Record<AlertView['severity'], string | undefined> = { critical: 'red', urgent: 'orange', followup: undefined };

const listScales = () => api.scales.list({});

type Titles = Readonly<Record<string, string>>;

/** A definition's title in the current language, zh-CN when it has none in that language. */
export function useScaleTitle(): (titles: Titles | undefined, scaleId: string) => string {
  const { i18n } = useTranslation();
  return useCallback((titles, scaleId) => titles?.[i18n.language] ?? titles?.['zh-CN'] ?? scaleId.toUpperCase(), [i18n.language]);
}

/**
 * The scales the archive knows, and a scale's title in the current language (definitions carry
 * their own zh-CN and en titles, not catalog keys); an unknown id shows as itself. scales.list is a
 * counselor's: a page a principal shares passes `enabled` false and takes the titles its own answer
 * carries (campaigns give theirs) through useScaleTitle.
 */
export function useScales(enabled = true) {
  const localized = useScaleTitle();
  const call = useCall(listScales, enabled ? {} : null);
  const items = call.data?.items;
  const title = useCallback((scaleId: string) => localized(items?.find((s) => s.id === scaleId)?.title, scaleId), [items, localized]);
  return { items: items ?? [], title };
}
