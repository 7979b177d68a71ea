import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { GroupKind, GroupSessionView, ProgramView } from '../../../shared/api/groups';
import { GROUP_KINDS } from '../../../shared/api/groups';
import { formatTime } from '../../../shared/domain/schedule';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';
import { Where } from '../../db/where';

export type ProgramFields = Pick<
  ProgramView,
  'theme' | 'kind' | 'targetKind' | 'targetGrades' | 'targetClasses' | 'named' | 'plannedSessions' | 'goals' | 'startDate' | 'endDate' | 'status'
>;

/**
 * A session's 1-based number within its program, by (date, start, id) among the program's live
 * sessions: counted, not stored, so adding or moving one renumbers the others.
 */
export const sessionNumberSql = (s: string) => `(SELECT count(*) FROM group_sessions o
  WHERE o.program_id = ${s}.program_id AND o.deleted_at IS NULL AND (o.date, o.start_min, o.id) <= (${s}.date, ${s}.start_min, ${s}.id))`;

const SELECT_PROGRAM = `
  SELECT p.id, p.theme, p.kind, p.target_kind AS targetKind, p.target_grades AS targetGrades, p.target_classes AS targetClasses,
    p.named, p.planned_sessions AS plannedSessions, p.goals, p.start_date AS startDate, p.end_date AS endDate, p.status,
    p.created_at AS createdAt, p.updated_at AS updatedAt,
    (SELECT json_group_array(json_object('id', u.id, 'name', u.display_name) ORDER BY l.position)
       FROM group_leaders l JOIN users u ON u.id = l.user_id WHERE l.program_id = p.id) AS leaders,
    (SELECT count(DISTINCT m.student_id) FROM group_members m WHERE m.program_id = p.id AND m.left_on IS NULL) AS memberCount,
    (SELECT count(*) FROM group_sessions s WHERE s.program_id = p.id AND s.deleted_at IS NULL) AS sessionCount
  FROM group_programs p`;

type ProgramRow = Omit<ProgramView, 'targetGrades' | 'targetClasses' | 'named' | 'leaders'> & {
  targetGrades: string;
  targetClasses: string;
  named: number;
  leaders: string;
};

function toProgram(r: ProgramRow): ProgramView {
  return {
    ...r,
    targetGrades: JSON.parse(r.targetGrades) as number[],
    targetClasses: JSON.parse(r.targetClasses) as ProgramView['targetClasses'],
    named: r.named === 1,
    leaders: JSON.parse(r.leaders) as ProgramView['leaders'],
  };
}

export function getProgram(db: Database, id: string): ProgramView | null {
  const r = stmt(db, `${SELECT_PROGRAM} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as ProgramRow | undefined;
  return r ? toProgram(r) : null;
}

export function listPrograms(db: Database, q: { kind?: string | undefined; status?: string | undefined; activeOn?: string | undefined }): ProgramView[] {
  const where = new Where('p.deleted_at IS NULL')
    .when(q.kind, 'kind', 'p.kind = @kind')
    .when(q.status, 'status', 'p.status = @status')
    .when(q.activeOn, 'activeOn', '@activeOn BETWEEN p.start_date AND p.end_date');
  const rows = stmt(db, `${SELECT_PROGRAM} WHERE ${where.sql} ORDER BY p.start_date DESC, p.created_at DESC`).all(where.params) as ProgramRow[];
  return rows.map(toProgram);
}

function programParams(f: ProgramFields) {
  return { ...f, targetGrades: JSON.stringify(f.targetGrades), targetClasses: JSON.stringify(f.targetClasses), named: f.named ? 1 : 0 };
}

export function insertProgram(db: Database, f: ProgramFields, createdBy: string, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO group_programs (id, theme, kind, target_kind, target_grades, target_classes, named, planned_sessions, goals, start_date, end_date,
       status, created_by, created_at, updated_at)
     VALUES (@id, @theme, @kind, @targetKind, @targetGrades, @targetClasses, @named, @plannedSessions, @goals, @startDate, @endDate,
       @status, @createdBy, @now, @now)`,
  ).run({ ...programParams(f), id, createdBy, now });
  return id;
}

