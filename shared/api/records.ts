import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, epochMs, id, LIMITS, requiredText, text, timeOfDay } from './fields';

export const RECORD_MODES = ['face', 'phone', 'online'] as const; // 面谈, 电话, 线上/微信
export const RECORD_KINDS = ['first', 'followUp', 'crisis', 'closing', 'other'] as const;
export const RISKS_OF_HARM = ['none', 'self', 'others', 'both'] as const;
export const DISCLOSURE_PARTIES = ['homeroomTeacher', 'guardian', 'schoolLeader', 'other'] as const;
export const DISCLOSURE_CHANNELS = ['inPerson', 'phone', 'wechat', 'written'] as const;

/** The guide's structure (REC-02), one capped multiline field each. */
export const RECORD_TEXT_FIELDS = ['currentState', 'mainProblem', 'analysis', 'plan', 'outcomeEvaluation', 'followUpActions'] as const;
export type RecordTextField = (typeof RECORD_TEXT_FIELDS)[number];
/** What must be filled before signing: the guide's structure minus the outcome evaluation, which a first session cannot have yet. */
export const FIELDS_REQUIRED_TO_SIGN = ['currentState', 'mainProblem', 'analysis', 'plan', 'durationMinutes'] as const;

const clinical = text(LIMITS.clinical, { multiline: true });

export const participants = z.object({ student: z.boolean(), guardian: z.boolean(), teacher: z.boolean() }).strict();

export const recordShape = {
  sessionDate: calendarDate,
  startTime: timeOfDay.nullable(),
  durationMinutes: z.number().int().min(1).max(600).nullable(),
  mode: z.enum(RECORD_MODES),
  participants,
  kind: z.enum(RECORD_KINDS),
  currentState: clinical,
  mainProblem: clinical,
  analysis: clinical,
  plan: clinical,
  outcomeEvaluation: clinical,
  followUpActions: clinical,
  nextAppointmentDate: calendarDate.nullable(),
  riskOfHarm: z.enum(RISKS_OF_HARM),
};
export const recordFields = z.object(recordShape).strict();
export type RecordFields = z.output<typeof recordFields>;

export const addendumView = z.object({
  id,
  recordId: z.string(),
  text: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.number().int(),
});
export type AddendumView = z.output<typeof addendumView>;

export const disclosureView = z.object({
  id,
  recordId: z.string(),
  informedKind: z.enum(DISCLOSURE_PARTIES),
  informedLabel: z.string(),
  informedAt: z.number().int(),
  channel: z.enum(DISCLOSURE_CHANNELS),
  note: z.string(),
  recordedById: z.string(),
  recordedByName: z.string(),
  createdAt: z.number().int(),
});
export type DisclosureView = z.output<typeof disclosureView>;

export const recordView = recordFields.extend({
  id,
  caseId: z.string(),
  studentId: z.string().nullable(),
  clientLabel: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  revision: z.number().int(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  signedAt: z.number().int().nullable(),
  addenda: z.array(addendumView),
  disclosures: z.array(disclosureView),
  /** What signing would refuse now, each with its reason: a field of the record, or 'disclosures'. */
  signBlockers: z.array(z.object({ path: z.string(), reason: z.string(), start: z.string().optional() })),
});
export type RecordView = z.output<typeof recordView>;

export const unsignedItem = z.object({
  id,
  caseId: z.string(),
  studentId: z.string().nullable(),
  clientLabel: z.string(),
  sessionDate: z.string(),
  createdAt: z.number().int(),
  ageHours: z.number().int(),
  /** Unsigned for 48 hours or more: on the to-do list. */
  overdue: z.boolean(),
});

export const recordsApi = {
  'records.saveDraft': defineMethod({
    summary:
      'Autosave a session record: without id it creates a draft on caseId (omitted fields take defaults; a graduated/transferred student needs acknowledgeInactive); with id and the revision it was based on it changes the given fields. Stale revision: CONFLICT errors.record.staleRevision naming currentRevision; signed: CONFLICT errors.record.signed.',
    input: z
      .object({
        id: id.optional(),
        revision: z.number().int().min(1).optional(),
        caseId: id.optional(),
        acknowledgeInactive: z.boolean().optional(),
        ...recordShape,
      })
      .partial()
      .strict()
      .superRefine((v, ctx) => {
        if (v.id !== undefined) {
          if (v.revision === undefined) ctx.addIssue({ code: 'custom', path: ['revision'], message: 'errors.field.required' });
          if (v.caseId !== undefined) ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'errors.record.caseFixed' });
        } else if (v.caseId === undefined) {
          ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'errors.field.required' });
        }
      }),
    output: z.object({ id, revision: z.number().int(), updatedAt: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'records.get': defineMethod({
    summary: 'One session record with its addenda and disclosures (audited).',
    input: z.object({ id }).strict(),
    output: recordView,
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'records.sign': defineMethod({
    summary:
      'Sign the revision shown; only the author may (FORBIDDEN errors.record.notAuthor). Missing required fields: VALIDATION errors.record.incomplete with each field path. Risk of harm marked without a documented disclosure: CONFLICT errors.record.disclosureRequired (path disclosures). Then read-only for good.',
    input: z.object({ id, revision: z.number().int().min(1) }).strict(),
    output: recordView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'records.addAddendum': defineMethod({
    summary: 'Correct or complete a signed record with an addendum (own author and time, immutable); an unsigned record is edited instead (CONFLICT errors.record.notSigned).',
    input: z.object({ recordId: id, text: text(LIMITS.clinical, { min: 1, multiline: true }) }).strict(),
    output: addendumView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'records.addDisclosure': defineMethod({
    summary:
      'Document a confidentiality exception (guide ETH-04): who was informed, when and how. Only on a record that marks a risk of harm (CONFLICT errors.disclosure.noRisk); immutable; shows on the student’s archive.',
    input: z
      .object({
        recordId: id,
        informedKind: z.enum(DISCLOSURE_PARTIES),
        /** Name or role (e.g. 班主任李老师, 母亲); required for 'other'. */
        informedLabel: text(LIMITS.name).default(''),
        informedAt: epochMs,
        channel: z.enum(DISCLOSURE_CHANNELS),
        note: text(LIMITS.note, { multiline: true }).default(''),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.informedKind === 'other' && v.informedLabel === '') {
          ctx.addIssue({ code: 'custom', path: ['informedLabel'], message: 'errors.field.required' });
        }
      }),
    output: disclosureView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'records.remove': defineMethod({
    summary: 'Discard an unsigned draft (author only), with a reason; a signed record is never removed (CONFLICT errors.record.signed), nor a draft with a documented disclosure (CONFLICT errors.record.hasDisclosure).',
    input: z.object({ id, reason: requiredText(LIMITS.line) }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'records.todo': defineMethod({
    summary: 'My session records left unsigned for 48 hours or more, oldest first.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(unsignedItem) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
