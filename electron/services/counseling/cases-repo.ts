import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CASE_CATEGORIES, type CaseCategory, type CaseListItem, type CaseView } from '../../../shared/api/cases';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';
import { Where } from '../../db/where';

interface CaseRow {
  id: string;
  client_kind: CaseView['clientKind'];
  student_id: string | null;
  client_label: string;
  student_no: string | null;
  source: CaseView['source'];
  source_note: string;
  appointment_id: string | null;
  categories: string;
  goals: string;
  status: CaseView['status'];
  opened_on: string;
  closed_on: string | null;
  closing_summary: string | null;
  counselor_id: string;
  counselor_name: string;
  created_at: number;
  updated_at: number;
}

/** Categories travel from SQL as a JSON array; they are returned in the contract's order. */
export const CATEGORIES_JSON = `(SELECT json_group_array(category) FROM case_categories cc WHERE cc.case_id = c.id)`;

export function parseCategories(json: string): CaseCategory[] {
  const found = new Set(JSON.parse(json) as CaseCategory[]);
  return CASE_CATEGORIES.filter((c) => found.has(c));
}

const SELECT_CASE = `
  SELECT c.id, c.client_kind, c.student_id, coalesce(s.name, c.client_label) AS client_label, s.student_no, c.source,
    c.source_note, c.appointment_id, ${CATEGORIES_JSON} AS categories, c.goals, c.status, c.opened_on, c.closed_on,
    c.closing_summary, c.counselor_id, u.display_name AS counselor_name, c.created_at, c.updated_at
  FROM cases c
  JOIN users u ON u.id = c.counselor_id
  LEFT JOIN students s ON s.id = c.student_id
  WHERE c.deleted_at IS NULL`;

