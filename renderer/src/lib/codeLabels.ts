import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/i18n';

/** The groups of contract codes the counseling catalog names (categories, modes, channels…). */
export type CodeGroup = keyof Catalog['counseling']['enums'];

/**
 * Display names for counseling codes, and select options built from them. The codes are
 * the contract's own lists, so a new code without a label shows as the key in review.
 */
export function useCodeLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (group: CodeGroup, code: string) => t(`counseling.enums.${group}.${code}`);
    const options = <C extends string>(group: CodeGroup, codes: readonly C[]) => codes.map((value) => ({ value, label: label(group, value) }));
    return { label, options };
  }, [t]);
}
