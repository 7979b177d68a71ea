import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CampaignView, ParticipantView, TriageEntryView } from '../../../shared/api/campaigns';
import type { CONSENT_STATES, PARTICIPANT_OUTCOMES, TRIAGE_PRIORITIES, TRIAGE_STATES } from '../../../shared/api/campaigns';
import { uuidv7 } from '../../../shared/ids';
import { groupSpan } from '../../db/group-span';
import { stmt } from '../../db/statements';
import { PRIORITY_RANK, QUEUE_KEY, queueOrder } from './triage-order';

type Consent = (typeof CONSENT_STATES)[number];
type Outcome = (typeof PARTICIPANT_OUTCOMES)[number];
export type TriagePriority = (typeof TRIAGE_PRIORITIES)[number];
export type TriageState = (typeof TRIAGE_STATES)[number];

/** A scale as the campaign pins it; its titles are read from the definition when the campaign is shown. */
export interface PinnedScale {
  scaleId: string;
  version: string;
}

export type CampaignRow = Omit<CampaignView, 'progress' | 'scales'> & { scales: PinnedScale[] };

const SELECT_CAMPAIGN = `
  SELECT id, name, scales_json AS scalesJson, grades_json AS gradesJson, classes_json AS classesJson, start_date AS startDate,
    end_date AS endDate, status, rescreen_of AS rescreenOf, note, created_at AS createdAt
  FROM campaigns`;

type RawCampaign = Omit<CampaignRow, 'scales' | 'grades' | 'classNames'> & { scalesJson: string; gradesJson: string; classesJson: string };

const campaignRow = ({ scalesJson, gradesJson, classesJson, ...r }: RawCampaign): CampaignRow => ({
  ...r,
  scales: JSON.parse(scalesJson) as CampaignRow['scales'],
  grades: JSON.parse(gradesJson) as number[],
  classNames: JSON.parse(classesJson) as string[],
});

export function getCampaign(db: Database, id: string): CampaignRow | null {
  const r = stmt(db, `${SELECT_CAMPAIGN} WHERE id = ?`).get(id) as RawCampaign | undefined;
  return r ? campaignRow(r) : null;
}

/** Every campaign, newest first; the service filters by the status their dates give them. */
export function listCampaigns(db: Database): CampaignRow[] {
  return (stmt(db, `${SELECT_CAMPAIGN} ORDER BY start_date DESC, created_at DESC, id DESC`).all() as RawCampaign[]).map(campaignRow);
}

export type NewCampaign = Pick<CampaignRow, 'name' | 'scales' | 'grades' | 'classNames' | 'startDate' | 'endDate' | 'rescreenOf' | 'note'> & { createdBy: string };

