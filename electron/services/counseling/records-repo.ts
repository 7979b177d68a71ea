import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AddendumView, DisclosureView, RecordFields, RecordView } from '../../../shared/api/records';
import { RECORD_TEXT_FIELDS } from '../../../shared/api/records';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';
import { indexNote, unindexNote } from './search-repo';

export interface RecordRow {
  id: string;
  case_id: string;
  student_id: string | null;
  author_id: string;
  author_name: string;
  client_label: string;
  session_date: string;
  start_time: string | null;
  duration_minutes: number | null;
  mode: RecordFields['mode'];
  with_student: number;
  with_guardian: number;
  with_teacher: number;
  kind: RecordFields['kind'];
  current_state: string;
  main_problem: string;
  analysis: string;
  plan: string;
  outcome_evaluation: string;
  follow_up_actions: string;
  next_appointment_date: string | null;
  risk_of_harm: RecordFields['riskOfHarm'];
  revision: number;
  signed_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A record is visible while neither it nor its case is deleted. */
const SELECT_RECORD = `
  SELECT r.*, u.display_name AS author_name, coalesce(s.name, c.client_label) AS client_label
  FROM session_records r
  JOIN cases c ON c.id = r.case_id AND c.deleted_at IS NULL
  JOIN users u ON u.id = r.author_id
  LEFT JOIN students s ON s.id = r.student_id
  WHERE r.deleted_at IS NULL`;

export function getRecordRow(db: Database, id: string): RecordRow | null {
  return (stmt(db, `${SELECT_RECORD} AND r.id = ?`).get(id) as RecordRow | undefined) ?? null;
}

/** Several records in one statement (a page of search hits), by id; a deleted or unknown id is absent. */
export function getRecordRows(db: Database, ids: readonly string[]): Map<string, RecordRow> {
  const rows = stmt(db, `${SELECT_RECORD} AND r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RecordRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function fieldsOf(r: RecordRow): RecordFields {
  return {
    sessionDate: r.session_date,
    startTime: r.start_time,
    durationMinutes: r.duration_minutes,
    mode: r.mode,
    participants: { student: r.with_student === 1, guardian: r.with_guardian === 1, teacher: r.with_teacher === 1 },
    kind: r.kind,
    currentState: r.current_state,
    mainProblem: r.main_problem,
    analysis: r.analysis,
    plan: r.plan,
    outcomeEvaluation: r.outcome_evaluation,
    followUpActions: r.follow_up_actions,
    nextAppointmentDate: r.next_appointment_date,
    riskOfHarm: r.risk_of_harm,
  };
}

/** What the search index holds for a record: the guide's fields that have text, one per line (no bigram spans two fields). */
export function recordText(f: RecordFields): string {
  return RECORD_TEXT_FIELDS.map((k) => f[k])
    .filter((t) => t !== '')
    .join('\n');
}

function columns(f: RecordFields) {
  return {
    session_date: f.sessionDate,
    start_time: f.startTime,
    duration_minutes: f.durationMinutes,
    mode: f.mode,
    with_student: f.participants.student ? 1 : 0,
    with_guardian: f.participants.guardian ? 1 : 0,
    with_teacher: f.participants.teacher ? 1 : 0,
    kind: f.kind,
    current_state: f.currentState,
    main_problem: f.mainProblem,
    analysis: f.analysis,
    plan: f.plan,
    outcome_evaluation: f.outcomeEvaluation,
    follow_up_actions: f.followUpActions,
    next_appointment_date: f.nextAppointmentDate,
    risk_of_harm: f.riskOfHarm,
  };
}

export function insertRecord(
  db: Database,
  r: { caseId: string; studentId: string | null; authorId: string; fields: RecordFields },
  now: number,
): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO session_records (id, case_id, student_id, author_id, session_date, start_time, duration_minutes, mode,
       with_student, with_guardian, with_teacher, kind, current_state, main_problem, analysis, plan, outcome_evaluation,
       follow_up_actions, next_appointment_date, risk_of_harm, revision, created_at, updated_at)
     VALUES (@id, @case_id, @student_id, @author_id, @session_date, @start_time, @duration_minutes, @mode,
       @with_student, @with_guardian, @with_teacher, @kind, @current_state, @main_problem, @analysis, @plan, @outcome_evaluation,
       @follow_up_actions, @next_appointment_date, @risk_of_harm, 1, @now, @now)`,
  ).run({ ...columns(r.fields), id, case_id: r.caseId, student_id: r.studentId, author_id: r.authorId, now });
  indexNote(db, 'record', id, recordText(r.fields), r.fields.sessionDate);
  return id;
}

export function updateRecord(db: Database, id: string, f: RecordFields, revision: number, now: number): void {
  stmt(
    db,
    `UPDATE session_records SET session_date = @session_date, start_time = @start_time, duration_minutes = @duration_minutes,
       mode = @mode, with_student = @with_student, with_guardian = @with_guardian, with_teacher = @with_teacher, kind = @kind,
       current_state = @current_state, main_problem = @main_problem, analysis = @analysis, plan = @plan,
       outcome_evaluation = @outcome_evaluation, follow_up_actions = @follow_up_actions,
       next_appointment_date = @next_appointment_date, risk_of_harm = @risk_of_harm, revision = @revision, updated_at = @now
     WHERE id = @id AND signed_at IS NULL`,
  ).run({ ...columns(f), id, revision, now });
  indexNote(db, 'record', id, recordText(f), f.sessionDate);
}

export function signRecord(db: Database, id: string, now: number): void {
  stmt(db, 'UPDATE session_records SET signed_at = ?, updated_at = ? WHERE id = ? AND signed_at IS NULL').run(now, now, id);
}

export function softDeleteRecord(db: Database, id: string, reason: string, now: number): void {
  stmt(db, 'UPDATE session_records SET deleted_at = ?, deleted_reason = ? WHERE id = ? AND signed_at IS NULL').run(now, reason, id);
  unindexNote(db, 'record', id);
}

export function countRecordsOfCase(db: Database, caseId: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM session_records WHERE case_id = ? AND deleted_at IS NULL').get(caseId) as { n: number }).n;
}

export function insertAddendum(db: Database, a: { recordId: string; authorId: string; text: string; writtenOn: string }, now: number): string {
  const id = uuidv7(now);
  stmt(db, 'INSERT INTO record_addenda (id, record_id, author_id, body, written_on, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    a.recordId,
    a.authorId,
    a.text,
    a.writtenOn,
    now,
  );
  indexNote(db, 'addendum', id, a.text, a.writtenOn);
  return id;
}

export function listAddenda(db: Database, recordId: string): AddendumView[] {
  return stmt(
    db,
    `SELECT a.id, a.record_id AS recordId, a.body AS text, a.author_id AS authorId, u.display_name AS authorName, a.created_at AS createdAt
     FROM record_addenda a JOIN users u ON u.id = a.author_id WHERE a.record_id = ? ORDER BY a.created_at, a.rowid`,
  ).all(recordId) as AddendumView[];
}

export function getAddendum(db: Database, id: string): AddendumView {
  return stmt(
    db,
    `SELECT a.id, a.record_id AS recordId, a.body AS text, a.author_id AS authorId, u.display_name AS authorName, a.created_at AS createdAt
     FROM record_addenda a JOIN users u ON u.id = a.author_id WHERE a.id = ?`,
  ).get(id) as AddendumView;
}

export interface NewDisclosure {
  recordId: string;
  informedKind: DisclosureView['informedKind'];
  informedLabel: string;
  informedAt: number;
  informedOn: string;
  channel: DisclosureView['channel'];
  note: string;
  recordedBy: string;
}

export function insertDisclosure(db: Database, d: NewDisclosure, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO disclosures (id, record_id, informed_kind, informed_label, informed_at, informed_on, channel, note, recorded_by, created_at)
     VALUES (@id, @recordId, @informedKind, @informedLabel, @informedAt, @informedOn, @channel, @note, @recordedBy, @now)`,
  ).run({ ...d, id, now });
  return id;
}

const SELECT_DISCLOSURE = `
  SELECT d.id, d.record_id AS recordId, d.informed_kind AS informedKind, d.informed_label AS informedLabel,
    d.informed_at AS informedAt, d.channel, d.note, d.recorded_by AS recordedById, u.display_name AS recordedByName,
    d.created_at AS createdAt
  FROM disclosures d JOIN users u ON u.id = d.recorded_by`;

export function listDisclosures(db: Database, recordId: string): DisclosureView[] {
  return stmt(db, `${SELECT_DISCLOSURE} WHERE d.record_id = ? ORDER BY d.informed_at, d.rowid`).all(recordId) as DisclosureView[];
}

export function getDisclosure(db: Database, id: string): DisclosureView {
  return stmt(db, `${SELECT_DISCLOSURE} WHERE d.id = ?`).get(id) as DisclosureView;
}

export function recordView(db: Database, r: RecordRow, signBlockers: RecordView['signBlockers']): RecordView {
  return {
    ...fieldsOf(r),
    id: r.id,
    caseId: r.case_id,
    studentId: r.student_id,
    clientLabel: r.client_label,
    authorId: r.author_id,
    authorName: r.author_name,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    signedAt: r.signed_at,
    addenda: listAddenda(db, r.id),
    disclosures: listDisclosures(db, r.id),
    signBlockers,
  };
}

/** Unsigned records of an author, oldest first (the caseload's list and the 48-hour to-do). */
export function unsignedOf(db: Database, authorId: string, now: number, onlyOlderThanMs = 0) {
  const rows = stmt(
    db,
    `SELECT r.id, r.case_id AS caseId, r.student_id AS studentId, coalesce(s.name, c.client_label) AS clientLabel,
       r.session_date AS sessionDate, r.created_at AS createdAt
     FROM session_records r
     JOIN cases c ON c.id = r.case_id AND c.deleted_at IS NULL
     LEFT JOIN students s ON s.id = r.student_id
     WHERE r.author_id = ? AND r.signed_at IS NULL AND r.deleted_at IS NULL AND r.created_at <= ?
     ORDER BY r.created_at, r.id`,
  ).all(authorId, now - onlyOlderThanMs) as { id: string; caseId: string; studentId: string | null; clientLabel: string; sessionDate: string; createdAt: number }[];
  return rows.map((r) => ({ ...r, ageHours: Math.floor((now - r.createdAt) / 3_600_000), overdue: now - r.createdAt >= TODO_AGE_MS }));
}

export const TODO_AGE_MS = 48 * 3_600_000;

interface CaseRecordRow {
  id: string;
  sessionDate: string;
  kind: RecordFields['kind'];
  mode: RecordFields['mode'];
  authorId: string;
  authorName: string;
  signed: number;
  riskOfHarm: RecordFields['riskOfHarm'];
  addendumCount: number;
}

/** Records of a case for its detail view, newest first. */
export function recordsOfCase(db: Database, caseId: string) {
  const rows = stmt(
    db,
    `SELECT r.id, r.session_date AS sessionDate, r.kind, r.mode, r.author_id AS authorId, u.display_name AS authorName,
       r.signed_at IS NOT NULL AS signed, r.risk_of_harm AS riskOfHarm,
       (SELECT count(*) FROM record_addenda a WHERE a.record_id = r.id) AS addendumCount
     FROM session_records r JOIN users u ON u.id = r.author_id
     WHERE r.case_id = ? AND r.deleted_at IS NULL
     ORDER BY r.session_date DESC, r.created_at DESC`,
  ).all(caseId) as CaseRecordRow[];
  return rows.map((r) => ({ ...r, signed: r.signed === 1 }));
}

/** Removes the notes of a deleted case from the search index (its rows stay, soft-deleted by the case). */
export function unindexCase(db: Database, caseId: string): void {
  const records = stmt(db, 'SELECT id FROM session_records WHERE case_id = ?').pluck().all(caseId) as string[];
  for (const id of records) {
    unindexNote(db, 'record', id);
    for (const a of stmt(db, 'SELECT id FROM record_addenda WHERE record_id = ?').pluck().all(id) as string[]) unindexNote(db, 'addendum', a);
  }
}

/** Signed records dated in a span, and how many have every one of the given columns filled. */
export function signedRecordCounts(db: Database, from: string, to: string, columns: readonly string[]): { signed: number; complete: number } {
  const filled = columns.map((c) => `${c} <> ''`).join(' AND ');
  return stmt(
    db,
    `SELECT count(*) AS signed, coalesce(sum(CASE WHEN ${filled} THEN 1 ELSE 0 END), 0) AS complete
     FROM session_records r JOIN cases c ON c.id = r.case_id AND c.deleted_at IS NULL
     WHERE r.deleted_at IS NULL AND r.signed_at IS NOT NULL AND r.session_date BETWEEN ? AND ?`,
  ).get(from, to) as { signed: number; complete: number };
}

/**
 * Whether the record's case is a crisis case whose 家校协同 step recorded the guardian being told:
 * that entry is the confidentiality-exception record (ETH-04) for the case's sessions too.
 */
export function crisisGuardianNotified(db: Database, caseId: string): boolean {
  return stmt(db, "SELECT 1 FROM crisis_entries WHERE case_id = ? AND kind = 'guardianNotice' LIMIT 1").get(caseId) !== undefined;
}
