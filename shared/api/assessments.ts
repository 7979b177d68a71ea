import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, pageInput, requiredText, text } from './fields';

/**
 * The assessment archive (issue 5), first part: scale definitions, forms answered on the kiosk or
 * entered from paper, immutable results and the alerts they raise. Screening campaigns, batch
 * import and triage build on these.
 */
export const ADMIN_MODES = ['kiosk', 'paper'] as const;
export const FORM_STATUSES = ['inProgress', 'completed', 'voided'] as const;
export const ALERT_ACTIONS = ['talkedNow', 'appointmentBooked', 'crisisCase', 'referred', 'guardianInformed', 'other'] as const;

const scaleId = z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'errors.scale.idFormat').max(40);
const itemId = z.string().min(1).max(64);
const answerCode = z.string().min(1).max(16);

export const scaleSummary = z.object({
  id: z.string(),
  version: z.string(),
  /** zh-CN and en titles, as the definition gives them. */
  title: z.record(z.string(), z.string()),
  itemCount: z.number().int(),
  builtIn: z.boolean(),
  licence: z.string(),
  hash: z.string(),
  importedAt: z.number().int().nullable(),
});

export const alertView = z.object({
  id,
  formId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  scaleId: z.string(),
  alertId: z.string(),
  /** The items whose answers (or blanks) raised it; empty for an alert on a scale score. */
  items: z.array(z.string()),
  severity: z.enum(['critical', 'urgent', 'followup']),
  raisedAt: z.number().int(),
  acknowledgedAt: z.number().int().nullable(),
  acknowledgedBy: z.string().nullable(),
  action: z.enum(ALERT_ACTIONS).nullable(),
  note: z.string(),
});
export type AlertView = z.output<typeof alertView>;

export const formView = z.object({
  id,
  studentId: z.string(),
  scaleId: z.string(),
  version: z.string(),
  definitionHash: z.string(),
  mode: z.enum(ADMIN_MODES),
  status: z.enum(FORM_STATUSES),
  date: z.string(),
  /** Item id → answer code, kept (encrypted) from the first answer on, so a crash loses nothing. */
  answers: z.record(z.string(), z.string()),
  administeredBy: z.string(),
  startedAt: z.number().int(),
  completedAt: z.number().int().nullable(),
  voidReason: z.string().nullable(),
  alerts: z.array(alertView),
  /** Set once completed: the scoring engine's result, stored as computed then (never recomputed in place). */
  result: z
    .object({
      valid: z.boolean(),
      /** Stable codes: 'rule:<validity rule id>' or 'missing:<scale id>' (too many blanks for its policy). */
      invalidReasons: z.array(z.string()),
      scales: z.array(
        z.object({
          id: z.string(),
          raw: z.number().nullable(),
          score: z.number().nullable(),
          answered: z.number().int(),
          missing: z.number().int(),
          /** The band's code; its neutral label is the i18n key bandLabel (scales.band.*). */
          band: z.string().nullable(),
          bandLabel: z.string().nullable(),
          /** Screen-positive: the student belongs in triage. */
          flag: z.boolean(),
        }),
      ),
      /** Scale ids the definition suggests administering next. */
      followUps: z.array(z.string()),
      normProfileId: z.string().nullable(),
    })
    .nullable(),
});
export type FormView = z.output<typeof formView>;

export const assessmentsApi = {
  'scales.list': defineMethod({
    summary: 'Every scale definition the archive can administer: the built-in ones and those imported (each version), with licence and hash.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(scaleSummary) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'scales.get': defineMethod({
    summary: 'One definition (latest version unless given), to show its items and options.',
    input: z.object({ id: scaleId, version: text(LIMITS.short).optional() }).strict(),
    output: z.object({ definition: z.unknown(), hash: z.string(), builtIn: z.boolean() }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'scales.import': defineMethod({
    summary:
      'Import a custom definition (JSON text): schema, semantic rules and its golden cases must pass, else VALIDATION with one detail per problem (path = JSON path, reason = errors.scale.*). An existing id and version is CONFLICT errors.scale.versionExists: a new version never rewrites old results.',
    input: z.object({ json: z.string().min(2).max(1_000_000) }).strict(),
    output: scaleSummary,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'assessments.start': defineMethod({
    summary:
      'Begin a form for a student (kiosk or paper). Testing needs the student’s and the guardian’s consent given (guide ETH-05/06), else CONFLICT errors.assessment.noConsent naming what is missing; outside the scale’s age/grade eligibility needs acknowledgeIneligible.',
    input: z
      .object({
        studentId: id,
        scaleId,
        version: text(LIMITS.short).optional(),
        mode: z.enum(ADMIN_MODES),
        date: calendarDate.optional(),
        normProfileId: text(LIMITS.code).optional(),
        acknowledgeIneligible: z.boolean().default(false),
      })
      .strict(),
    output: formView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'assessments.answer': defineMethod({
    summary:
      'Record (or clear, with code null) one answer of a form in progress; an unknown item or code is VALIDATION. Returns the alerts this answer raised now, already stored — they never wait for the form to end.',
    input: z.object({ formId: id, itemId, code: answerCode.nullable() }).strict(),
    output: z.object({ raised: z.array(alertView) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'assessments.finish': defineMethod({
    summary: 'Score and close a form; the result is stored with the definition hash and never changes. Missing answers beyond the scale’s policy give an invalid (not refused) result.',
    input: z.object({ formId: id }).strict(),
    output: formView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'assessments.void': defineMethod({
    summary: 'Void a form (e.g. after a crash the counselor chooses not to resume); its alerts stay.',
    input: z.object({ formId: id, reason: requiredText(LIMITS.line) }).strict(),
    output: formView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'assessments.get': defineMethod({
    summary: 'One form with its answers, alerts and result (audited).',
    input: z.object({ formId: id }).strict(),
    output: formView,
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'assessments.ofStudent': defineMethod({
    summary: 'A student’s forms over time, oldest first (for the trend chart), optionally of one scale (audited).',
    input: z.object({ studentId: id, scaleId: scaleId.optional(), ...pageInput }).strict(),
    output: z.object({ items: z.array(formView), total: z.number().int() }),
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'alerts.open': defineMethod({
    summary: 'Alerts not yet acknowledged, critical first then oldest: the counselor’s home-screen tasks.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(alertView) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'alerts.acknowledge': defineMethod({
    summary: 'Acknowledge an alert with the action taken (audited: who, when, what). Acknowledged once; later steps go to the case.',
    input: z.object({ id, action: z.enum(ALERT_ACTIONS), note: text(LIMITS.note, { multiline: true }).default('') }).strict(),
    output: alertView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
