/**
 * Inputs for every read method of the contract, for the method benchmark and the query-plan test.
 *
 * Inputs come from each method's input schema: optional fields are left out, enums take their first
 * value, and fields naming a row (id, studentId, caseId, formId, termId, …) take ids drawn from the
 * seeded data, dates a realistic range (a week for schedule screens, the school year otherwise). A
 * method added later gets inputs without new code when its fields are of those kinds; any method
 * whose input cannot be made is listed as unmeasured with the reason.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { contract, type MethodName } from '../shared/api/contract';
import { rosterCsv, syntheticRoster } from './dataset';

const YEAR = { from: '2025-09-01', to: '2026-07-03' };
export const WEEK = { from: '2025-11-03', to: '2025-11-09' };
/** Areas whose screens show a week at a time. */
const WEEKLY = ['appointments', 'openings', 'schedule', 'waitlist'];

/** Ids drawn from the data: the busiest student's rows where there is a choice. */
export function drawIds(db: Database.Database, busiest: string) {
  const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { id: string } | undefined)?.id;
  return {
    student: busiest,
    case: one('SELECT id FROM cases WHERE student_id = ? ORDER BY opened_on', busiest),
    record: one('SELECT id FROM session_records WHERE student_id = ? AND deleted_at IS NULL', busiest),
    contact: one('SELECT id FROM contacts WHERE student_id = ?', busiest),
    appointment: one('SELECT id FROM appointments WHERE date BETWEEN ? AND ?', WEEK.from, WEEK.to),
    room: one('SELECT id FROM rooms'),
    term: one('SELECT id FROM terms ORDER BY start_date'),
    group: one('SELECT id FROM group_programs'),
    form: one('SELECT id FROM forms WHERE student_id = ?', busiest) ?? one('SELECT id FROM forms'),
    alert: one('SELECT id FROM alerts'),
    campaign: one('SELECT campaign_id AS id FROM campaign_participants GROUP BY campaign_id ORDER BY count(*) DESC'),
    crisisCase: one('SELECT case_id AS id FROM crisis_cases'),
    compliancePack: one('SELECT id FROM compliance_packs'),
    // Made on each run's copy by bench/compliance-run.ts (only a principal starts a run); drawn when already there.
    complianceRun: one("SELECT id FROM compliance_runs WHERE status = 'open'"),
    signedComplianceRun: one("SELECT id FROM compliance_runs WHERE status = 'signed'"),
    complianceEvidence: one('SELECT id FROM compliance_evidence'),
    // The built-in scales live in the code, not in scale_definitions.
    scale: one("SELECT id FROM scale_definitions WHERE id = 'phq9'") ?? 'phq9',
  };
}
export type Ids = ReturnType<typeof drawIds>;

/** The table an `id` field refers to, by the method's area. */
const ID_OF_AREA: Record<string, keyof Ids> = {
  students: 'student',
  cases: 'case',
  records: 'record',
  contacts: 'contact',
  appointments: 'appointment',
  groups: 'group',
  alerts: 'alert',
  campaigns: 'campaign',
  compliance: 'complianceRun',
  scales: 'scale',
};

/** A realistic value for a field by its name, or undefined when there is none. */
function fieldValue(method: MethodName, field: string, ids: Ids): unknown {
  const area = method.slice(0, method.indexOf('.'));
  const range = WEEKLY.includes(area) ? WEEK : YEAR;
  const byName: Record<string, unknown> = {
    id: ID_OF_AREA[area] ? ids[ID_OF_AREA[area]] : undefined,
    studentId: ids.student,
    caseId: area === 'crisis' ? ids.crisisCase : ids.case,
    formId: ids.form,
    termId: ids.term,
    roomId: ids.room,
    packId: ids.compliancePack,
    scaleId: ids.scale,
    campaignId: ids.campaign,
    from: range.from,
    to: range.to,
    weekOf: WEEK.from,
    year: 2025,
    a: ids.signedComplianceRun,
    b: ids.complianceRun,
  };
  return byName[field];
}

type Schema = z.ZodType & { _zod: { def: { type: string; shape?: Record<string, Schema>; entries?: Record<string, string> } } };

/** A value any schema of this type accepts, for required fields with no name-based value. */
function generic(schema: Schema): unknown {
  const def = schema._zod.def;
  if (def.type === 'enum') return Object.values(def.entries!)[0];
  if (def.type === 'boolean') return false;
  if (def.type === 'array') return [];
  return undefined;
}

/** A write through the dispatcher before each measured call, not timed: the state the call is measured in. */
export type Before = (call: number) => { method: MethodName; input: object };

/**
 * Inputs the schema cannot suggest: file contents, search terms. Each entry is one measured row;
 * `before` makes a write before each call, for a read that is slower right after a change.
 */
