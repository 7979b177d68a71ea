import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { StudentFields } from '../../../shared/api/students';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';

type Status = StudentFields['status'];

export interface MovingStudent {
  id: string;
  student_no: string;
  name: string;
  grade: number;
  class_name: string;
}

export interface ActiveClass {
  grade: number;
  className: string;
  count: number;
  /** Its students as `id:updated_at`, space-separated, in the index's order: what the plan's token covers. */
  students: string;
}

/**
 * The active students counted per class, in the plan's order (grade, then the class name by
 * length and text, so 2班 comes before 10班). One pass over students_grade_class with each class's
 * students folded into one string in SQL: no row per student crosses to JavaScript (6,000 rows
 * read into objects and sorted were most of the preview's first call).
 */
export function activeClasses(db: Database): ActiveClass[] {
  return stmt(
    db,
    `SELECT grade, class_name AS className, count(*) AS count, group_concat(id || ':' || updated_at, ' ') AS students
     FROM students WHERE deleted_at IS NULL AND status = 'active'
     GROUP BY grade, class_name ORDER BY grade, length(class_name), class_name`,
  ).all() as ActiveClass[];
}

/**
 * The active students of these classes in the plan's order (class as activeClasses, then pinyin;
 * the id only breaks a tie of two equal names), `limit` of them after the first `skip`. Each class
 * is read on students_grade_class, so a page sorts its classes' students only; CROSS JOIN keeps
 * the classes first, where SQLite may otherwise walk every student in the index's order to spare
 * the sort and match each against the classes.
 */
export function activeStudentsOf(db: Database, classes: readonly { grade: number; className: string }[], skip: number, limit: number): MovingStudent[] {
  return stmt(
    db,
    `SELECT s.id, s.student_no, s.name, s.grade, s.class_name
     FROM json_each(?) k CROSS JOIN students s ON s.grade = k.value ->> 'grade' AND s.class_name = k.value ->> 'className'
     WHERE s.deleted_at IS NULL AND s.status = 'active'
     ORDER BY s.grade, length(s.class_name), s.class_name, s.name_pinyin, s.id LIMIT ? OFFSET ?`,
  ).all(JSON.stringify(classes.map((k) => ({ grade: k.grade, className: k.className }))), limit, skip) as MovingStudent[];
}

export interface StudentMove {
  studentId: string;
  fromGrade: number;
  fromClassName: string;
  fromStatus: Status;
  toGrade: number;
  toClassName: string;
  toStatus: Status;
}

/** Moves every student and keeps the run with each student's before and after. */
export function recordRun(db: Database, run: { by: string; on: string; promoted: number; graduated: number }, moves: readonly StudentMove[], now: number): string {
  const id = uuidv7(now);
  stmt(db, 'INSERT INTO roll_forward_runs (id, ran_at, ran_on, ran_by, promoted, graduated) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, now, run.on, run.by, run.promoted, run.graduated,
  );
  const keep = stmt(
    db,
    `INSERT INTO roll_forward_changes (run_id, student_id, from_grade, from_class_name, from_status, to_grade, to_class_name, to_status)
     VALUES (@id, @studentId, @fromGrade, @fromClassName, @fromStatus, @toGrade, @toClassName, @toStatus)`,
  );
  const move = stmt(db, 'UPDATE students SET grade = @toGrade, class_name = @toClassName, status = @toStatus, updated_at = @now WHERE id = @studentId');
  for (const m of moves) {
    keep.run({ id, ...m });
    move.run({ ...m, now });
  }
  return id;
}

export interface RunRow {
  id: string;
  ranAt: number;
  ranOn: string;
  promoted: number;
  graduated: number;
  revertedAt: number | null;
}

export function lastRun(db: Database): RunRow | null {
  return (
    (stmt(
      db,
      `SELECT id, ran_at AS ranAt, ran_on AS ranOn, promoted, graduated, reverted_at AS revertedAt FROM roll_forward_runs
       ORDER BY ran_at DESC, id DESC LIMIT 1`,
    ).get() as RunRow | undefined) ?? null
  );
}

/** Students of the run whose grade, class or status is no longer what the run set (moved by hand since). */
export function movedSince(db: Database, runId: string): number {
  return (
    stmt(
      db,
      `SELECT count(*) AS n FROM roll_forward_changes c JOIN students s ON s.id = c.student_id
       WHERE c.run_id = ? AND (s.grade <> c.to_grade OR s.class_name <> c.to_class_name OR s.status <> c.to_status OR s.deleted_at IS NOT NULL)`,
    ).get(runId) as { n: number }
  ).n;
}

/** Puts back every student's grade, class and status from before the run. */
export function revertRun(db: Database, runId: string, by: string, now: number): number {
  const restored = stmt(
    db,
    `UPDATE students SET grade = c.from_grade, class_name = c.from_class_name, status = c.from_status, updated_at = @now
     FROM roll_forward_changes c WHERE c.run_id = @runId AND c.student_id = students.id`,
  ).run({ runId, now }).changes;
  stmt(db, 'UPDATE roll_forward_runs SET reverted_at = ?, reverted_by = ? WHERE id = ?').run(now, by, runId);
  return restored;
}