export function updateProgram(db: Database, id: string, f: ProgramFields, now: number): void {
  stmt(
    db,
    `UPDATE group_programs SET theme = @theme, kind = @kind, target_kind = @targetKind, target_grades = @targetGrades,
       target_classes = @targetClasses, named = @named, planned_sessions = @plannedSessions, goals = @goals,
       start_date = @startDate, end_date = @endDate, status = @status, updated_at = @now
     WHERE id = @id`,
  ).run({ ...programParams(f), id, now });
}

export function setLeaders(db: Database, programId: string, userIds: readonly string[]): void {
  stmt(db, 'DELETE FROM group_leaders WHERE program_id = ?').run(programId);
  const insert = stmt(db, 'INSERT INTO group_leaders (program_id, user_id, position) VALUES (?, ?, ?)');
  userIds.forEach((userId, position) => insert.run(programId, userId, position));
}

export function softDeleteProgram(db: Database, id: string, reason: string, now: number): void {
  stmt(db, 'UPDATE group_programs SET deleted_at = ?, deleted_reason = ? WHERE id = ?').run(now, reason, id);
}

/** Users that may lead a program: any role, as long as the account is enabled. */
export function enabledUserIds(db: Database, ids: readonly string[]): Set<string> {
  const found = stmt(db, `SELECT id FROM users WHERE disabled = 0 AND id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as string[];
  return new Set(found);
}

// ——— members ———

export function membersOf(db: Database, programId: string) {
  return stmt(
    db,
    `SELECT m.student_id AS studentId, st.name, st.student_no AS studentNo, st.grade, st.class_name AS className,
       m.joined_on AS joinedOn, m.left_on AS leftOn
     FROM group_members m JOIN students st ON st.id = m.student_id
     WHERE m.program_id = ? ORDER BY st.grade, st.class_name, st.student_no, m.joined_on`,
  ).all(programId) as { studentId: string; name: string; studentNo: string; grade: number; className: string; joinedOn: string; leftOn: string | null }[];
}

/** Roster students among the ids that are not deleted. */
export function presentStudentIds(db: Database, ids: readonly string[]): Set<string> {
  const found = stmt(db, `SELECT id FROM students WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as string[];
  return new Set(found);
}

/** Students whose membership spell covers the date (joined on or before it, not left before it). */
export function membersOn(db: Database, programId: string, date: string, studentIds: readonly string[]): Set<string> {
  const found = stmt(
    db,
    `SELECT DISTINCT student_id FROM group_members
     WHERE program_id = @programId AND joined_on <= @date AND (left_on IS NULL OR left_on >= @date)
       AND student_id IN (SELECT value FROM json_each(@ids))`,
  )
    .pluck()
    .all({ programId, date, ids: JSON.stringify(studentIds) }) as string[];
  return new Set(found);
}

/**
 * Adds a spell for each student not already a member on or after the joining date (an open spell,
 * or one that ends on or after it), so spells of one student never overlap. Returns how many were added.
 */
export function addMembers(db: Database, programId: string, studentIds: readonly string[], joinedOn: string): number {
  const insert = stmt(
    db,
    `INSERT INTO group_members (program_id, student_id, joined_on)
     SELECT @programId, @studentId, @joinedOn
     WHERE NOT EXISTS (SELECT 1 FROM group_members WHERE program_id = @programId AND student_id = @studentId AND (left_on IS NULL OR left_on >= @joinedOn))`,
  );
  return studentIds.reduce((added, studentId) => added + insert.run({ programId, studentId, joinedOn }).changes, 0);
}

export function openSpell(db: Database, programId: string, studentId: string): { joinedOn: string } | null {
  return (
    (stmt(db, 'SELECT joined_on AS joinedOn FROM group_members WHERE program_id = ? AND student_id = ? AND left_on IS NULL').get(programId, studentId) as
      | { joinedOn: string }
      | undefined) ?? null
  );
}

export function closeSpell(db: Database, programId: string, studentId: string, joinedOn: string, leftOn: string): void {
  stmt(db, 'UPDATE group_members SET left_on = ? WHERE program_id = ? AND student_id = ? AND joined_on = ?').run(leftOn, programId, studentId, joinedOn);
}

/** Live sessions after a date at which the student has attendance recorded. */
export function attendedAfter(db: Database, programId: string, studentId: string, date: string): string[] {
  return stmt(
    db,
    `SELECT s.id FROM group_sessions s JOIN group_attendance a ON a.session_id = s.id AND a.student_id = @studentId
     WHERE s.program_id = @programId AND s.deleted_at IS NULL AND s.date > @date ORDER BY s.date, s.start_min`,
  )
    .pluck()
    .all({ programId, studentId, date }) as string[];
}

// ——— sessions ———

interface SessionRow {
  id: string;
  programId: string;
  number: number;
  date: string;
  start_min: number;
  end_min: number;
  roomId: string | null;
  roomName: string | null;
  appointmentId: string | null;
  content: string;
  observations: string;
  outcome: string;
  headcount: number | null;
  audienceGrades: string;
}

const SELECT_SESSION = `
  SELECT s.id, s.program_id AS programId, ${sessionNumberSql('s')} AS number, s.date, s.start_min, s.end_min, s.room_id AS roomId,
    r.name AS roomName, s.appointment_id AS appointmentId, s.content, s.observations, s.outcome, s.headcount, s.audience_grades AS audienceGrades
  FROM group_sessions s LEFT JOIN rooms r ON r.id = s.room_id`;

function withAttendance(db: Database, rows: SessionRow[]): GroupSessionView[] {
  const attendance = stmt(
    db,
    `SELECT a.session_id AS sessionId, a.student_id AS studentId, st.name, a.status
     FROM group_attendance a JOIN students st ON st.id = a.student_id
     WHERE a.session_id IN (SELECT value FROM json_each(?)) ORDER BY a.grade, a.class_name, st.student_no`,
  ).all(JSON.stringify(rows.map((r) => r.id))) as ({ sessionId: string } & GroupSessionView['attendance'][number])[];
  return rows.map(({ start_min, end_min, audienceGrades, ...r }) => ({
    ...r,
    start: formatTime(start_min),
    end: formatTime(end_min),
    audienceGrades: JSON.parse(audienceGrades) as number[],
    attendance: attendance.filter((a) => a.sessionId === r.id).map(({ studentId, name, status }) => ({ studentId, name, status })),
  }));
}

/** A live session of a live program. */
export function getSession(db: Database, id: string): GroupSessionView | null {
  const rows = stmt(
    db,
    `${SELECT_SESSION} JOIN group_programs p ON p.id = s.program_id AND p.deleted_at IS NULL WHERE s.id = ? AND s.deleted_at IS NULL`,
  ).all(id) as SessionRow[];
  return withAttendance(db, rows)[0] ?? null;
}

export function sessionsOf(db: Database, programId: string): GroupSessionView[] {
  const rows = stmt(db, `${SELECT_SESSION} WHERE s.program_id = ? AND s.deleted_at IS NULL ORDER BY s.date, s.start_min, s.id`).all(programId) as SessionRow[];
  return withAttendance(db, rows);
}

/** Live sessions of a program dated outside [startDate, endDate]. */
export function sessionsOutside(db: Database, programId: string, startDate: string, endDate: string) {
  return stmt(
    db,
    `SELECT s.id, s.date, ${sessionNumberSql('s')} AS number FROM group_sessions s
     WHERE s.program_id = @programId AND s.deleted_at IS NULL AND (s.date < @startDate OR s.date > @endDate) ORDER BY s.date, s.start_min`,
  ).all({ programId, startDate, endDate }) as { id: string; date: string; number: number }[];
}

export interface SessionFields {
  date: string;
  startMin: number;
  endMin: number;
  roomId: string | null;
  appointmentId: string | null;
  content: string;
  observations: string;
  outcome: string;
  headcount: number | null;
  audienceGrades: number[];
}

function sessionParams(f: SessionFields) {
  return { ...f, audienceGrades: JSON.stringify(f.audienceGrades) };
}

export function insertSession(db: Database, programId: string, f: SessionFields, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO group_sessions (id, program_id, date, start_min, end_min, room_id, appointment_id, content, observations, outcome,
       headcount, audience_grades, created_at, updated_at)
     VALUES (@id, @programId, @date, @startMin, @endMin, @roomId, @appointmentId, @content, @observations, @outcome,
       @headcount, @audienceGrades, @now, @now)`,
  ).run({ ...sessionParams(f), id, programId, now });
  return id;
}

export function updateSession(db: Database, id: string, f: SessionFields, now: number): void {
  stmt(
    db,
    `UPDATE group_sessions SET date = @date, start_min = @startMin, end_min = @endMin, room_id = @roomId, appointment_id = @appointmentId,
       content = @content, observations = @observations, outcome = @outcome, headcount = @headcount, audience_grades = @audienceGrades,
       updated_at = @now
     WHERE id = @id`,
  ).run({ ...sessionParams(f), id, now });
}

export function softDeleteSession(db: Database, id: string, reason: string, now: number): void {
  stmt(db, 'UPDATE group_sessions SET deleted_at = ?, deleted_reason = ? WHERE id = ?').run(now, reason, id);
}

/** The room bookings of a program's live sessions. */
export function appointmentIdsOf(db: Database, programId: string): string[] {
  return stmt(db, 'SELECT appointment_id FROM group_sessions WHERE program_id = ? AND deleted_at IS NULL AND appointment_id IS NOT NULL')
    .pluck()
    .all(programId) as string[];
}

/** Upserts attendance, keeping the grade and class the student had when first marked; returns how many rows were added or changed (an unchanged mark writes nothing). */
export function upsertAttendance(db: Database, sessionId: string, entries: readonly { studentId: string; status: string }[], now: number): number {
  const upsert = stmt(
    db,
    `INSERT INTO group_attendance (session_id, student_id, status, updated_at, grade, class_name)
     SELECT @sessionId, @studentId, @status, @now, st.grade, st.class_name FROM students st WHERE st.id = @studentId
     ON CONFLICT (session_id, student_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
     WHERE group_attendance.status <> excluded.status`,
  );
  return entries.reduce((n, e) => n + upsert.run({ sessionId, ...e, now }).changes, 0);
}

// ——— counts ———

/** Per kind, over live sessions in [from, to] of live programs: programs, sessions, participants. */
export function groupCounts(db: Database, from: string, to: string) {
  const rows = stmt(
    db,
    `SELECT p.kind, count(DISTINCT p.id) AS programs, count(*) AS sessions,
       total(CASE WHEN p.named = 1
                  THEN (SELECT count(*) FROM group_attendance a WHERE a.session_id = s.id AND a.status = 'present')
                  ELSE s.headcount END) AS participants
     FROM group_sessions s JOIN group_programs p ON p.id = s.program_id AND p.deleted_at IS NULL
     WHERE s.deleted_at IS NULL AND s.date BETWEEN @from AND @to
     GROUP BY p.kind`,
  ).all({ from, to }) as { kind: GroupKind; programs: number; sessions: number; participants: number }[];
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return GROUP_KINDS.map((kind) => byKind.get(kind) ?? { kind, programs: 0, sessions: 0, participants: 0 });
}
