import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunItemView } from '../../../../shared/api/compliance';

type Label = { zh: string; en: string };

/** Tag colours of the item results, in antd's palette. */
export const STATUS_COLOR = { pass: 'green', partial: 'gold', fail: 'red', notApplicable: 'default', pending: 'blue' } as const;

/**
 * Words for a checklist: a pack's own texts in the interface language (packs carry zh and en), an
 * automatic figure with its source, and the thresholds.
 */
export function useComplianceLabels() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useMemo(() => {
    const text = (l: Label) => (en ? l.en : l.zh);
    const figure = (auto: NonNullable<RunItemView['auto']>) => t(auto.figure.key, auto.figure.params);
    const source = (auto: NonNullable<RunItemView['auto']>) => t(`compliance.source.${auto.source}`);
    const threshold = (th: RunItemView['threshold']) => {
      if (!th) return '';
      const unit = { m2: 'm²', h: 'h', count: '', students: '' }[th.unit];
      const range = th.min !== undefined && th.max !== undefined ? `${th.min}–${th.max}` : th.min !== undefined ? `≥ ${th.min}` : `≤ ${th.max}`;
      return `${range}${unit ? ` ${unit}` : ''}${th.years ? ` / ${th.years}y` : ''}`;
    };
    return { text, figure, source, threshold };
  }, [t, en]);
}
