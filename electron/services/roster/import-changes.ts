import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ImportPreview, StudentFields } from '../../../shared/api/students';
import { getStudent } from './students-repo';

type Change = ImportPreview['changes'][number];

/** The fields a re-import compares, in the order a roster shows them; guardians as one. */
const COMPARED = ['name', 'sex', 'birthDate', 'grade', 'className', 'enrollmentYear', 'status', 'guardians', 'notes'] as const satisfies readonly (keyof StudentFields)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * For each student a re-import updates, the fields it changes (a re-import that said only
 * "更新 120" left the counselor guessing): rows that change nothing are left out. Read before
 * anything is written.
 */
export function changesOf(db: Database, updates: readonly { id: string; row: number; fields: StudentFields }[]): Change[] {
  return updates.flatMap(({ id, row, fields }) => {
    const before = getStudent(db, id);
    if (!before) return [];
    const changed = COMPARED.filter((k) => !same(before[k], fields[k]));
    return changed.length === 0 ? [] : [{ row, studentNo: fields.studentNo, name: before.name, fields: changed }];
  });
}
