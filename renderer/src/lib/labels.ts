import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/api/define';
import { STAGES, type Stage } from '../../../shared/api/session';
import { SEXES, STUDENT_STATUSES } from '../../../shared/api/students';
import { usersApi } from '../../../shared/api/users';
import { MAX_GRADE, MIN_GRADE } from '../../../shared/domain/grades';

export type StudentStatus = (typeof STUDENT_STATUSES)[number];
export type Sex = (typeof SEXES)[number];

/** The roles a counselor may give an account, straight from the contract. */
export const STAFF_ROLES = usersApi['users.create'].input.shape.role.options;

const ALL_GRADES = Array.from({ length: MAX_GRADE - MIN_GRADE + 1 }, (_, i) => MIN_GRADE + i);

/** Display names for the contract's codes, and select options built from them. */
export function useLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const grade = (g: number) => t(`domain.grade.${g}`, { defaultValue: String(g) });
    const status = (s: StudentStatus) => t(`domain.status.${s}`);
    const sex = (s: Sex) => t(`domain.sex.${s}`);
    const role = (r: Role) => t(`domain.role.${r}`);
    const stage = (s: Stage) => t(`domain.stage.${s}`);
    return {
      grade,
      /** A class with its grade, 初一1班: "1班" alone is ambiguous in a school of three grades. */
      classOf: (g: number, className: string) => `${grade(g)}${className}`,
      status,
      sex,
      role,
      stage,
      gradeOptions: (grades: readonly number[] = ALL_GRADES) => grades.map((g) => ({ value: g, label: grade(g) })),
      statusOptions: STUDENT_STATUSES.map((s) => ({ value: s, label: status(s) })),
      sexOptions: SEXES.map((s) => ({ value: s, label: sex(s) })),
      staffRoleOptions: STAFF_ROLES.map((r) => ({ value: r, label: role(r) })),
      stageOptions: STAGES.map((s) => ({ value: s, label: stage(s) })),
    };
  }, [t]);
}
