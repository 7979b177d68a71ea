import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TimelineEntry, TimelineKind } from '../../../shared/api/archive';
import type { StudentFields } from '../../../shared/api/students';
import { excerpt } from '../../../shared/domain/bigram-search';
import type { FormResult } from '../../../shared/domain/scales';
import { stmt } from '../../db/statements';
import { CASE_ACTIVITY, CATEGORIES_JSON, parseCategories } from './cases-repo';
import { sessionNumberSql } from '../groups/groups';

/**
 * The student's archive: one UNION over everything written about the student, paged in SQL
 * (only ids, dates and kinds), then the page's entries filled in with one query per kind.
 * Within a day, entries follow the order events take (consent; an assessment, the alerts it raised
 * and their handling; case opened, session, disclosure, addendum, contact and group session, case
 * closed), then the time each was written or, for a disclosure, informed. A group session counts
 * only where the student was marked present; an assessment once completed or voided (a form in
 * progress is not yet part of the record).
 */
const ENTRIES = `
  WITH visible_records AS (
    SELECT r.* FROM session_records r JOIN cases c ON c.id = r.case_id AND c.deleted_at IS NULL
    WHERE r.student_id = @studentId AND r.deleted_at IS NULL
  ),
  entries (kind, id, date, rank, at, case_id, record_id) AS (
    SELECT 'caseOpened', c.id, c.opened_on, 4, c.created_at, c.id, NULL FROM cases c
      WHERE c.student_id = @studentId AND c.deleted_at IS NULL
    UNION ALL
    SELECT 'caseClosed', c.id, c.closed_on, 9, c.closed_at, c.id, NULL FROM cases c
      WHERE c.student_id = @studentId AND c.deleted_at IS NULL AND c.status = 'closed'
    UNION ALL
    SELECT 'record', r.id, r.session_date, 5, r.created_at, r.case_id, r.id FROM visible_records r
    UNION ALL
    SELECT 'addendum', a.id, a.written_on, 7, a.created_at, r.case_id, r.id FROM record_addenda a JOIN visible_records r ON r.id = a.record_id
    UNION ALL
    SELECT 'disclosure', d.id, d.informed_on, 6, d.informed_at, r.case_id, r.id FROM disclosures d JOIN visible_records r ON r.id = d.record_id
    UNION ALL
    SELECT 'contact', k.id, k.contact_date, 8, k.created_at, c.id, NULL FROM contacts k
      LEFT JOIN cases c ON c.id = k.case_id AND c.deleted_at IS NULL
      WHERE k.student_id = @studentId AND k.deleted_at IS NULL
    UNION ALL
    SELECT 'consent', n.id, n.consent_date, 0, n.created_at, NULL, NULL FROM consents n WHERE n.student_id = @studentId
    UNION ALL
    SELECT 'groupSession', s.id, s.date, 8, s.created_at, NULL, NULL FROM group_attendance a
      JOIN group_sessions s ON s.id = a.session_id AND s.deleted_at IS NULL
      JOIN group_programs p ON p.id = s.program_id AND p.deleted_at IS NULL
      WHERE a.student_id = @studentId AND a.status = 'present'
    UNION ALL
    SELECT 'assessment', f.id, f.date, 1, coalesce(f.completed_at, f.started_at), NULL, NULL FROM forms f
      WHERE f.student_id = @studentId AND f.status <> 'inProgress'
    UNION ALL
    SELECT 'alertRaised', a.id, f.date, 2, a.raised_at, a.case_id, NULL FROM alerts a JOIN forms f ON f.id = a.form_id
      WHERE a.student_id = @studentId
    UNION ALL
    SELECT 'alertHandled', a.id, a.acknowledged_on, 3, a.acknowledged_at, a.case_id, NULL FROM alerts a
      WHERE a.student_id = @studentId AND a.acknowledged_at IS NOT NULL
    UNION ALL
    SELECT 'crisisStep', e.id, e.entry_date, 8, e.created_at, c.id, NULL FROM crisis_entries e
      JOIN cases c ON c.id = e.case_id AND c.deleted_at IS NULL
      WHERE c.student_id = @studentId
  ),
  chosen AS (
    SELECT * FROM entries
    WHERE kind IN (SELECT value FROM json_each(@kinds))
      AND (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to)
  )`;

