import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupKind, ProgramView } from '../../../../shared/api/groups';
import type { Catalog } from '../../../../shared/i18n';
import { useCodeLabels } from '../../lib/codeLabels';
import { useLabels } from '../../lib/labels';

type GroupEnum = keyof Catalog['groups']['enums'];
type TrainingEnum = keyof Catalog['training']['enums'];

/**
 * Display names for the group and training codes (the program kinds are the archive's own labels),
 * select options built from them, and who a program is for in words.
 */
export function useGroupLabels() {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const { grade } = useLabels();
  return useMemo(() => {
    const group = (name: GroupEnum, code: string) => t(`groups.enums.${name}.${code}`);
    const training = (name: TrainingEnum, code: string) => t(`training.enums.${name}.${code}`);
    const kind = (k: GroupKind) => codes.label('groupKind', k);
    /** A class as the school writes it: 初二3班. */
    const className = (c: { grade: number; className: string }) => `${grade(c.grade)}${c.className}`;
    const target = (p: Pick<ProgramView, 'targetKind' | 'targetGrades' | 'targetClasses'>) => {
      if (p.targetKind === 'grade') return p.targetGrades.map(grade).join(t('common.listSeparator'));
      if (p.targetKind === 'class') return p.targetClasses.map(className).join(t('common.listSeparator'));
      return group('target', p.targetKind);
    };
    return {
      group,
      training,
      kind,
      className,
      target,
      groupOptions: <C extends string>(name: GroupEnum, list: readonly C[]) => list.map((value) => ({ value, label: group(name, value) })),
      trainingOptions: <C extends string>(name: TrainingEnum, list: readonly C[]) => list.map((value) => ({ value, label: training(name, value) })),
      kindOptions: (list: readonly GroupKind[]) => codes.options('groupKind', list),
    };
  }, [t, codes, grade]);
}
