import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EntryInput, EntryView } from '../../../shared/api/crisis';
import { CRISIS_STEPS, type CrisisStep, type CrisisTier } from '../../../shared/domain/crisis';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';

/** The crisis tables (migration 011); the case, student and user rows are only read, for names. */

export interface CrisisRow {
  caseId: string;
  studentId: string;
  studentName: string;
  grade: number;
  className: string;
  source: string;
  sourceAlertId: string | null;
  tier: CrisisTier;
  reason: string;
  status: 'open' | 'monitoring' | 'closed';
  openedOn: string;
  counselorId: string;
  counselorName: string;
  closedOn: string | null;
  closedReason: string | null;
}

const CRISIS_SELECT = `
  SELECT k.case_id AS caseId, c.student_id AS studentId, s.name AS studentName, s.grade, s.class_name AS className,
    k.source, k.source_alert_id AS sourceAlertId, k.tier, k.reason, k.status, c.opened_on AS openedOn,
    c.counselor_id AS counselorId, u.display_name AS counselorName, k.closed_on AS closedOn, k.closed_reason AS closedReason
  FROM crisis_cases k JOIN cases c ON c.id = k.case_id AND c.deleted_at IS NULL
  JOIN students s ON s.id = c.student_id JOIN users u ON u.id = c.counselor_id`;

export function getCrisis(db: Database, caseId: string): CrisisRow | null {
  return (stmt(db, `${CRISIS_SELECT} WHERE k.case_id = ?`).get(caseId) as CrisisRow | undefined) ?? null;
}

/** Cases not closed, as the board lists them. */
export function activeCrises(db: Database): CrisisRow[] {
  return stmt(db, `${CRISIS_SELECT} WHERE k.status <> 'closed' ORDER BY c.opened_on, k.created_at`).all() as CrisisRow[];
}

export function insertCrisis(
  db: Database,
  k: { caseId: string; source: string; sourceAlertId: string | null; tier: CrisisTier; reason: string },
  now: number,
): void {
  stmt(
    db,
    `INSERT INTO crisis_cases (case_id, source, source_alert_id, tier, reason, status, created_at, updated_at)
     VALUES (@caseId, @source, @sourceAlertId, @tier, @reason, 'open', @now, @now)`,
  ).run({ ...k, now });
}

export function setCrisisField(db: Database, caseId: string, field: 'tier' | 'status', value: string, now: number): void {
  const column = field === 'tier' ? 'tier' : 'status';
  stmt(db, `UPDATE crisis_cases SET ${column} = ?, updated_at = ? WHERE case_id = ?`).run(value, now, caseId);
}

export function closeCrisis(db: Database, caseId: string, closedOn: string, reason: string, now: number): void {
  stmt(db, `UPDATE crisis_cases SET status = 'closed', closed_on = ?, closed_reason = ?, updated_at = ? WHERE case_id = ?`).run(closedOn, reason, now, caseId);
}

export interface StepRow {
  caseId: string;
  step: CrisisStep;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  state: 'open' | 'done' | 'notApplicable';
  stateReason: string;
  doneOn: string | null;
  entryCount: number;
}

const STEP_SELECT = `
  SELECT p.case_id AS caseId, p.step, p.owner_id AS ownerId, u.display_name AS ownerName, p.due_on AS dueOn,
    p.state, p.state_reason AS stateReason, p.done_on AS doneOn,
    (SELECT count(*) FROM crisis_entries e WHERE e.case_id = p.case_id AND e.step = p.step) AS entryCount
  FROM crisis_steps p JOIN users u ON u.id = p.owner_id`;