export function studentHeader(db: Database, id: string) {
  return (
    (stmt(db, 'SELECT id, name, student_no AS studentNo, grade, class_name AS className, status FROM students WHERE id = ? AND deleted_at IS NULL').get(id) as
      | { id: string; name: string; studentNo: string; grade: number; className: string; status: StudentFields['status'] }
      | undefined) ?? null
  );
}

interface EntryRow {
  kind: TimelineKind;
  id: string;
  date: string;
  at: number;
  case_id: string | null;
  record_id: string | null;
}

/** An entry's details with its whole text, which only the referral export hands out. */
type Detail = Pick<TimelineEntry, 'tags' | 'signed' | 'actorName' | 'scaleId' | 'score' | 'bandLabel'> & { text: string };

export interface TimelineQuery {
  studentId: string;
  kinds: readonly TimelineKind[];
  from: string | null;
  to: string | null;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export function timeline(db: Database, q: TimelineQuery): { items: TimelineEntry[]; total: number } {
  const page = timelineWithText(db, q);
  return { total: page.total, items: page.items.map(({ text, ...e }) => ({ ...e, excerpt: excerpt(text) })) };
}

/** The same page with each entry's whole text, for the referral export. */
export function timelineWithText(db: Database, q: TimelineQuery): { items: (Omit<TimelineEntry, 'excerpt'> & { text: string })[]; total: number } {
  const params = { studentId: q.studentId, kinds: JSON.stringify(q.kinds), from: q.from, to: q.to };
  const total = (stmt(db, `${ENTRIES} SELECT count(*) AS n FROM chosen`).get(params) as { n: number }).n;
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const rows = stmt(db, `${ENTRIES} SELECT * FROM chosen ORDER BY date ${dir}, rank ${dir}, at ${dir}, id ${dir} LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: q.limit,
    offset: q.offset,
  }) as EntryRow[];
  const details = detailsOf(db, rows);
  return {
    total,
    items: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      date: r.date,
      at: r.at,
      caseId: r.case_id,
      recordId: r.record_id,
      ...details.get(`${r.kind}:${r.id}`)!,
    })),
  };
}

type Row = Record<string, string | number | null>;

/** A crisis step entry's fields that carry its text, in the order one is chosen. */
const CRISIS_TEXT_FIELDS = ['text', 'words', 'observed', 'concerns', 'goals', 'report', 'response', 'notes', 'followUpPlan', 'reason', 'teacherName'];
/** Crisis entry fields holding a code rather than words: tags the screen names, never shown as text. */
const CRISIS_CODE_FIELDS = { noticeOutcome: 'outcome', returnDecision: 'decision' };

const NO_SCORE = { scaleId: null, score: null, bandLabel: null };

/** The headline of a stored result: the first subscale with a band, else the first scored one. */
function headline(r: Row): Pick<Detail, 'scaleId' | 'score' | 'bandLabel'> {
  const result = r.result === null ? null : (JSON.parse(r.result as string) as FormResult);
  const scales = result ? Object.values(result.scales) : [];
  const top = scales.find((x) => x.band !== null) ?? scales.find((x) => x.score !== null);
  return { scaleId: r.scale_id as string, score: top?.score ?? null, bandLabel: top?.band?.labelKey ?? null };
}

const tag = (field: string, value: string) => `${field}:${value}`;
/** Tags from columns aliased as the tag's field name. */
const tagsOf =
  (...fields: string[]) =>
  (r: Row) =>
    fields.map((f) => tag(f, r[f] as string));

/**
 * Per kind: the SQL that fills in a page's entries (the id, `text`, `actor`, and `signed_at` for
 * records), the entry's tags and, for assessments and alerts, the scale and score.
 */
const DETAILS: Record<TimelineKind, { sql: string; tags: (r: Row) => string[]; scored?: (r: Row) => Pick<Detail, 'scaleId' | 'score' | 'bandLabel'> }> = {
  caseOpened: {
    sql: `SELECT c.id, ${CATEGORIES_JSON} AS categories, c.source, c.goals AS text, u.display_name AS actor
          FROM cases c JOIN users u ON u.id = c.created_by WHERE c.id IN (SELECT value FROM json_each(?))`,
    tags: (r) => [...parseCategories(r.categories as string).map((c) => tag('category', c)), tag('source', r.source as string)],
  },
  caseClosed: {
    sql: `SELECT c.id, c.closing_summary AS text, u.display_name AS actor
          FROM cases c JOIN users u ON u.id = c.counselor_id WHERE c.id IN (SELECT value FROM json_each(?))`,
    tags: tagsOf(),
  },
  record: {
    sql: `SELECT r.id, r.kind, r.mode, r.risk_of_harm AS risk, CASE WHEN r.main_problem <> '' THEN r.main_problem ELSE r.current_state END AS text,
            r.signed_at, u.display_name AS actor
          FROM session_records r JOIN users u ON u.id = r.author_id WHERE r.id IN (SELECT value FROM json_each(?))`,
    tags: (r) => (r.risk === 'none' ? tagsOf('kind', 'mode')(r) : tagsOf('kind', 'mode', 'risk')(r)),
  },
  addendum: {
    sql: `SELECT a.id, a.body AS text, u.display_name AS actor
          FROM record_addenda a JOIN users u ON u.id = a.author_id WHERE a.id IN (SELECT value FROM json_each(?))`,
    tags: tagsOf(),
  },
  disclosure: {
    sql: `SELECT d.id, d.informed_kind AS informed, d.channel, d.informed_label AS text, u.display_name AS actor
          FROM disclosures d JOIN users u ON u.id = d.recorded_by WHERE d.id IN (SELECT value FROM json_each(?))`,
    tags: tagsOf('informed', 'channel'),
  },
  contact: {
    sql: `SELECT k.id, k.with_kind AS "with", k.channel,
            k.summary || CASE WHEN k.agreed_actions <> '' THEN char(10) || k.agreed_actions ELSE '' END AS text, u.display_name AS actor
          FROM contacts k JOIN users u ON u.id = k.author_id WHERE k.id IN (SELECT value FROM json_each(?))`,
    tags: tagsOf('with', 'channel'),
  },
  consent: {
    sql: `SELECT n.id, n.scope, n.party, n.outcome, n.form, n.note AS text, u.display_name AS actor
          FROM consents n JOIN users u ON u.id = n.recorded_by WHERE n.id IN (SELECT value FROM json_each(?))`,
    tags: tagsOf('scope', 'party', 'outcome', 'form'),
  },
  // The theme is cut short so the session's number always fits the excerpt. The first leader signs
  // it; the observations are left out, since they may name other members.
  groupSession: {
    sql: `SELECT s.id, p.kind AS groupKind,
            CASE WHEN length(p.theme) > 32 THEN substr(p.theme, 1, 32) || '…' ELSE p.theme END || ' 第' || ${sessionNumberSql('s')} || '次' AS text,
            (SELECT u.display_name FROM group_leaders l JOIN users u ON u.id = l.user_id WHERE l.program_id = p.id ORDER BY l.position LIMIT 1) AS actor
          FROM group_sessions s JOIN group_programs p ON p.id = s.program_id WHERE s.id IN (SELECT value FROM json_each(?))`,
    tags: tagsOf('groupKind'),
  },
  // The excerpt names the screening it belonged to; the administering counselor signs it.
  assessment: {
    sql: `SELECT f.id, f.scale_id, f.mode AS formMode, f.status AS formStatus, f.derived_from, f.result_json AS result,
            coalesce(c.name, '') AS text, u.display_name AS actor
          FROM forms f JOIN users u ON u.id = f.administered_by LEFT JOIN campaigns c ON c.id = f.campaign_id
          WHERE f.id IN (SELECT value FROM json_each(?))`,
    tags: (r) => [...tagsOf('formMode', 'formStatus')(r), ...(r.derived_from === null ? [] : [tag('rescored', 'yes')])],
    scored: headline,
  },
  alertRaised: {
    sql: `SELECT a.id, a.scale_id, a.severity, NULL AS actor FROM alerts a WHERE a.id IN (SELECT value FROM json_each(?))`,
    tags: tagsOf('severity'),
    scored: (r) => ({ ...NO_SCORE, scaleId: r.scale_id as string }),
  },
  alertHandled: {
    sql: `SELECT a.id, a.scale_id, a.severity, a.action, a.note AS text, u.display_name AS actor
          FROM alerts a JOIN users u ON u.id = a.acknowledged_by WHERE a.id IN (SELECT value FROM json_each(?))`,
    tags: tagsOf('severity', 'action'),
    scored: (r) => ({ ...NO_SCORE, scaleId: r.scale_id as string }),
  },
  // The main text of whichever kind of step entry it is; a referral partner's feedback is their own words.
  crisisStep: {
    sql: `SELECT e.id, e.step, e.kind AS entry,
            coalesce(${CRISIS_TEXT_FIELDS.map((f) => `nullif(json_extract(e.fields, '$.${f}'), '')`).join(', ')}, '') AS text, u.display_name AS actor,
            ${Object.entries(CRISIS_CODE_FIELDS).map(([tagField, f]) => `json_extract(e.fields, '$.${f}') AS ${tagField}`).join(', ')}
          FROM crisis_entries e JOIN users u ON u.id = e.created_by WHERE e.id IN (SELECT value FROM json_each(?))`,
    tags: (r) => [...tagsOf('step', 'entry')(r), ...Object.keys(CRISIS_CODE_FIELDS).filter((f) => r[f] !== null).map((f) => tag(f, r[f] as string))],
  },
};

function detailsOf(db: Database, rows: EntryRow[]): Map<string, Detail> {
  const out = new Map<string, Detail>();
  for (const kind of Object.keys(DETAILS) as TimelineKind[]) {
    const ids = rows.filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length === 0) continue;
    const spec = DETAILS[kind];
    for (const r of stmt(db, spec.sql).all(JSON.stringify(ids)) as Row[]) {
      out.set(`${kind}:${r.id as string}`, {
        tags: spec.tags(r),
        text: typeof r.text === 'string' ? r.text : '',
        signed: 'signed_at' in r ? r.signed_at !== null : null,
        actorName: r.actor as string | null,
        ...(spec.scored ? spec.scored(r) : NO_SCORE),
      });
    }
  }
  return out;
}

/** A counselor's open cases with their activity. */
export function openCasesOf(db: Database, counselorId: string) {
  const rows = stmt(
    db,
    `SELECT c.id AS caseId, c.client_kind AS clientKind, c.student_id AS studentId, coalesce(s.name, c.client_label) AS clientLabel,
       ${CATEGORIES_JSON} AS categories, c.opened_on AS openedOn, ${CASE_ACTIVITY}
     FROM cases c LEFT JOIN students s ON s.id = c.student_id
     WHERE c.counselor_id = ? AND c.status = 'open' AND c.deleted_at IS NULL
     ORDER BY c.opened_on, c.created_at`,
  ).all(counselorId) as {
    caseId: string;
    clientKind: 'student' | 'staff' | 'parent';
    studentId: string | null;
    clientLabel: string;
    categories: string;
    openedOn: string;
    lastSessionDate: string | null;
    recordCount: number;
  }[];
  return rows.map((r) => ({ ...r, categories: parseCategories(r.categories) }));
}

/** The last session (up to today) of each student of a counselor's open cases, in any case. */
export function lastSeenOfCaseload(db: Database, counselorId: string, today: string): Map<string, string> {
  const rows = stmt(
    db,
    `SELECT r.student_id AS studentId, max(r.session_date) AS lastSeen
     FROM session_records r JOIN cases c ON c.id = r.case_id AND c.deleted_at IS NULL
     WHERE r.deleted_at IS NULL AND r.session_date <= @today
       AND r.student_id IN (SELECT student_id FROM cases WHERE counselor_id = @me AND status = 'open' AND deleted_at IS NULL)
     GROUP BY r.student_id`,
  ).all({ me: counselorId, today }) as { studentId: string; lastSeen: string }[];
  return new Map(rows.map((r) => [r.studentId, r.lastSeen]));
}

/** My open cases whose latest record books the next appointment within [start, end]. */
export function followUpsBetween(db: Database, counselorId: string, start: string, end: string) {
  return stmt(
    db,
    `SELECT c.id AS caseId, c.client_kind AS clientKind, c.student_id AS studentId, coalesce(s.name, c.client_label) AS clientLabel,
       r.id AS recordId, r.next_appointment_date AS nextAppointmentDate
     FROM cases c LEFT JOIN students s ON s.id = c.student_id
     JOIN session_records r ON r.id = (
       SELECT r2.id FROM session_records r2 WHERE r2.case_id = c.id AND r2.deleted_at IS NULL
       ORDER BY r2.session_date DESC, r2.created_at DESC LIMIT 1)
     WHERE c.counselor_id = @me AND c.status = 'open' AND c.deleted_at IS NULL
       AND r.next_appointment_date BETWEEN @start AND @end
     ORDER BY r.next_appointment_date, c.opened_on`,
  ).all({ me: counselorId, start, end }) as {
    caseId: string;
    clientKind: 'student' | 'staff' | 'parent';
    studentId: string | null;
    clientLabel: string;
    recordId: string;
    nextAppointmentDate: string;
  }[];
}
