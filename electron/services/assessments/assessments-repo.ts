import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ADMIN_MODES, FORM_STATUSES } from '../../../shared/api/assessments';
import { uuidv7 } from '../../../shared/ids';
import { type FormResult, headlineBand } from '../../../shared/domain/scales';
import { stmt } from '../../db/statements';

export interface FormRow {
  id: string;
  studentId: string;
  scaleId: string;
  version: string;
  definitionHash: string;
  mode: (typeof ADMIN_MODES)[number];
  status: (typeof FORM_STATUSES)[number];
  date: string;
  normProfileId: string | null;
  administeredBy: string;
  startedAt: number;
  completedAt: number | null;
  voidReason: string | null;
  campaignId: string | null;
  derivedFrom: string | null;
  result: FormResult | null;
}

const SELECT_FORM = `
  SELECT id, student_id AS studentId, scale_id AS scaleId, version, definition_hash AS definitionHash, mode, status, date,
    norm_profile_id AS normProfileId, administered_by AS administeredBy, started_at AS startedAt, completed_at AS completedAt,
    void_reason AS voidReason, campaign_id AS campaignId, derived_from AS derivedFrom, result_json AS resultJson
  FROM forms`;

const row = ({ resultJson, ...r }: Omit<FormRow, 'result'> & { resultJson: string | null }): FormRow => ({
  ...r,
  result: resultJson === null ? null : (JSON.parse(resultJson) as FormResult),
});

export function getForm(db: Database, id: string): FormRow | null {
  const r = stmt(db, `${SELECT_FORM} WHERE id = ?`).get(id) as Parameters<typeof row>[0] | undefined;
  return r ? row(r) : null;
}

/** Oldest first, as a trend chart reads them. */
export function formsOfStudent(
  db: Database,
  q: { studentId: string; scaleId: string | null; status: FormRow['status'] | null; limit: number; offset: number },
): { rows: FormRow[]; total: number } {
  const where = 'WHERE student_id = @studentId AND (@scaleId IS NULL OR scale_id = @scaleId) AND (@status IS NULL OR status = @status)';
  const rows = stmt(db, `${SELECT_FORM} ${where} ORDER BY date, started_at, id LIMIT @limit OFFSET @offset`).all(q) as Parameters<typeof row>[0][];
  const { total } = stmt(db, `SELECT count(*) AS total FROM forms ${where}`).get({ studentId: q.studentId, scaleId: q.scaleId, status: q.status }) as { total: number };
  return { rows: rows.map(row), total };
}

export type NewForm = Pick<FormRow, 'studentId' | 'scaleId' | 'version' | 'definitionHash' | 'mode' | 'date' | 'normProfileId' | 'administeredBy'> &
  Partial<Pick<FormRow, 'campaignId' | 'derivedFrom'>>;

export function insertForm(db: Database, f: NewForm, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, norm_profile_id, administered_by, started_at, campaign_id,
       derived_from)
     VALUES (@id, @studentId, @scaleId, @version, @definitionHash, @mode, 'inProgress', @date, @normProfileId, @administeredBy, @now, @campaignId,
       @derivedFrom)`,
  ).run({ campaignId: null, derivedFrom: null, ...f, id, now });
  return id;
}

/** Copies every answer of one form to another: a rescoring starts from the same answers. */
export function copyAnswers(db: Database, fromId: string, toId: string): void {
  stmt(db, 'INSERT INTO form_answers (form_id, item_id, code, answered_at) SELECT ?, item_id, code, answered_at FROM form_answers WHERE form_id = ?').run(toId, fromId);
}

export function answersOf(db: Database, formId: string): Record<string, string> {
  const rows = stmt(db, 'SELECT item_id AS itemId, code FROM form_answers WHERE form_id = ? ORDER BY item_id').all(formId) as { itemId: string; code: string }[];
  return Object.fromEntries(rows.map((r) => [r.itemId, r.code]));
}

export function saveAnswer(db: Database, formId: string, itemId: string, code: string | null, now: number): void {
  if (code === null) stmt(db, 'DELETE FROM form_answers WHERE form_id = ? AND item_id = ?').run(formId, itemId);
  else
    stmt(
      db,
      `INSERT INTO form_answers (form_id, item_id, code, answered_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (form_id, item_id) DO UPDATE SET code = excluded.code, answered_at = excluded.answered_at`,
    ).run(formId, itemId, code, now);
}

/** Completes a form with its result and, for counting in SQL (migration 016), its headline band. */
export function completeForm(db: Database, id: string, result: FormResult, now: number): void {
  const band = headlineBand(result);
  stmt(db, `UPDATE forms SET status = 'completed', completed_at = ?, result_json = ?, band_code = ?, band_label = ? WHERE id = ?`).run(
    now,
    JSON.stringify(result),
    band?.code ?? null,
    band?.labelKey ?? null,
    id,
  );
}

export function voidForm(db: Database, id: string, reason: string): void {
  stmt(db, `UPDATE forms SET status = 'voided', void_reason = ? WHERE id = ?`).run(reason, id);
}

/** What eligibility reads from the roster. */
export function studentProfile(db: Database, id: string): { grade: number; birthDate: string | null } {
  return stmt(db, 'SELECT grade, birth_date AS birthDate FROM students WHERE id = ?').get(id) as { grade: number; birthDate: string | null };
}