function toView(r: CaseRow): CaseView {
  return {
    id: r.id,
    clientKind: r.client_kind,
    studentId: r.student_id,
    clientLabel: r.client_label,
    studentNo: r.student_no,
    source: r.source,
    sourceNote: r.source_note,
    appointmentId: r.appointment_id,
    categories: parseCategories(r.categories),
    goals: r.goals,
    status: r.status,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    closingSummary: r.closing_summary,
    counselorId: r.counselor_id,
    counselorName: r.counselor_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCase(db: Database, id: string): CaseView | null {
  const r = stmt(db, `${SELECT_CASE} AND c.id = ?`).get(id) as CaseRow | undefined;
  return r ? toView(r) : null;
}

export interface NewCase {
  clientKind: CaseView['clientKind'];
  studentId: string | null;
  clientLabel: string;
  source: CaseView['source'];
  sourceNote: string;
  appointmentId: string | null;
  categories: CaseCategory[];
  goals: string;
  openedOn: string;
  counselorId: string;
  createdBy: string;
}

export function insertCase(db: Database, c: NewCase, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO cases (id, client_kind, student_id, client_label, source, source_note, appointment_id, goals, status, opened_on,
       counselor_id, created_by, created_at, updated_at)
     VALUES (@id, @clientKind, @studentId, @clientLabel, @source, @sourceNote, @appointmentId, @goals, 'open', @openedOn,
       @counselorId, @createdBy, @now, @now)`,
  ).run({ ...c, id, now });
  setCategories(db, id, c.categories);
  return id;
}

export function setCategories(db: Database, caseId: string, categories: readonly CaseCategory[]): void {
  stmt(db, 'DELETE FROM case_categories WHERE case_id = ?').run(caseId);
  const insert = stmt(db, 'INSERT INTO case_categories (case_id, category) VALUES (?, ?)');
  for (const c of categories) insert.run(caseId, c);
}

export function updateCaseFields(
  db: Database,
  id: string,
  f: Pick<CaseView, 'source' | 'sourceNote' | 'appointmentId' | 'goals'>,
  now: number,
): void {
  stmt(
    db,
    `UPDATE cases SET source = @source, source_note = @sourceNote, appointment_id = @appointmentId, goals = @goals, updated_at = @now
     WHERE id = @id`,
  ).run({ ...f, id, now });
}

export function closeCase(db: Database, id: string, closingSummary: string, closedOn: string, now: number): void {
  stmt(
    db,
    `UPDATE cases SET status = 'closed', closing_summary = ?, closed_on = ?, closed_at = ?, updated_at = ? WHERE id = ?`,
  ).run(closingSummary, closedOn, now, now, id);
}

export function transferCase(db: Database, t: { caseId: string; from: string; to: string; reason: string; by: string }, now: number): void {
  stmt(db, 'UPDATE cases SET counselor_id = ?, updated_at = ? WHERE id = ?').run(t.to, now, t.caseId);
  stmt(db, 'INSERT INTO case_transfers (id, case_id, from_user_id, to_user_id, reason, by_user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    uuidv7(now),
    t.caseId,
    t.from,
    t.to,
    t.reason,
    t.by,
    now,
  );
}

export function transfersOf(db: Database, caseId: string) {
  return stmt(
    db,
    `SELECT t.from_user_id AS fromId, f.display_name AS fromName, t.to_user_id AS toId, o.display_name AS toName,
       b.display_name AS byName, t.reason, t.at
     FROM case_transfers t
     JOIN users f ON f.id = t.from_user_id JOIN users o ON o.id = t.to_user_id JOIN users b ON b.id = t.by_user_id
     WHERE t.case_id = ? ORDER BY t.at, t.id`,
  ).all(caseId) as { fromId: string; fromName: string; toId: string; toName: string; byName: string; reason: string; at: number }[];
}

export function softDeleteCase(db: Database, id: string, reason: string, by: string, now: number): boolean {
  return stmt(db, 'UPDATE cases SET deleted_at = ?, deleted_reason = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL').run(now, reason, by, id).changes === 1;
}

export function unsignedRecordIds(db: Database, caseId: string): string[] {
  return stmt(db, 'SELECT id FROM session_records WHERE case_id = ? AND deleted_at IS NULL AND signed_at IS NULL ORDER BY created_at')
    .pluck()
    .all(caseId) as string[];
}

/** Whether a student has counseling material that would be orphaned by deleting the roster row. */
export function studentHasClinicalRecords(db: Database, studentId: string): boolean {
  return (
    stmt(
      db,
      `SELECT EXISTS (SELECT 1 FROM cases WHERE student_id = @id AND deleted_at IS NULL)
           OR EXISTS (SELECT 1 FROM contacts WHERE student_id = @id AND deleted_at IS NULL)
           OR EXISTS (SELECT 1 FROM consents WHERE student_id = @id) AS found`,
    ).get({ id: studentId }) as { found: number }
  ).found === 1;
}

/**
 * The open cases of active students in these grades (the 学年升级's graduating grades), by the
 * student's pinyin then opening date. Open cases are few: the join starts from them (CROSS JOIN
 * keeps that order), where starting from the students would look up every student of the grades.
 */
export function openCasesInGrades(db: Database, grades: readonly number[]): { id: string; studentId: string; name: string; grade: number }[] {
  return stmt(
    db,
    `SELECT c.id, c.student_id AS studentId, s.name, s.grade FROM cases c CROSS JOIN students s ON s.id = c.student_id
     WHERE c.deleted_at IS NULL AND c.status = 'open' AND s.deleted_at IS NULL AND s.status = 'active' AND s.grade IN (SELECT value FROM json_each(?))
     ORDER BY s.name_pinyin, c.opened_on, c.id`,
  ).all(JSON.stringify(grades)) as { id: string; studentId: string; name: string; grade: number }[];
}

export interface CaseListQuery {
  studentId?: string;
  counselorId?: string;
  status?: CaseView['status'];
  clientKind?: CaseView['clientKind'];
  page: number;
  pageSize: number;
}

interface CaseListRow extends Omit<CaseListItem, 'categories'> {
  categories: string;
}

/** The last session date and record count of a case, for lists. */
export const CASE_ACTIVITY = `
  (SELECT max(r.session_date) FROM session_records r WHERE r.case_id = c.id AND r.deleted_at IS NULL) AS lastSessionDate,
  (SELECT count(*) FROM session_records r WHERE r.case_id = c.id AND r.deleted_at IS NULL) AS recordCount`;

export function listCases(db: Database, q: CaseListQuery): { items: CaseListItem[]; total: number } {
  const where = new Where('c.deleted_at IS NULL')
    .when(q.studentId, 'studentId', 'c.student_id = @studentId')
    .when(q.counselorId, 'counselorId', 'c.counselor_id = @counselorId')
    .when(q.status, 'status', 'c.status = @status')
    .when(q.clientKind, 'clientKind', 'c.client_kind = @clientKind');
  const total = (stmt(db, `SELECT count(*) AS n FROM cases c WHERE ${where.sql}`).get(where.params) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT c.id, c.client_kind AS clientKind, c.student_id AS studentId, coalesce(s.name, c.client_label) AS clientLabel,
       ${CATEGORIES_JSON} AS categories, c.status, c.opened_on AS openedOn, c.closed_on AS closedOn,
       c.counselor_id AS counselorId, u.display_name AS counselorName, ${CASE_ACTIVITY}
     FROM cases c JOIN users u ON u.id = c.counselor_id LEFT JOIN students s ON s.id = c.student_id
     WHERE ${where.sql}
     ORDER BY c.opened_on DESC, c.created_at DESC
     LIMIT @limit OFFSET @offset`,
  ).all({ ...where.params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as CaseListRow[];
  return { items: rows.map((r) => ({ ...r, categories: parseCategories(r.categories) })), total };
}

/** De-identified counts of the cases opened in a date range. */
export function caseCounts(db: Database, from: string | undefined, to: string | undefined) {
  const where = new Where('c.deleted_at IS NULL').when(from, 'from', 'c.opened_on >= @from').when(to, 'to', 'c.opened_on <= @to');
  const count = <T>(select: string, join = '') =>
    stmt(db, `SELECT ${select} AS value, count(*) AS count FROM cases c ${join} WHERE ${where.sql} GROUP BY value ORDER BY value`).all(
      where.params,
    ) as { value: T; count: number }[];
  return {
    total: (stmt(db, `SELECT count(*) AS n FROM cases c WHERE ${where.sql}`).get(where.params) as { n: number }).n,
    byStatus: count<CaseView['status']>('c.status').map((r) => ({ status: r.value, count: r.count })),
    byCategory: count<CaseCategory>('cc.category', 'JOIN case_categories cc ON cc.case_id = c.id').map((r) => ({ category: r.value, count: r.count })),
    byClientKind: count<CaseView['clientKind']>('c.client_kind').map((r) => ({ clientKind: r.value, count: r.count })),
  };
}

/** A crisis case not yet closed through its own rules (crisis.close). */
export function hasActiveCrisis(db: Database, caseId: string): boolean {
  return stmt(db, "SELECT 1 FROM crisis_cases WHERE case_id = ? AND status <> 'closed'").get(caseId) !== undefined;
}
