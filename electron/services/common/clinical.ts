import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { StudentFields } from '../../../shared/api/students';
import { dateInZone, minutesInZone } from '../../../shared/domain/dates';
import { stmt } from '../../db/statements';
import { readSchool } from '../accounts/settings-store';

/** Rules shared by the counseling services: the school's calendar, the client student, the counselor. */

export function schoolDate(db: Database, ms: number): string {
  return dateInZone(ms, readSchool(db).timeZone);
}

/** The school's wall clock now, in minutes since midnight. */
export function schoolMinutes(db: Database, ms: number): number {
  return minutesInZone(ms, readSchool(db).timeZone);
}

/** A date that must not lie after today (school time zone): VALIDATION on that field. */
export function assertNotFuture(date: string, today: string, path: string): void {
  if (date > today) throw new CounselError('VALIDATION', 'errors.validation', [{ path, reason: 'errors.field.futureDate' }]);
}

export interface StudentRef {
  id: string;
  name: string;
  status: StudentFields['status'];
}

export function requireStudentRef(db: Database, id: string, path: string): StudentRef {
  const s = stmt(db, 'SELECT id, name, status FROM students WHERE id = ? AND deleted_at IS NULL').get(id) as StudentRef | undefined;
  if (!s) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return s;
}

/**
 * History stays open for a student who has graduated or transferred out, but new clinical work
 * for them is refused until the caller acknowledges it (the UI asks first).
 */
export function assertActiveOrAcknowledged(student: StudentRef, acknowledged: boolean | undefined, messageKey: string, path: string): void {
  if ((student.status === 'graduated' || student.status === 'transferred') && acknowledged !== true) {
    throw new CounselError('CONFLICT', messageKey, { path, studentId: student.id, status: student.status });
  }
}

/** A user a case or an appointment can be given to: exists, is a counselor, is enabled. */
export function requireCounselor(db: Database, id: string, path: string, messageKey = 'errors.case.notCounselor'): void {
  const u = stmt(db, 'SELECT role, disabled FROM users WHERE id = ?').get(id) as { role: string; disabled: number } | undefined;
  if (!u) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  if (u.role !== 'counselor' || u.disabled === 1) throw new CounselError('CONFLICT', messageKey, { path, id });
}

export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Keys of `patch` whose value differs from `before` (objects compared by their JSON). */
export function changedKeys<T extends object>(before: T, patch: Partial<T>): (keyof T & string)[] {
  return (Object.keys(patch) as (keyof T & string)[]).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(before[k]));
}