export function insertCampaign(db: Database, c: NewCampaign, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO campaigns (id, name, scales_json, grades_json, classes_json, start_date, end_date, rescreen_of, note, created_by, created_at)
     VALUES (@id, @name, @scalesJson, @gradesJson, @classesJson, @startDate, @endDate, @rescreenOf, @note, @createdBy, @now)`,
  ).run({
    id,
    name: c.name,
    scalesJson: JSON.stringify(c.scales),
    gradesJson: JSON.stringify(c.grades),
    classesJson: JSON.stringify(c.classNames),
    startDate: c.startDate,
    endDate: c.endDate,
    rescreenOf: c.rescreenOf,
    note: c.note,
    createdBy: c.createdBy,
    now,
  });
  return id;
}

export function updateCampaign(db: Database, c: Pick<CampaignRow, 'id' | 'name' | 'startDate' | 'endDate' | 'note' | 'status'>): void {
  stmt(db, 'UPDATE campaigns SET name = @name, start_date = @startDate, end_date = @endDate, note = @note, status = @status WHERE id = @id').run(c);
}

/** Exact counts; withholding for a principal happens in the service. */
export type Progress = { [K in keyof CampaignView['progress']]: number };

/** The first form given in a planned campaign puts it under way, whatever its start date said. */
export function activateCampaign(db: Database, id: string): void {
  stmt(db, `UPDATE campaigns SET status = 'active' WHERE id = ? AND status = 'planned'`).run(id);
}

/**
 * Progress counts of several campaigns: the participants counted by outcome and both consents in
 * campaign_participants_progress's order (at most 36 groups a campaign, no row read), folded here.
 */
export function progressOf(db: Database, ids: readonly string[]): Map<string, Progress> {
  const groups = stmt(
    db,
    `SELECT campaign_id AS id, outcome, student_consent AS student, guardian_consent AS guardian, count(*) AS n
     FROM campaign_participants WHERE campaign_id IN (SELECT value FROM json_each(?))
     GROUP BY campaign_id, outcome, student_consent, guardian_consent`,
  ).all(JSON.stringify(ids)) as { id: string; outcome: Outcome; student: Consent; guardian: Consent; n: number }[];
  const open = new Map(
    (
      stmt(
        db,
        `SELECT campaign_id AS id, count(*) AS n FROM triage_entries
         WHERE campaign_id IN (SELECT value FROM json_each(?)) AND state = 'toReview' GROUP BY campaign_id`,
      ).all(JSON.stringify(ids)) as { id: string; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  const out = new Map<string, Progress>();
  for (const g of groups) {
    let p = out.get(g.id);
    if (!p) {
      p = { participants: 0, pending: 0, done: 0, declined: 0, absent: 0, consentGiven: 0, consentPending: 0, consentDeclined: 0, triageOpen: open.get(g.id) ?? 0 };
      out.set(g.id, p);
    }
    p.participants += g.n;
    p[g.outcome] += g.n;
    // Given needs both slips; one declined slip is a declined consent; anything else is still pending.
    if (g.student === 'given' && g.guardian === 'given') p.consentGiven += g.n;
    else if (g.student === 'declined' || g.guardian === 'declined') p.consentDeclined += g.n;
    else p.consentPending += g.n;
  }
  return out;
}

/** Active students of the grades (and classes, when given) a campaign targets, by grade, class and 学号. */
export function targetStudents(db: Database, grades: readonly number[], classNames: readonly string[]): { id: string; grade: number; className: string }[] {
  return stmt(
    db,
    `SELECT id, grade, class_name AS className FROM students
     WHERE deleted_at IS NULL AND status = 'active' AND grade IN (SELECT value FROM json_each(@grades))
       AND (json_array_length(@classes) = 0 OR class_name IN (SELECT value FROM json_each(@classes)))
     ORDER BY grade, class_name, student_no`,
  ).all({ grades: JSON.stringify(grades), classes: JSON.stringify(classNames) }) as { id: string; grade: number; className: string }[];
}

export interface NewParticipant {
  studentId: string;
  studentConsent: Consent;
  guardianConsent: Consent;
}

export function insertParticipants(db: Database, campaignId: string, rows: readonly NewParticipant[], now: number): void {
  const insert = stmt(
    db,
    `INSERT INTO campaign_participants (campaign_id, student_id, student_consent, guardian_consent, outcome, updated_at, grade, class_name)
     SELECT @campaignId, s.id, @studentConsent, @guardianConsent,
       CASE WHEN @studentConsent = 'declined' OR @guardianConsent = 'declined' THEN 'declined' ELSE 'pending' END, @now, s.grade, s.class_name
     FROM students s WHERE s.id = @studentId`,
  );
  // The grade and class are the student's at the time of the screening: a later 升级 leaves them be.
  for (const p of rows) insert.run({ campaignId, ...p, now });
}

export interface ParticipantRow {
  studentId: string;
  studentConsent: Consent;
  guardianConsent: Consent;
  outcome: Outcome;
}

/** The participants of a campaign, by student id (for checking a list of ids against it). */
export function participantMap(db: Database, campaignId: string): Map<string, ParticipantRow> {
  const rows = stmt(
    db,
    `SELECT student_id AS studentId, student_consent AS studentConsent, guardian_consent AS guardianConsent, outcome
     FROM campaign_participants WHERE campaign_id = ?`,
  ).all(campaignId) as ParticipantRow[];
  return new Map(rows.map((r) => [r.studentId, r]));
}

export function isParticipant(db: Database, campaignId: string, studentId: string): boolean {
  return stmt(db, 'SELECT 1 FROM campaign_participants WHERE campaign_id = ? AND student_id = ?').get(campaignId, studentId) !== undefined;
}

export interface ParticipantFilter {
  class?: { grade: number; className: string } | undefined;
  outcome?: Outcome | undefined;
}

/** The filter as bound parameters; a null one matches every participant. */
function filterParams(campaignId: string, f: ParticipantFilter) {
  return { campaignId, grade: f.class?.grade ?? null, className: f.class?.className ?? null, outcome: f.outcome ?? null };
}

/** The filter on campaign_participants_list's columns: no student row needed. */
const FILTER = `p.campaign_id = @campaignId AND (@grade IS NULL OR (p.grade = @grade AND p.class_name = @className))
       AND (@outcome IS NULL OR p.outcome = @outcome)`;

/**
 * The list order: grade, class, 学号 (the student id only breaks a tie of 学号, between a student in
 * the trash and one who has their number now). campaign_participants_list walks a campaign class by
 * class (migration 017), so only a class's rows are sorted by 学号.
 */
const LIST_ORDER = 'ORDER BY p.grade, p.class_name, s.student_no, p.student_id';

/**
 * A participant's 学号 for the order, read from students_id_no (id, student_no) without the
 * student's row. Named, because SQLite prefers the unique index on id and then reads each row for
 * its 学号: the ids of a 6,000-participant campaign took 13.8 ms that way against 8.4 ms from this
 * index (plain copy of the 10-year school, same run).
 */
const STUDENT_NO = 'JOIN students s INDEXED BY students_id_no ON s.id = p.student_id';

/** Every participant id of the filter in list order. */
export function participantIds(db: Database, campaignId: string, f: ParticipantFilter): string[] {
  return stmt(db, `SELECT p.student_id FROM campaign_participants p ${STUDENT_NO} WHERE ${FILTER} ${LIST_ORDER}`)
    .pluck()
    .all(filterParams(campaignId, f)) as string[];
}

/** The filter's participants counted per class, in list order: read from campaign_participants_list alone. */
export function participantsPerClass(db: Database, campaignId: string, f: ParticipantFilter): { grade: number; className: string; count: number }[] {
  return stmt(
    db,
    `SELECT p.grade, p.class_name AS className, count(*) AS count FROM campaign_participants p WHERE ${FILTER}
     GROUP BY p.grade, p.class_name ORDER BY p.grade, p.class_name`,
  ).all(filterParams(campaignId, f)) as { grade: number; className: string; count: number }[];
}

/** The campaign's classes by grade then name. */
export function participantClasses(db: Database, campaignId: string): { grade: number; className: string }[] {
  return stmt(db, `SELECT DISTINCT grade, class_name AS className FROM campaign_participants WHERE campaign_id = ? ORDER BY grade, class_name`).all(campaignId) as {
    grade: number;
    className: string;
  }[];
}

/**
 * One page of the filtered list with each participant's completed scales. The filter's counts per
 * class (`perClass`, participantsPerClass) say which classes the page falls in; only those are read
 * (a range of campaign_participants_list) and sorted by 学号, so page 120 of a 6,000-participant
 * campaign costs what the first does. The full rows and completed scales are read for the page alone.
 */
export function participantPage(
  db: Database,
  campaignId: string,
  f: ParticipantFilter,
  perClass: readonly { grade: number; className: string; count: number }[],
  page: { offset: number; limit: number },
): Omit<ParticipantView, 'missingScales'>[] {
  const span = groupSpan(perClass, page.offset, page.limit);
  const first = span.groups[0];
  const last = span.groups.at(-1);
  if (!first || !last) return [];
  const rows = stmt(
    db,
    `SELECT p.student_id AS studentId, s.student_no AS studentNo, s.name, p.grade, p.class_name AS className,
       p.student_consent AS studentConsent, p.guardian_consent AS guardianConsent, p.outcome, p.note,
       (SELECT json_group_array(DISTINCT f.scale_id) FROM forms f
        WHERE f.campaign_id = p.campaign_id AND f.student_id = p.student_id AND f.status = 'completed') AS completedJson
     FROM (SELECT p.student_id AS id, p.grade, p.class_name, s.student_no FROM campaign_participants p ${STUDENT_NO}
           WHERE ${FILTER} AND (p.grade, p.class_name) >= (@fromGrade, @fromClass) AND (p.grade, p.class_name) <= (@toGrade, @toClass)
           ${LIST_ORDER} LIMIT @limit OFFSET @skip) l
     JOIN campaign_participants p ON p.campaign_id = @campaignId AND p.student_id = l.id
     JOIN students s ON s.id = l.id
     -- Ordered by the page's own columns: ordered by p's, SQLite walks the whole campaign in
     -- p's index order to spare the sort of 50 rows, and looks each one up in the page.
     ORDER BY l.grade, l.class_name, l.student_no, l.id`,
  ).all({
    ...filterParams(campaignId, f),
    fromGrade: first.grade,
    fromClass: first.className,
    toGrade: last.grade,
    toClass: last.className,
    limit: page.limit,
    skip: span.skip,
  }) as (Omit<ParticipantView, 'completedScales'> & { completedJson: string })[];
  return rows.map(({ completedJson, ...r }) => ({ ...r, completedScales: (JSON.parse(completedJson) as string[]).sort() }));
}

/** A returned slip; a declined one makes the outcome declined unless the student has already been screened. */
export function setParticipantConsent(db: Database, campaignId: string, e: { studentId: string; studentConsent?: Consent | undefined; guardianConsent?: Consent | undefined }, now: number): boolean {
  const r = stmt(
    db,
    `UPDATE campaign_participants SET
       student_consent = coalesce(@studentConsent, student_consent),
       guardian_consent = coalesce(@guardianConsent, guardian_consent),
       outcome = CASE WHEN outcome <> 'done' AND (@studentConsent = 'declined' OR @guardianConsent = 'declined') THEN 'declined' ELSE outcome END,
       updated_at = @now
     WHERE campaign_id = @campaignId AND student_id = @studentId
       AND (student_consent IS NOT coalesce(@studentConsent, student_consent) OR guardian_consent IS NOT coalesce(@guardianConsent, guardian_consent))`,
  ).run({ campaignId, studentId: e.studentId, studentConsent: e.studentConsent ?? null, guardianConsent: e.guardianConsent ?? null, now });
  return r.changes > 0;
}

export function setParticipantOutcome(db: Database, campaignId: string, studentId: string, outcome: Outcome, note: string | null, now: number): void {
  stmt(
    db,
    `UPDATE campaign_participants SET outcome = @outcome, note = coalesce(@note, note), updated_at = @now
     WHERE campaign_id = @campaignId AND student_id = @studentId`,
  ).run({ campaignId, studentId, outcome, note, now });
}

/** Whether the student has a completed form of every scale of the campaign. */
const ALL_SCALES_DONE = `NOT EXISTS (
  SELECT 1 FROM campaigns c, json_each(c.scales_json) sc WHERE c.id = @campaignId
    AND NOT EXISTS (SELECT 1 FROM forms f WHERE f.campaign_id = @campaignId AND f.student_id = @studentId AND f.status = 'completed'
                    AND f.scale_id = json_extract(sc.value, '$.scaleId')))`;

/** Screened is every scale done: a student with one scale of two still to take stays pending (or absent) for it. */
export function markDoneIfAllScales(db: Database, campaignId: string, studentId: string, now: number): void {
  stmt(
    db,
    `UPDATE campaign_participants SET outcome = 'done', updated_at = @now
     WHERE campaign_id = @campaignId AND student_id = @studentId AND outcome <> 'done' AND ${ALL_SCALES_DONE}`,
  ).run({ campaignId, studentId, now });
}

/** A voided form may have been one the student's "done" rested on: then they still have a scale to take. */
export function reopenIfIncomplete(db: Database, campaignId: string, studentId: string, now: number): void {
  stmt(
    db,
    `UPDATE campaign_participants SET outcome = 'pending', updated_at = @now
     WHERE campaign_id = @campaignId AND student_id = @studentId AND outcome = 'done' AND NOT ${ALL_SCALES_DONE}`,
  ).run({ campaignId, studentId, now });
}


/** Puts the student in the campaign's triage queue, or raises their priority; never lowers it, never resets the state. */
export function raiseTriage(db: Database, campaignId: string, studentId: string, priority: TriagePriority, now: number): void {
  stmt(
    db,
    `INSERT INTO triage_entries (campaign_id, student_id, priority, flagged_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, student_id) DO UPDATE SET priority = excluded.priority, updated_at = excluded.updated_at
     WHERE ${PRIORITY_RANK('excluded.priority')} < ${PRIORITY_RANK('triage_entries.priority')}`,
  ).run(campaignId, studentId, priority, now, now);
}

export function setTriageState(
  db: Database,
  t: { campaignId: string; studentId: string; state: TriageState; note: string | null; caseId: string | null; userId: string },
  now: number,
): void {
  stmt(
    db,
    `UPDATE triage_entries SET state = @state, note = coalesce(@note, note), case_id = coalesce(@caseId, case_id), updated_at = @now, updated_by = @userId
     WHERE campaign_id = @campaignId AND student_id = @studentId`,
  ).run({ ...t, now });
}

/** Moves an entry still waiting for review on (what handling an alert did); a later state is left as it is. */
export function advanceTriageFromReview(db: Database, t: { campaignId: string; studentId: string; state: TriageState; userId: string }, now: number): void {
  stmt(
    db,
    `UPDATE triage_entries SET state = @state, updated_at = @now, updated_by = @userId
     WHERE campaign_id = @campaignId AND student_id = @studentId AND state = 'toReview'`,
  ).run({ ...t, now });
}

type EntryRow = Omit<TriageEntryView, 'reasons'>;

/** Which entries of a campaign's queue: some states, or one student. Null matches every entry. */
export interface TriageFilter {
  states: readonly TriageState[] | null;
  studentId: string | null;
}

const triageParams = (campaignId: string, q: TriageFilter) => ({ campaignId, studentId: q.studentId, states: q.states === null ? null : JSON.stringify(q.states) });

/** The filtered queue in its order (triage-order.ts), walked along triage_entries_queue (migration 020). */
const FILTERED_QUEUE = `t.student_id AS id, ${QUEUE_KEY} FROM triage_entries t JOIN students s ON s.id = t.student_id
     WHERE t.campaign_id = @campaignId AND (@studentId IS NULL OR t.student_id = @studentId)
       AND (@states IS NULL OR t.state IN (SELECT value FROM json_each(@states)))
     ORDER BY ${queueOrder()}`;

/**
 * One page of the queue in its order. Grade and class are the ones the student had when screened.
 * The page is chosen on index columns only; the rows and the date of a re-screen are read for its
 * entries alone. A limit of -1 reads the whole filter.
 */
export function triageEntries(db: Database, campaignId: string, q: TriageFilter, page: { offset: number; limit: number } = { offset: 0, limit: -1 }): EntryRow[] {
  return stmt(
    db,
    `SELECT t.campaign_id AS campaignId, t.student_id AS studentId, s.student_no AS studentNo, s.name,
       coalesce(p.grade, s.grade) AS grade, coalesce(p.class_name, s.class_name) AS className,
       t.priority, t.state, t.note, t.case_id AS caseId, t.flagged_at AS flaggedAt, t.updated_at AS updatedAt, t.updated_by AS updatedBy,
       (SELECT c.start_date FROM campaign_participants rp JOIN campaigns c ON c.id = rp.campaign_id
        WHERE c.rescreen_of = t.campaign_id AND rp.student_id = t.student_id ORDER BY c.start_date DESC, c.created_at DESC LIMIT 1) AS rescreenDate
     FROM (SELECT ${FILTERED_QUEUE} LIMIT @limit OFFSET @offset) l
     JOIN triage_entries t ON t.campaign_id = @campaignId AND t.student_id = l.id
     JOIN students s ON s.id = l.id
     LEFT JOIN campaign_participants p ON p.campaign_id = t.campaign_id AND p.student_id = t.student_id
     ORDER BY ${queueOrder('l.')}`,
  ).all({ ...triageParams(campaignId, q), ...page }) as EntryRow[];
}

export function triageCount(db: Database, campaignId: string, q: TriageFilter): number {
  return stmt(
    db,
    `SELECT count(*) FROM triage_entries t WHERE t.campaign_id = @campaignId AND (@studentId IS NULL OR t.student_id = @studentId)
       AND (@states IS NULL OR t.state IN (SELECT value FROM json_each(@states)))`,
  )
    .pluck()
    .get(triageParams(campaignId, q)) as number;
}

/** Every student id of the filtered queue in its order: what 选择全部 selects across pages. */
export function triageIds(db: Database, campaignId: string, q: TriageFilter): string[] {
  return stmt(db, `SELECT ${FILTERED_QUEUE}`).pluck().all(triageParams(campaignId, q)) as string[];
}

export interface CampaignFormRow {
  id: string;
  studentId: string;
  scaleId: string;
  status: 'inProgress' | 'completed';
  completedAt: number | null;
  resultJson: string | null;
  /** The highest alert this form (or the form it was rescored from) raised. */
  alertSeverity: 'critical' | 'urgent' | 'followup' | null;
}

/** The campaign's forms that are not voided, of some students (a page of the queue), newest first per student and scale. */
export function triagedForms(db: Database, campaignId: string, studentIds: readonly string[]): CampaignFormRow[] {
  return stmt(
    db,
    `SELECT f.id, f.student_id AS studentId, f.scale_id AS scaleId, f.status, f.completed_at AS completedAt, f.result_json AS resultJson,
       (SELECT a.severity FROM alerts a WHERE a.form_id IN (f.id, f.derived_from)
        ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END LIMIT 1) AS alertSeverity
     FROM forms f
     WHERE f.campaign_id = @campaignId AND f.student_id IN (SELECT value FROM json_each(@studentIds)) AND f.status <> 'voided'
     ORDER BY f.student_id, f.scale_id, f.completed_at DESC, f.id DESC`,
  ).all({ campaignId, studentIds: JSON.stringify(studentIds) }) as CampaignFormRow[];
}

export function hasTriageEntry(db: Database, campaignId: string, studentId: string): boolean {
  return stmt(db, 'SELECT 1 FROM triage_entries WHERE campaign_id = ? AND student_id = ?').get(campaignId, studentId) !== undefined;
}

export interface GradeCounts {
  grade: number;
  participants: number;
  done: number;
  declined: number;
  absent: number;
  pending: number;
}

export function gradeCounts(db: Database, campaignId: string): GradeCounts[] {
  return stmt(
    db,
    `SELECT p.grade, count(*) AS participants, sum(p.outcome = 'done') AS done, sum(p.outcome = 'declined') AS declined,
       sum(p.outcome = 'absent') AS absent, sum(p.outcome = 'pending') AS pending
     FROM campaign_participants p
     WHERE p.campaign_id = ? GROUP BY p.grade ORDER BY p.grade`,
  ).all(campaignId) as GradeCounts[];
}

/** Participants of one grade whose latest completed form of a scale has this band (null: invalid, or a scale without bands). */
export interface BandCount {
  scaleId: string;
  grade: number;
  band: string | null;
  count: number;
}

/**
 * The band of each participant's latest completed form per scale (migration 016: of the scale's
 * headline subscale), counted by scale, grade and band from campaign_results (campaign-results.ts)
 * in the order of campaign_results_bands: no form, no participant row, no sort. The grouped pass
 * over the campaign's forms this replaces took ~10-13 ms for 6,000 participants × 2 scales.
 */
export function bandCounts(db: Database, campaignId: string, scaleIds: readonly string[]): BandCount[] {
  return stmt(
    db,
    `SELECT scale_id AS scaleId, grade, band_code AS band, count(*) AS count FROM campaign_results
     WHERE campaign_id = @campaignId AND scale_id IN (SELECT value FROM json_each(@scaleIds))
     GROUP BY scale_id, grade, band_code`,
  ).all({ campaignId, scaleIds: JSON.stringify(scaleIds) }) as BandCount[];
}

/** Pending participants who have taken some scales already, by grade and those scales: the summary's "still to screen" leaves them out per scale taken. */
export function pendingScreened(db: Database, campaignId: string): { grade: number; scaleIds: string[]; count: number }[] {
  const rows = stmt(
    db,
    `SELECT grade, screened, count(*) AS count FROM campaign_participants
     WHERE campaign_id = ? AND outcome = 'pending' AND screened <> '[]' GROUP BY grade, screened`,
  ).all(campaignId) as { grade: number; screened: string; count: number }[];
  return rows.map((r) => ({ grade: r.grade, scaleIds: JSON.parse(r.screened) as string[], count: r.count }));
}
