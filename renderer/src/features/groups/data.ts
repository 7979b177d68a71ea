import { useMemo } from 'react';
import { gradesOfStages } from '../../../../shared/domain/grades';
import { api } from '../../api/client';
import { useLabels } from '../../lib/labels';
import { useCall } from '../../lib/useCall';
import { useSettings } from '../../stores/settings';

const listUsers = () => api.users.list({});
const listClasses = () => api.students.classes({});
const PAGE = 200;

/** Enabled accounts: who may lead a program (a principal often leads staff training). */
export function useLeaders() {
  const users = useCall(listUsers, {});
  return (users.data?.items ?? []).filter((u) => !u.disabled);
}

/** The roster's classes by grade, with their counts of enrolled students. */
export function useClasses() {
  return useCall(listClasses, {}).data?.items ?? [];
}

/** The grades of the school's stages, as select options. */
export function useGradeOptions() {
  const labels = useLabels();
  const stages = useSettings((s) => s.settings?.school.stages);
  return useMemo(() => labels.gradeOptions(stages ? gradesOfStages(stages) : undefined), [labels, stages]);
}

/** Every enrolled student of a class, page by page (the core hands out at most 200 at a time). */
export async function classStudentIds(grade: number, className: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await api.students.list({ grade, className, status: 'active', page, pageSize: PAGE });
    ids.push(...items.map((s) => s.id));
    if (items.length === 0 || ids.length >= total) return ids;
  }
}
