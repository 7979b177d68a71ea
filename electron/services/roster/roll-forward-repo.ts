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
  updated_at: number;
}

export function activeStudents(db: Database): MovingStudent[] {
  return stmt(
    db,
    `SELECT id, student_no, name, grade, class_name, updated_at FROM students WHERE deleted_at IS NULL AND status = 'active'
     ORDER BY grade, length(class_name), class_name, name_pinyin`,
  ).all() as MovingStudent[];
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
