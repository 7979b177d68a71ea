import { isPlainText, isRealDate, LIMITS } from '../../../../shared/api/fields';
import { SEXES, STUDENT_STATUSES, type StudentFields } from '../../../../shared/api/students';
import { MAX_GRADE, MIN_GRADE } from '../../../../shared/domain/grades';

/**
 * The roster schema (`studentFields`) checked by hand for a row that is plainly valid, with the
 * schema's defaults filled in. zod's safeParse was the largest part of a 5,000-row import's
 * checks; every row this does not accept (null) goes through zod, so what is refused, and the
 * issue naming the row and field, is exactly the schema's. It must never accept what the schema
 * refuses: tests/unit/roster-fast-fields.test.ts compares the two.
 */
export function plainStudentFields(input: Readonly<Record<string, unknown>>): StudentFields | null {
  for (const key in input) if (!KEYS.has(key)) return null;
  const { studentNo, name, sex, birthDate = null, grade, className, enrollmentYear = null, status = 'active', guardians = [], notes = '' } = input;
  if (!isPlainText(studentNo, LIMITS.code, { min: 1 }) || !isPlainText(name, LIMITS.name, { min: 1 })) return null;
  if (!isPlainText(className, LIMITS.short, { min: 1 }) || !isPlainText(notes, LIMITS.line * 2, { multiline: true })) return null;
  if (!isOneOf(sex, SEXES) || !isOneOf(status, STUDENT_STATUSES)) return null;
  if (!isIntIn(grade, MIN_GRADE, MAX_GRADE)) return null;
  if (enrollmentYear !== null && !isIntIn(enrollmentYear, 1990, 2100)) return null;
  if (birthDate !== null && !(typeof birthDate === 'string' && DATE.test(birthDate) && isRealDate(birthDate))) return null;
  if (!Array.isArray(guardians) || guardians.length > 4 || !guardians.every(isPlainGuardian)) return null;
  return { studentNo, name, sex, birthDate, grade, className, enrollmentYear, status, guardians: guardians.map(copyGuardian), notes };
}

const KEYS = new Set(['studentNo', 'name', 'sex', 'birthDate', 'grade', 'className', 'enrollmentYear', 'status', 'guardians', 'notes']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^[0-9+\-() ]*$/;

const isOneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
const isIntIn = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Not an arrow made for every row: each is an allocation, and under tsx (keepNames, as the benchmark runs) a naming call too. */
function copyGuardian(g: StudentFields['guardians'][number]): StudentFields['guardians'][number] {
  return { ...g };
}

/** A guardian as the import drafts one: all three fields given as strings, a name or a phone. */
function isPlainGuardian(g: unknown): g is StudentFields['guardians'][number] {
  if (typeof g !== 'object' || g === null || Object.keys(g).length !== 3) return false;
  const { name, relation, phone } = g as Record<string, unknown>;
  return (
    isPlainText(name, LIMITS.name) &&
    isPlainText(relation, LIMITS.short) &&
    typeof phone === 'string' &&
    phone.length <= 20 &&
    phone === phone.trim() &&
    PHONE.test(phone) &&
    (name !== '' || phone !== '')
  );
}
