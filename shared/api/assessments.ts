import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, pageInput, requiredText, text } from './fields';
import { importRowStudent } from './students';

/**
 * The assessment archive (issue 5), first part: scale definitions, forms answered on the kiosk or
 * entered from paper, immutable results and the alerts they raise. Screening campaigns, batch
 * import and triage build on these.
 */
/** `import`: a class's answers read from a spreadsheet (assessments.importCommit). */
export const ADMIN_MODES = ['kiosk', 'paper', 'import'] as const;
/** The modes a form can be started in one at a time. */
export const INTERACTIVE_MODES = ['kiosk', 'paper'] as const;
export const FORM_STATUSES = ['inProgress', 'completed', 'voided'] as const;
export const ALERT_ACTIONS = ['talkedNow', 'appointmentBooked', 'crisisCase', 'referred', 'guardianInformed', 'other'] as const;
/** Where a counselor chose 稍后处理 (handle later) for an alert still open. */
export const DEFER_CONTEXTS = ['kiosk', 'paper', 'form'] as const;

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
  acknowledgedByName: z.string().nullable(),
  action: z.enum(ALERT_ACTIONS).nullable(),
  note: z.string(),
  /** The case opened from this alert (alerts.openCrisisCase), if any. */
  caseId: z.string().nullable(),
  /** The appointment booked for the student as the handling (action appointmentBooked). */
  appointmentId: z.string().nullable(),
  /** The last time someone chose to handle it later (alerts.defer); it stays open all the same. */
  deferredAt: z.number().int().nullable(),
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
  /** The screening campaign it was given in, if any. */
  campaignId: z.string().nullable(),
  /** A rescoring (assessments.rescore): the form whose answers were scored again by another version. */
  derivedFrom: z.string().nullable(),
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


/** A spreadsheet of one class's answers: 学号 + one column per item (item id, printed number, or 第N题). */
const answerSheet = z
  .object({
    fileName: requiredText(LIMITS.line),
    /** The file's bytes, base64; 8 MiB of file at most. */
    contentBase64: z.string().min(1).max(11_200_000),
    scaleId,
    version: text(LIMITS.short).optional(),
    /** The day the paper forms were filled in; every row gets it. */
    date: calendarDate,
    campaignId: id.optional(),
    acknowledgeIneligible: z.boolean().default(false),
    /**
     * The counselor's choice for each column of the file, in file order: an item id, studentNo for
     * the 学号 column, or null (不导入); without it the columns are read by their headers. It must
     * name every column of the header row. Without it, the mapping last imported for this scale
     * and header row applies, if any; a mapping given is remembered when the import is committed.
     */
    mapping: z.array(text(LIMITS.code).nullable()).max(500).optional(),
  })
  .strict();