/** The steps of some cases, each case's in the method's order. */
export function stepsOf(db: Database, caseIds: readonly string[]): StepRow[] {
  const rows = stmt(db, `${STEP_SELECT} WHERE p.case_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(caseIds)) as StepRow[];
  const byCase = (a: StepRow, b: StepRow) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
  return rows.sort((a, b) => byCase(a, b) || CRISIS_STEPS.indexOf(a.step) - CRISIS_STEPS.indexOf(b.step));
}

export function insertStep(db: Database, s: { caseId: string; step: CrisisStep; ownerId: string; dueOn: string }): void {
  stmt(db, `INSERT INTO crisis_steps (case_id, step, owner_id, due_on, state) VALUES (@caseId, @step, @ownerId, @dueOn, 'open')`).run(s);
}

export function updateStep(db: Database, s: Pick<StepRow, 'caseId' | 'step' | 'ownerId' | 'dueOn' | 'state' | 'stateReason' | 'doneOn'>): void {
  stmt(
    db,
    `UPDATE crisis_steps SET owner_id = @ownerId, due_on = @dueOn, state = @state, state_reason = @stateReason, done_on = @doneOn
     WHERE case_id = @caseId AND step = @step`,
  ).run(s);
}

export function insertChange(
  db: Database,
  c: { caseId: string; field: 'tier' | 'owner' | 'dueOn' | 'state' | 'status'; step: CrisisStep | null; from: string | null; to: string; reason: string; by: string },
  now: number,
): void {
  stmt(
    db,
    `INSERT INTO crisis_changes (id, case_id, field, step, from_value, to_value, reason, changed_by, changed_at)
     VALUES (@id, @caseId, @field, @step, @from, @to, @reason, @by, @now)`,
  ).run({ ...c, id: uuidv7(now), now });
}

/** A case's changes in order; an owner's change names the counselors (the audit row keeps their ids). */
export function changesOf(db: Database, caseId: string) {
  return stmt(
    db,
    `SELECT h.field, h.step,
       CASE WHEN h.field = 'owner' THEN (SELECT display_name FROM users WHERE id = h.from_value) ELSE h.from_value END AS "from",
       CASE WHEN h.field = 'owner' THEN (SELECT display_name FROM users WHERE id = h.to_value) ELSE h.to_value END AS "to",
       h.reason, u.display_name AS byName, h.changed_at AS at
     FROM crisis_changes h JOIN users u ON u.id = h.changed_by WHERE h.case_id = ? ORDER BY h.changed_at, h.rowid`,
  ).all(caseId) as { field: 'tier' | 'owner' | 'dueOn' | 'state' | 'status'; step: CrisisStep | null; from: string | null; to: string; reason: string; byName: string; at: number }[];
}

/** The rows an entry names, kept as columns besides its JSON fields. */
export interface EntryRefs {
  partnerId: string | null;
  peerId: string | null;
  referralId: string | null;
  appointmentId: string | null;
}

export function insertEntry(db: Database, e: { caseId: string; step: CrisisStep; entry: EntryInput; refs: EntryRefs; by: string }, now: number): string {
  const id = uuidv7(now);
  const { kind, date, ...fields } = e.entry;
  stmt(
    db,
    `INSERT INTO crisis_entries (id, case_id, step, kind, entry_date, fields, partner_id, peer_id, referral_id, appointment_id, created_by, created_at)
     VALUES (@id, @caseId, @step, @kind, @date, @fields, @partnerId, @peerId, @referralId, @appointmentId, @by, @now)`,
  ).run({ id, caseId: e.caseId, step: e.step, kind, date, fields: JSON.stringify(fields), ...e.refs, by: e.by, now });
  return id;
}

interface EntryRow {
  id: string;
  step: CrisisStep;
  kind: EntryInput['kind'];
  date: string;
  fields: string;
  createdAt: number;
  createdByName: string;
  refLabel: string | null;
}

/** A case's entries in date order, each with the name of the partner or supporter, the appointment's day or the form's scale and date it refers to. */
export function entriesOf(db: Database, caseId: string): EntryView[] {
  const rows = stmt(
    db,
    `SELECT e.id, e.step, e.kind, e.entry_date AS date, e.fields, e.created_at AS createdAt, u.display_name AS createdByName,
       coalesce(
         rp.name || CASE WHEN rp.department <> '' THEN ' ' || rp.department ELSE '' END,
         ps.name || ' ' || ps.class_name,
         a.date || ' ' || printf('%02d:%02d', a.start_min / 60, a.start_min % 60),
         f.scale_id || ' ' || f.date,
         (SELECT r2.name FROM crisis_entries re JOIN referral_partners r2 ON r2.id = re.partner_id WHERE re.id = e.referral_id)
       ) AS refLabel
     FROM crisis_entries e JOIN users u ON u.id = e.created_by
     LEFT JOIN referral_partners rp ON rp.id = e.partner_id
     LEFT JOIN peer_supporters p ON p.id = e.peer_id LEFT JOIN students ps ON ps.id = p.student_id
     LEFT JOIN appointments a ON a.id = e.appointment_id
     LEFT JOIN forms f ON e.kind = 'assessmentLink' AND f.id = json_extract(e.fields, '$.formId')
     WHERE e.case_id = ? ORDER BY e.entry_date, e.created_at, e.rowid`,
  ).all(caseId) as EntryRow[];
  return rows.map(({ fields, refLabel, ...r }) => ({ ...r, ...(JSON.parse(fields) as object), refLabel: refLabel ?? '' }) as EntryView);
}

export function getEntryHead(db: Database, id: string) {
  return (stmt(db, 'SELECT id, case_id AS caseId, kind, entry_date AS date FROM crisis_entries WHERE id = ?').get(id) as
    | { id: string; caseId: string; kind: string; date: string }
    | undefined) ?? null;
}

/** The earliest dated entry of a step, per case (the first intervention). */
export function firstEntryDates(db: Database, step: CrisisStep): Map<string, string> {
  const rows = stmt(db, 'SELECT case_id AS caseId, min(entry_date) AS first FROM crisis_entries WHERE step = ? GROUP BY case_id').all(step) as { caseId: string; first: string }[];
  return new Map(rows.map((r) => [r.caseId, r.first]));
}

/** The student a form is of (null for none): a form linked to a crisis case must be its student's. */
export function formStudentOf(db: Database, formId: string): string | null {
  return (stmt(db, 'SELECT student_id AS studentId FROM forms WHERE id = ?').get(formId) as { studentId: string } | undefined)?.studentId ?? null;
}

/** Whether a peer supporter was assigned to the case: only they report on it. */
export function peerAssigned(db: Database, caseId: string, peerId: string): boolean {
  return stmt(db, "SELECT 1 FROM crisis_entries WHERE case_id = ? AND kind = 'peerAssigned' AND peer_id = ?").get(caseId, peerId) !== undefined;
}

export function countEntries(db: Database, caseId: string, kind: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM crisis_entries WHERE case_id = ? AND kind = ?').get(caseId, kind) as { n: number }).n;
}

export function insertReview(db: Database, r: { caseId: string; date: string; attendees: string; decision: string; nextReviewOn: string | null; by: string }, now: number): void {
  stmt(
    db,
    `INSERT INTO crisis_reviews (id, case_id, meeting_date, attendees, decision, next_review_on, created_by, created_at)
     VALUES (@id, @caseId, @date, @attendees, @decision, @nextReviewOn, @by, @now)`,
  ).run({ ...r, id: uuidv7(now), now });
}

export function reviewsOf(db: Database, caseId: string) {
  return stmt(
    db,
    `SELECT r.id, r.meeting_date AS date, r.attendees, r.decision, r.next_review_on AS nextReviewOn, u.display_name AS createdByName
     FROM crisis_reviews r JOIN users u ON u.id = r.created_by WHERE r.case_id = ? ORDER BY r.meeting_date, r.created_at`,
  ).all(caseId) as { id: string; date: string; attendees: string; decision: string; nextReviewOn: string | null; createdByName: string }[];
}

/** Per case, the last review meeting's next date and date (for the board's review reminder). */
export function lastReviews(db: Database): Map<string, { date: string; nextReviewOn: string | null }> {
  const rows = stmt(
    db,
    `SELECT case_id AS caseId, meeting_date AS date, next_review_on AS nextReviewOn FROM crisis_reviews r
     WHERE r.rowid = (SELECT r2.rowid FROM crisis_reviews r2 WHERE r2.case_id = r.case_id ORDER BY r2.meeting_date DESC, r2.created_at DESC LIMIT 1)`,
  ).all() as { caseId: string; date: string; nextReviewOn: string | null }[];
  return new Map(rows.map(({ caseId, ...r }) => [caseId, r]));
}

/** Alert raised instants of the alerts crisis cases came from; with a period, of the cases opened in it. */
export function alertRaisedAt(db: Database, opened?: { from: string; to: string }): { caseId: string; raisedAt: number }[] {
  return stmt(
    db,
    `SELECT k.case_id AS caseId, a.raised_at AS raisedAt FROM crisis_cases k JOIN alerts a ON a.id = k.source_alert_id
     JOIN cases c ON c.id = k.case_id AND c.deleted_at IS NULL
     WHERE @from IS NULL OR c.opened_on BETWEEN @from AND @to`,
  ).all({ from: opened?.from ?? null, to: opened?.to ?? null }) as { caseId: string; raisedAt: number }[];
}

// ---- aggregates other areas read (statistics, compliance): counts and dates only, no id, no name ----

/** Crisis cases opened in a period, by tier and present status. */
export function casesByTierStatus(db: Database, from: string, to: string): { tier: CrisisTier; status: string; count: number }[] {
  return stmt(
    db,
    `SELECT k.tier, k.status, count(*) AS count FROM crisis_cases k JOIN cases c ON c.id = k.case_id AND c.deleted_at IS NULL
     WHERE c.opened_on BETWEEN ? AND ? GROUP BY k.tier, k.status`,
  ).all(from, to) as { tier: CrisisTier; status: string; count: number }[];
}

/** The steps due in a period with their state and dates. */
export function stepsDueIn(db: Database, from: string, to: string): { step: CrisisStep; state: string; dueOn: string; doneOn: string | null }[] {
  return stmt(
    db,
    `SELECT s.step, s.state, s.due_on AS dueOn, s.done_on AS doneOn FROM crisis_steps s JOIN cases c ON c.id = s.case_id AND c.deleted_at IS NULL
     WHERE s.due_on BETWEEN ? AND ?`,
  ).all(from, to) as { step: CrisisStep; state: string; dueOn: string; doneOn: string | null }[];
}

/**
 * Referrals written in a period: each one's date, whether anything followed it (the partner's
 * receipt or feedback naming it, or a return-to-school review of the case on or after it), and
 * whether the partner's feedback came back.
 */
export function referralsIn(db: Database, from: string, to: string): { date: string; followedUp: number; feedback: number }[] {
  return stmt(
    db,
    `SELECT r.entry_date AS date,
       EXISTS (SELECT 1 FROM crisis_entries f WHERE (f.referral_id = r.id AND f.kind IN ('receipt', 'feedback'))
                 OR (f.case_id = r.case_id AND f.kind = 'returnReview' AND f.entry_date >= r.entry_date)) AS followedUp,
       EXISTS (SELECT 1 FROM crisis_entries f WHERE f.referral_id = r.id AND f.kind = 'feedback') AS feedback
     FROM crisis_entries r JOIN cases c ON c.id = r.case_id AND c.deleted_at IS NULL
     WHERE r.kind = 'referral' AND r.entry_date BETWEEN ? AND ?`,
  ).all(from, to) as { date: string; followedUp: number; feedback: number }[];
}

export function sourceAlertOf(db: Database, alertId: string) {
  return (stmt(db, 'SELECT id, scale_id AS scaleId, severity, raised_at AS raisedAt FROM alerts WHERE id = ?').get(alertId) as
    | { id: string; scaleId: string; severity: string; raisedAt: number }
    | undefined) ?? null;
}

// Referral partners.

export interface PartnerRow {
  id: string;
  name: string;
  department: string;
  contact: string;
  agreementOnFile: boolean;
  agreementNote: string;
  active: boolean;
}

const PARTNER_SELECT = `SELECT id, name, department, contact, agreement_on_file AS agreementOnFile, agreement_note AS agreementNote, active FROM referral_partners`;
const partnerOf = (r: Record<string, unknown>): PartnerRow => ({ ...(r as unknown as PartnerRow), agreementOnFile: r.agreementOnFile === 1, active: r.active === 1 });

export function listPartners(db: Database, includeInactive: boolean): PartnerRow[] {
  return (stmt(db, `${PARTNER_SELECT} WHERE active = 1 OR ? ORDER BY name`).all(includeInactive ? 1 : 0) as Record<string, unknown>[]).map(partnerOf);
}

export function getPartner(db: Database, id: string): PartnerRow | null {
  const r = stmt(db, `${PARTNER_SELECT} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? partnerOf(r) : null;
}

export function savePartner(db: Database, p: Omit<PartnerRow, 'id'> & { id?: string | undefined }, now: number): string {
  const id = p.id ?? uuidv7(now);
  stmt(
    db,
    `INSERT INTO referral_partners (id, name, department, contact, agreement_on_file, agreement_note, active, created_at, updated_at)
     VALUES (@id, @name, @department, @contact, @agreementOnFile, @agreementNote, @active, @now, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, department = excluded.department, contact = excluded.contact,
       agreement_on_file = excluded.agreement_on_file, agreement_note = excluded.agreement_note, active = excluded.active, updated_at = excluded.updated_at`,
  ).run({ ...p, id, agreementOnFile: p.agreementOnFile ? 1 : 0, active: p.active ? 1 : 0, now });
  return id;
}

// Peer supporters and their weekly class reports.

export interface PeerRow {
  id: string;
  studentId: string;
  studentName: string;
  grade: number;
  className: string;
  since: string;
  active: boolean;
}

const PEER_SELECT = `SELECT p.id, p.student_id AS studentId, s.name AS studentName, s.grade, s.class_name AS className, p.since, p.active
  FROM peer_supporters p JOIN students s ON s.id = p.student_id`;
const peerOf = (r: Record<string, unknown>): PeerRow => ({ ...(r as unknown as PeerRow), active: r.active === 1 });

export function listPeers(db: Database, includeInactive: boolean): PeerRow[] {
  return (stmt(db, `${PEER_SELECT} WHERE (p.active = 1 OR ?) AND s.deleted_at IS NULL ORDER BY s.grade, s.class_name, s.name`).all(includeInactive ? 1 : 0) as Record<string, unknown>[]).map(peerOf);
}

export function getPeer(db: Database, id: string): PeerRow | null {
  const r = stmt(db, `${PEER_SELECT} WHERE p.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? peerOf(r) : null;
}

export function peerIdOfStudent(db: Database, studentId: string): string | null {
  return (stmt(db, 'SELECT id FROM peer_supporters WHERE student_id = ?').get(studentId) as { id: string } | undefined)?.id ?? null;
}

export function savePeer(db: Database, p: { id: string | null; studentId: string; since: string; active: boolean }, now: number): string {
  const id = p.id ?? uuidv7(now);
  stmt(
    db,
    `INSERT INTO peer_supporters (id, student_id, since, active, created_at, updated_at) VALUES (@id, @studentId, @since, @active, @now, @now)
     ON CONFLICT (id) DO UPDATE SET since = excluded.since, active = excluded.active, updated_at = excluded.updated_at`,
  ).run({ ...p, id, active: p.active ? 1 : 0, now });
  return id;
}

const WEATHER_SELECT = `SELECT w.id, w.peer_id AS peerId, s.grade, s.class_name AS className, w.week_start AS weekOf, w.weather, w.note
  FROM class_weather w JOIN peer_supporters p ON p.id = w.peer_id JOIN students s ON s.id = p.student_id`;

export function insertWeather(db: Database, w: { peerId: string; weekStart: string; weather: string; note: string; by: string }, now: number): string {
  const id = uuidv7(now);
  stmt(db, `INSERT INTO class_weather (id, peer_id, week_start, weather, note, created_by, created_at) VALUES (@id, @peerId, @weekStart, @weather, @note, @by, @now)`).run({
    ...w,
    id,
    now,
  });
  return id;
}

export function weatherOfWeek(db: Database, weekStart: string) {
  return stmt(db, `${WEATHER_SELECT} WHERE w.week_start = ? ORDER BY s.grade, s.class_name`).all(weekStart) as {
    id: string;
    peerId: string;
    grade: number;
    className: string;
    weekOf: string;
    weather: 'calm' | 'someConcern' | 'concern';
    note: string;
  }[];
}

export function getWeather(db: Database, id: string) {
  return stmt(db, `${WEATHER_SELECT} WHERE w.id = ?`).get(id) as ReturnType<typeof weatherOfWeek>[number];
}

export function weatherExists(db: Database, peerId: string, weekStart: string): boolean {
  return stmt(db, 'SELECT 1 FROM class_weather WHERE peer_id = ? AND week_start = ?').get(peerId, weekStart) !== undefined;
}

// The written crisis procedure.

const PLAN_HEAD = 'SELECT version, effective_on AS effectiveOn, saved_at AS savedAt';

/** The version in force: the latest effective date not after today, the latest saved on a tie. */
export function currentPlan(db: Database, today: string) {
  return (stmt(db, `${PLAN_HEAD}, body AS text FROM crisis_plans WHERE effective_on <= ? ORDER BY effective_on DESC, saved_at DESC LIMIT 1`).get(today) as
    | { version: string; effectiveOn: string; savedAt: number; text: string }
    | undefined) ?? null;
}

export function planVersions(db: Database) {
  return stmt(db, `${PLAN_HEAD} FROM crisis_plans ORDER BY effective_on DESC, saved_at DESC`).all() as { version: string; effectiveOn: string; savedAt: number }[];
}

export function planExists(db: Database, version: string): boolean {
  return stmt(db, 'SELECT 1 FROM crisis_plans WHERE version = ?').get(version) !== undefined;
}

export function insertPlan(db: Database, p: { version: string; effectiveOn: string; text: string; by: string }, now: number): void {
  stmt(db, 'INSERT INTO crisis_plans (version, effective_on, body, saved_by, saved_at) VALUES (@version, @effectiveOn, @text, @by, @now)').run({ ...p, now });
}
