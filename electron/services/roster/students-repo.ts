import { stmt } from '../../db/statements';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StudentFields, StudentListItem, StudentView } from '../../../shared/api/students';
import { uuidv7 } from '../../../shared/ids';
import { pinyinKeys } from '../../../shared/domain/pinyin';
import { Where } from '../../db/where';

interface StudentRow {
  id: string;
  student_no: string;
  name: string;
  sex: 'M' | 'F';
  birth_date: string | null;
  grade: number;
  class_name: string;
  enrollment_year: number | null;
  status: StudentFields['status'];
  notes: string;
  /** JSON array of {name, relation, phone} (migration 022). */
  guardians: string;
  created_at: number;
  updated_at: number;
}

const LIST_COLUMNS = 'id, student_no, name, sex, grade, class_name, status';

function toListItem(r: StudentRow): StudentListItem {
  return { id: r.id, studentNo: r.student_no, name: r.name, sex: r.sex, grade: r.grade, className: r.class_name, status: r.status };
}

export function getStudent(db: Database, id: string): StudentView | null {
  const r = stmt(db, 'SELECT * FROM students WHERE id = ? AND deleted_at IS NULL').get(id) as StudentRow | undefined;
  if (!r) return null;
  return {
    id: r.id,
    studentNo: r.student_no,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    grade: r.grade,
    className: r.class_name,
    enrollmentYear: r.enrollment_year,
    status: r.status,
    guardians: JSON.parse(r.guardians) as StudentFields['guardians'],
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findIdByStudentNo(db: Database, studentNo: string): string | null {
  const r = stmt(db, 'SELECT id FROM students WHERE student_no = ? AND deleted_at IS NULL').get(studentNo) as { id: string } | undefined;
  return r?.id ?? null;
}

/**
 * The students on the roster under any of these 学号, in one statement: an import of 5,000 rows
 * asked for each 学号 on its own before, a round trip into SQLite per row.
 */
export function idsByStudentNo(db: Database, studentNos: readonly string[]): Map<string, string> {
  const rows = stmt(
    db,
    `SELECT s.student_no AS studentNo, s.id FROM json_each(?) j JOIN students s ON s.student_no = j.value AND s.deleted_at IS NULL`,
  ).all(JSON.stringify(studentNos)) as { studentNo: string; id: string }[];
  return new Map(rows.map((r) => [r.studentNo, r.id]));
}

export function insertStudent(db: Database, f: StudentFields, now: number): string {
  return insertStudents(db, [f], now)[0]!;
}

const STUDENT_COLUMNS =
  'id, student_no, name, name_pinyin, name_initials, sex, birth_date, grade, class_name, enrollment_year, status, guardians, notes, created_at, updated_at';

/**
 * Rows per INSERT when many are written at once (a roster import): one statement of many rows
 * costs SQLite and the driver far less than as many statements of one row each. Well under
 * SQLite's limit of bound values (15 a student).
 */
const ROWS_PER_INSERT = 64;

/** One INSERT of `rows` students, prepared once per connection. */
function insertOf(db: Database, rows: number) {
  const one = `(${STUDENT_COLUMNS.split(',').map(() => '?').join(', ')})`;
  return stmt(db, `INSERT INTO students (${STUDENT_COLUMNS}) VALUES ${Array(rows).fill(one).join(', ')}`);
}

/**
 * The guardians as the students row holds them (migration 022): a JSON array of {name,
 * relation, phone}, the keys always in this order so that the same guardians are the same text.
 * Written directly rather than by stringifying new objects, one array of them per student.
 */
function guardiansJson(guardians: StudentFields['guardians']): string {
  let json = '';
  for (const { name, relation, phone } of guardians) {
    json += `${json === '' ? '' : ','}{"name":${JSON.stringify(name)},"relation":${JSON.stringify(relation)},"phone":${JSON.stringify(phone)}}`;
  }
  return `[${json}]`;
}

/** Appends one student's values in STUDENT_COLUMNS order. */
function pushStudent(values: unknown[], id: string, f: StudentFields, now: number): void {
  const keys = pinyinKeys(f.name);
  values.push(id, f.studentNo, f.name, keys.full, keys.initials, f.sex, f.birthDate, f.grade, f.className, f.enrollmentYear, f.status, guardiansJson(f.guardians), f.notes, now, now);
}

/**
 * New students with their guardians (nothing to delete first); their ids, in order. Written
 * ROWS_PER_INSERT to a statement and the rest one by one, the values put straight into the one
 * list a statement takes (a list per student first, then copied, was a tenth of the inserts' time).
 */
export function insertStudents(db: Database, students: readonly StudentFields[], now: number): string[] {
  const ids = students.map(() => uuidv7(now));
  const values: unknown[] = [];
  let i = 0;
  if (students.length >= ROWS_PER_INSERT) {
    const many = insertOf(db, ROWS_PER_INSERT);
    for (; i + ROWS_PER_INSERT <= students.length; i += ROWS_PER_INSERT) {
      values.length = 0;
      for (let r = i; r < i + ROWS_PER_INSERT; r++) pushStudent(values, ids[r]!, students[r]!, now);
      many.run(values);
    }
  }
  for (; i < students.length; i++) {
    values.length = 0;
    pushStudent(values, ids[i]!, students[i]!, now);
    insertOf(db, 1).run(values);
  }
  return ids;
}

export function updateStudent(db: Database, id: string, f: StudentFields, now: number): void {
  const keys = pinyinKeys(f.name);
  stmt(
    db,
    `UPDATE students SET student_no = @studentNo, name = @name, name_pinyin = @full, name_initials = @initials, sex = @sex,
       birth_date = @birthDate, grade = @grade, class_name = @className, enrollment_year = @enrollmentYear,
       status = @status, guardians = @guardians, notes = @notes, updated_at = @now
     WHERE id = @id`,
  ).run({ ...f, guardians: guardiansJson(f.guardians), id, full: keys.full, initials: keys.initials, now });
}

export function softDeleteStudent(db: Database, id: string, reason: string, now: number): boolean {
  return stmt(db, 'UPDATE students SET deleted_at = ?, deleted_reason = ? WHERE id = ? AND deleted_at IS NULL').run(now, reason, id).changes === 1;
}

export interface ListQuery {
  query?: string;
  grade?: number;
  className?: string;
  status?: StudentFields['status'];
  sort: 'name' | 'studentNo' | 'grade';
  page: number;
  pageSize: number;
}

const ORDER = {
  name: 'name_pinyin, name, student_no',
  studentNo: 'student_no',
  grade: 'grade, class_name, name_pinyin, name',
} as const;

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A query of Latin letters only (what a pinyin or initials search is): the same four matches as
 * any query, each answered from an index. The pinyin keys from the one pinyin index (migration
 * 022), which holds the spaced pinyin and the initials: both keys of a student start with the
 * same letter, the first of its reading, so every match lies in the index's range of the query's
 * first letter, [@first, @next). That range is read from the index alone and each key in it
 * tested exactly: the compact pinyin (the spaced one without its spaces) or the initials in
 * [@lo, @hi). The spaced key alone could not be bounded tighter without knowing where the
 * query's syllables end ("xian" is 先 and 西安). A contains-match on a name or student number can
 * only hit the few with Latin letters in them, which their partial indexes hold (migration 015,
 * named: without statistics the planner scans the table instead). The union is the set of
 * matching students by rowid.
 */
const LATIN_MATCHES = `rowid IN (
  SELECT rowid FROM students INDEXED BY students_pinyin WHERE deleted_at IS NULL AND name_pinyin >= @first AND name_pinyin < @next
    AND ((replace(name_pinyin, ' ', '') >= @lo AND replace(name_pinyin, ' ', '') < @hi) OR (name_initials >= @lo AND name_initials < @hi))
  UNION SELECT rowid FROM students INDEXED BY students_latin_name WHERE deleted_at IS NULL AND name GLOB '*[A-Za-z]*' AND name LIKE @contains ESCAPE '\\'
  UNION SELECT rowid FROM students INDEXED BY students_latin_no WHERE deleted_at IS NULL AND student_no GLOB '*[A-Za-z]*' AND student_no LIKE @contains ESCAPE '\\')`;

/** The string just past every string starting with `prefix` (its last letter raised). */
const pastPrefix = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** The search condition: by index ranges for a Latin query, else a scan (a name contains 张, a 学号 contains 2024). */
function matchesQuery(where: Where, text: string): void {
  const compact = text.toLowerCase().replace(/\s+/g, '');
  const contains = `%${likeEscape(text)}%`;
  if (/^[a-z]+$/.test(compact)) {
    const first = compact[0]!;
    where.raw(LATIN_MATCHES, { first, next: pastPrefix(first), lo: compact, hi: pastPrefix(compact), contains });
    return;
  }
  where.raw(
    `(name LIKE @contains ESCAPE '\\' OR student_no LIKE @contains ESCAPE '\\'
      OR name_initials LIKE @prefix ESCAPE '\\' OR replace(name_pinyin, ' ', '') LIKE @prefix ESCAPE '\\')`,
    { contains, prefix: `${likeEscape(compact)}%` },
  );
}

/** One page of the roster; search by name, pinyin (full or initials) or 学号. */
export function listStudents(db: Database, q: ListQuery): { items: StudentListItem[]; total: number } {
  const where = new Where('deleted_at IS NULL');
  const text = q.query?.trim();
  if (text) matchesQuery(where, text);
  where.when(q.grade, 'grade', 'grade = @grade').when(q.className, 'className', 'class_name = @className').when(q.status, 'status', 'status = @status');
  const clause = where.sql;
  const params = where.params;
  const total = (stmt(db, `SELECT count(*) AS n FROM students WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${LIST_COLUMNS} FROM students WHERE ${clause} ORDER BY ${ORDER[q.sort]} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as StudentRow[];
  return { items: rows.map(toListItem), total };
}