export const answerImportIssue = z.object({
  /** The sheet's row number as a spreadsheet program shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  ...importRowStudent,
});
export type AnswerImportIssue = z.output<typeof answerImportIssue>;

export const answerImportPreview = z.object({
  format: z.enum(['xlsx', 'csv']),
  scaleId: z.string(),
  version: z.string(),
  /** Each column of the sheet and the item it is read as (null: ignored; studentNo: the 学号 column). */
  mapping: z.array(
    z.object({
      column: z.string(),
      /** The counselor's choice, else the header's guess. */
      itemId: z.string().nullable(),
      /** What the header alone says (第3题 → the third item). */
      guessed: z.string().nullable(),
      /** For the same shape as the roster's mapping; a header that names no item suggests none. */
      suggested: z.string().nullable(),
    }),
  ),
  /** No mapping was given and the one chosen when a sheet of this scale with this header row was last imported applied. */
  remembered: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Every bad row, every reason; the commit refuses the whole file while any is left. */
  issues: z.array(answerImportIssue),
  /** Rows whose answers would raise a critical alert, by sheet row and 学号. */
  criticalRows: z.array(z.object({ row: z.number().int(), studentNo: z.string(), name: z.string() })),
});
export type AnswerImportPreview = z.output<typeof answerImportPreview>;

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
      'Begin a form for a student (kiosk or paper). Testing needs the student’s and the guardian’s consent given (guide ETH-05/06) — recorded individually or on the campaign’s consent list — else CONFLICT errors.assessment.noConsent naming what is missing; outside the scale’s age/grade eligibility needs acknowledgeIneligible. In a campaign the scale must be one of its scales and the student a participant. crisisCaseId links the form to that crisis case’s 测评建档 step (VALIDATION on crisisCaseId when it is not the student’s crisis case).',
    input: z
      .object({
        studentId: id,
        scaleId,
        version: text(LIMITS.short).optional(),
        mode: z.enum(INTERACTIVE_MODES),
        date: calendarDate.optional(),
        /** Given in a campaign: its consent list counts as consent, and a completed form marks the student done. */
        campaignId: id.optional(),
        normProfileId: text(LIMITS.code).optional(),
        acknowledgeIneligible: z.boolean().default(false),
        /** Started from a crisis case's 测评建档 step: the same student's crisis case, not closed; the form is linked there. */
        crisisCaseId: id.optional(),
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
    summary: 'A student’s forms over time, oldest first (for the trend chart), optionally of one scale or status — inProgress finds a form to resume (audited).',
    input: z.object({ studentId: id, scaleId: scaleId.optional(), status: z.enum(FORM_STATUSES).optional(), ...pageInput }).strict(),
    output: z.object({ items: z.array(formView), total: z.number().int() }),
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'assessments.rescore': defineMethod({
    summary:
      'Score a completed form’s answers again with another version of its scale (or another norm profile): a new derived result, with its own hash; the original is never touched. Alerts already raised are not raised twice.',
    input: z.object({ formId: id, version: text(LIMITS.short).optional(), normProfileId: text(LIMITS.code).optional() }).strict(),
    output: formView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'assessments.importTemplate': defineMethod({
    summary:
      'An .xlsx answer-sheet template for one scale (base64): 学号, 姓名 and one column per item under the header the import reads, an example row of valid answer codes, and a sheet listing every header accepted for each column.',
    input: z.object({ scaleId, version: text(LIMITS.short).optional() }).strict(),
    output: z.object({ filename: z.string(), base64: z.string() }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'assessments.importPreview': defineMethod({
    summary:
      'Dry run of a batch import: every bad row (学号 not in the roster, no consent, an answer out of range, blanks beyond the scale’s policy, a duplicate row or an administration of the same scale that day) with its row, column and reason; nothing is written.',
    input: answerSheet,
    output: answerImportPreview,
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'assessments.importCommit': defineMethod({
    summary:
      'Import the sheet all-or-nothing: any bad row is VALIDATION errors.assessment.importInvalid with one detail per issue (path rows.N.column) and nothing is written. Each row becomes a completed form (mode import) with its result and alerts.',
    input: answerSheet,
    output: z.object({ imported: z.number().int(), flagged: z.number().int(), alerts: z.array(alertView) }),
    roles: ['counselor'],
    kind: 'write',
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
  'alerts.get': defineMethod({
    summary: 'One alert with its handling (who, when, the action and the note), open or not (audited).',
    input: z.object({ id }).strict(),
    output: alertView,
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'alerts.acknowledge': defineMethod({
    summary:
      'Acknowledge an alert with the action taken (audited: who, when, what). Acknowledged once; later steps go to the case. appointmentBooked needs appointmentId, a live appointment of the alert’s student (book it first); crisisCase goes through alerts.openCrisisCase, which opens the case. In a campaign, talkedNow moves the student’s triage entry from toReview to interviewed and referred to referred.',
    input: z
      .object({ id, action: z.enum(ALERT_ACTIONS), note: text(LIMITS.note, { multiline: true }).default(''), appointmentId: id.optional() })
      .strict(),
    output: alertView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'alerts.defer': defineMethod({
    summary:
      'Record that the counselor chose to handle an open alert later (finishing or leaving the form it came from). The alert stays open, in the badge and the banner, until acknowledged; each choice is kept and audited.',
    input: z.object({ id, context: z.enum(DEFER_CONTEXTS) }).strict(),
    output: alertView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'alerts.openCrisisCase': defineMethod({
    summary:
      'Hand a critical (or urgent) alert over to a crisis case: opens a case for the student (source screening, category crisis) in the caller’s name, acknowledges the alert with action crisisCase and links both, and moves the student’s triage entry to caseOpened. The crisis workflow itself lives with the case.',
    input: z.object({ id, note: text(LIMITS.note, { multiline: true }).default('') }).strict(),
    output: z.object({ alert: alertView, caseId: z.string() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
