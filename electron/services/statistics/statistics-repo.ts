import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Period } from '../../../shared/api/statistics';
import { stmt } from '../../db/statements';

/**
 * Aggregate reads for the statistics. Only counts and sums leave these queries: no id, no name.
 * Rows are keyed by codes: `g<grade>` for a grade, `nonStudent` for clients who are not students.
 */

const GRADE_ROW = `CASE WHEN st.grade IS NULL THEN 'nonStudent' ELSE 'g' || st.grade END`;

/** Individual sessions (人次) and distinct clients per grade. */
export function sessionsByGrade(db: Database, p: Period): { row: string; sessions: number; clients: number }[] {
  return stmt(
    db,
    `SELECT ${GRADE_ROW} AS row, count(*) AS sessions, count(DISTINCT coalesce(r.student_id, r.case_id)) AS clients
     FROM session_records r JOIN cases c ON c.id = r.case_id LEFT JOIN students st ON st.id = r.student_id
     WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND r.session_date BETWEEN @from AND @to
     GROUP BY row`,
  ).all(p) as { row: string; sessions: number; clients: number }[];
}

export function sessionsByKind(db: Database, p: Period): { row: string; sessions: number }[] {
  return stmt(
    db,
    `SELECT r.kind AS row, count(*) AS sessions
     FROM session_records r JOIN cases c ON c.id = r.case_id
     WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND r.session_date BETWEEN @from AND @to
     GROUP BY r.kind`,
  ).all(p) as { row: string; sessions: number }[];
}

/** Per program kind and named or not: programs with a session in the period, sessions, attendance (present, or the headcount of an unnamed one), minutes. */
export function groupsByKind(db: Database, p: Period): { row: string; named: number; programs: number; sessions: number; attendance: number; minutes: number }[] {
  return stmt(
    db,
    `SELECT g.kind AS row, g.named, count(DISTINCT g.id) AS programs, count(*) AS sessions,
       sum(CASE WHEN g.named = 1 THEN (SELECT count(*) FROM group_attendance a WHERE a.session_id = s.id AND a.status = 'present')
                ELSE coalesce(s.headcount, 0) END) AS attendance,
       sum(s.end_min - s.start_min) AS minutes
     FROM group_sessions s JOIN group_programs g ON g.id = s.program_id
     WHERE s.deleted_at IS NULL AND g.deleted_at IS NULL AND s.date BETWEEN @from AND @to
     GROUP BY g.kind, g.named`,
  ).all(p) as { row: string; named: number; programs: number; sessions: number; attendance: number; minutes: number }[];
}

export function trainingByTier(db: Database, p: Period): { row: string; events: number; hoursTenths: number; attendees: number }[] {
  return stmt(
    db,
    `SELECT e.tier AS row, count(*) AS events, sum(e.hours_tenths) AS hoursTenths,
       sum((SELECT count(*) FROM training_attendees a WHERE a.event_id = e.id)) AS attendees
     FROM training_events e
     WHERE e.deleted_at IS NULL AND e.start_date BETWEEN @from AND @to
     GROUP BY e.tier`,
  ).all(p) as { row: string; events: number; hoursTenths: number; attendees: number }[];
}

/** Participants of the screenings under way in the period, by grade and outcome. */
export function screeningCoverage(db: Database, p: Period): { row: string; done: number; declined: number; absent: number; pending: number }[] {
  return stmt(
    db,
    `SELECT ${GRADE_ROW} AS row, sum(cp.outcome = 'done') AS done, sum(cp.outcome = 'declined') AS declined,
       sum(cp.outcome = 'absent') AS absent, sum(cp.outcome = 'pending') AS pending
     FROM campaign_participants cp JOIN campaigns ca ON ca.id = cp.campaign_id JOIN students st ON st.id = cp.student_id
     WHERE ca.start_date <= @to AND ca.end_date >= @from
     GROUP BY row`,
  ).all(p) as { row: string; done: number; declined: number; absent: number; pending: number }[];
}

/**
 * Each student's latest completed form per scale in the period, by grade and by the neutral label
 * of its headline band (the first subscale with a band, stored with the form: migration 016);
 * `invalid` when the form was invalid. Read from one covering index, never the results.
 */
export function screeningBands(db: Database, p: Period): { row: string; band: string; count: number }[] {
  return stmt(
    db,
    `WITH latest AS (
       SELECT f.student_id, f.band_label,
         row_number() OVER (PARTITION BY f.student_id, f.scale_id ORDER BY f.completed_at DESC, f.id DESC) AS n
       FROM forms f INDEXED BY forms_completed_bands WHERE f.status = 'completed' AND f.date BETWEEN @from AND @to
     )
     SELECT ${GRADE_ROW} AS row, coalesce(l.band_label, 'invalid') AS band, count(*) AS count
     FROM latest l JOIN students st ON st.id = l.student_id
     WHERE l.n = 1
     GROUP BY row, band`,
  ).all(p) as { row: string; band: string; count: number }[];
}

/** Alerts raised on forms of the period, by severity and by how long handling took (`open` if not yet). */
export function alertHandling(db: Database, p: Period): { row: string; within1Day: number; within3Days: number; later: number; open: number }[] {
  return stmt(
    db,
    `SELECT a.severity AS row,
       sum(a.acknowledged_at IS NOT NULL AND a.acknowledged_at - a.raised_at <= 86400000) AS within1Day,
       sum(a.acknowledged_at IS NOT NULL AND a.acknowledged_at - a.raised_at > 86400000 AND a.acknowledged_at - a.raised_at <= 259200000) AS within3Days,
       sum(a.acknowledged_at IS NOT NULL AND a.acknowledged_at - a.raised_at > 259200000) AS later,
       sum(a.acknowledged_at IS NULL) AS open
     FROM alerts a JOIN forms f ON f.id = a.form_id
     WHERE f.date BETWEEN @from AND @to
     GROUP BY a.severity`,
  ).all(p) as { row: string; within1Day: number; within3Days: number; later: number; open: number }[];
}

/** Minutes of individual sessions with a recorded duration. */
export function sessionMinutes(db: Database, p: Period): number {
  const r = stmt(
    db,
    `SELECT coalesce(sum(r.duration_minutes), 0) AS minutes
     FROM session_records r JOIN cases c ON c.id = r.case_id
     WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND r.session_date BETWEEN @from AND @to`,
  ).get(p) as { minutes: number };
  return r.minutes;
}
