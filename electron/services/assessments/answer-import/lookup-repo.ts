import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StudentFields } from '../../../../shared/api/students';
import { stmt } from '../../../db/statements';

export interface RosterEntry {
  id: string;
  name: string;
  status: StudentFields['status'];
  grade: number;
  birthDate: string | null;
}

/** The roster by 学号, read once per import instead of once per row. */
export function rosterByStudentNo(db: Database): Map<string, RosterEntry> {
  const rows = stmt(db, 'SELECT student_no AS studentNo, id, name, status, grade, birth_date AS birthDate FROM students WHERE deleted_at IS NULL').all() as (RosterEntry & {
    studentNo: string;
  })[];
  return new Map(rows.map(({ studentNo, ...r }) => [studentNo, r]));
}

/** Students who already have a form of this scale on that day that was not voided. */
export function studentsWithFormOn(db: Database, scaleId: string, date: string): Set<string> {
  const rows = stmt(db, `SELECT DISTINCT student_id AS id FROM forms WHERE scale_id = ? AND date = ? AND status <> 'voided'`).all(scaleId, date) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
