import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../shared/i18n';

/** The groups of schedule codes the catalog names (zone types, appointment kinds, statuses…). */
type ScheduleCodeGroup = keyof Catalog['schedule']['enums'];

/** Display names for the schedule's contract codes, and select options built from them. */
export function useScheduleLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (group: ScheduleCodeGroup, code: string | number) => t(`schedule.enums.${String(group)}.${code}`);
    const options = <C extends string | number>(group: ScheduleCodeGroup, codes: readonly C[]) => codes.map((value) => ({ value, label: label(group, value) }));
    return { label, options };
  }, [t]);
}