const VARIANTS: Partial<Record<MethodName, { label: string; input: (ids: Ids) => object; before?: (ids: Ids) => Before }[]>> = {
  'search.notes': [
    { label: 'frequent term 焦虑 (~30 %)', input: () => ({ query: '焦虑' }) },
    { label: 'term in every note 学生', input: () => ({ query: '学生' }) },
    { label: 'rare term 自伤 (~1 %)', input: () => ({ query: '自伤' }) },
  ],
  'students.list': [
    { label: 'first page', input: () => ({}) },
    { label: 'pinyin prefix "zh"', input: () => ({ query: 'zh' }) },
    { label: 'page 20 of 50', input: () => ({ page: 20, pageSize: 50 }) },
  ],
  'campaigns.get': [
    { label: 'first page', input: (ids) => ({ id: ids.campaign }) },
    // The last of 6,000 participants: the page is found past every earlier one.
    { label: 'page 120 of 50', input: (ids) => ({ id: ids.campaign, page: 120, pageSize: 50 }) },
    { label: 'outcome pending, first page', input: (ids) => ({ id: ids.campaign, outcome: 'pending' }) },
  ],
  'campaigns.triage': [
    { label: 'first page', input: (ids) => ({ id: ids.campaign }) },
    // The last page of the 1,155 flagged students of the largest campaign: found past every earlier entry.
    { label: 'page 24 of 50', input: (ids) => ({ id: ids.campaign, page: 24, pageSize: 50 }) },
    { label: '待复核 only, first page', input: (ids) => ({ id: ids.campaign, states: ['toReview'] }) },
  ],
  'students.importPreview': [
    { label: '500-row roster CSV', input: () => ({ fileName: 'roster.csv', contentBase64: Buffer.from(rosterCsv(syntheticRoster(500, 9))).toString('base64') }) },
  ],
  'compliance.evidence': [{ label: 'a 1 MB photo', input: (ids) => ({ id: ids.complianceEvidence }) }],
  'archive.timeline': [{ label: "busiest student's archive", input: (ids) => ({ studentId: ids.student }) }],
  // The 学年升级 dialog opens on its first page and pages on; a page deep in the 6,000 students too.
  'students.rollForwardPreview': [
    { label: 'first page of 50', input: () => ({}) },
    // Opening the dialog after any roster change builds the plan (the pages above are served from it):
    // one student's notes edited before each call.
    {
      label: 'first page after a roster change',
      input: () => ({}),
      before: (ids) => (i) => ({ method: 'students.update', input: { id: ids.student, notes: `基准 ${i}` } }),
    },
    { label: 'page 100 of 50', input: () => ({ page: 100, pageSize: 50 }) },
  ],
};

/** Reasons no input can be made from the schema and the data, for methods whose fields are of no such kind. */
const UNMEASURED: Partial<Record<MethodName, string>> = {
  'backup.progress': 'needs the id of a running backup job',
  'backup.verify': 'needs a backup file and the recovery key',
  'assessments.importPreview': 'needs an answers sheet per scale; covered by npm run bench (assessments)',
  'auth.recoveryAccounts': 'needs the recovery key: part of the recovery form before login',
  'district.previewExport': 'the benchmark school has not joined a district (no signing key); packages are sealed in npm run bench (district)',
};

/** A date where the schema wants a timestamp (audit.list's from/to): the same day as epoch milliseconds. */
function asSchemaWants(schema: Schema, value: unknown): unknown {
  if (typeof value !== 'string' || schema.safeParse(value).success || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const millis = Date.parse(`${value}T00:00:00+08:00`);
  return schema.safeParse(millis).success ? millis : value;
}

function inputFor(method: MethodName, ids: Ids): { input: object } | { reason: string } {
  const shape = (contract[method].input as Schema)._zod.def.shape ?? {};
  const input: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(shape)) {
    const value = asSchemaWants(schema, fieldValue(method, field, ids)) ?? (schema.safeParse(undefined).success ? undefined : generic(schema));
    if (value !== undefined) input[field] = value;
  }
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) return { input };
  return { reason: `no input: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'} ${i.code}`).join(', ')}` };
}


export interface Case {
  method: MethodName;
  variant: string;
  input: object;
  before?: Before | undefined;
}

/** Every read method a counselor's screens call, with its inputs; the others listed with why not. */
export function casesOf(ids: Ids): { cases: Case[]; unmeasured: { method: string; reason: string }[] } {
  const cases: Case[] = [];
  const unmeasured: { method: string; reason: string }[] = [];
  for (const method of (Object.keys(contract) as MethodName[]).filter((m) => contract[m].kind === 'read')) {
    const spec = contract[method];
    if (!spec.roles.includes('counselor') && spec.gate !== 'none') unmeasured.push({ method, reason: `role ${spec.roles.join('/')} only: needs an archive of that kind` });
    else if (UNMEASURED[method]) unmeasured.push({ method, reason: UNMEASURED[method] });
    else
      for (const { label, made, before } of VARIANTS[method]?.map((v) => ({ label: v.label, made: { input: v.input(ids) }, before: v.before?.(ids) })) ?? [
        { label: '', made: inputFor(method, ids), before: undefined },
      ]) {
        if ('reason' in made) unmeasured.push({ method, reason: made.reason });
        else cases.push({ method, variant: label, input: made.input, before });
      }
  }
  return { cases, unmeasured };
}
