import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, codes, id, LIMITS, pageInput, requiredText, text } from './fields';
import { CRISIS_TIERS } from '../domain/crisis';
import { CRISIS_SOURCES } from './crisis';
import { RECORD_KINDS, RECORD_MODES, RISKS_OF_HARM } from './records';
import { clientSource } from './sources';

/** Presenting-problem categories: 学业, 人际, 情绪, 家庭, 青春期与性心理, 网络使用, 生涯, 自我意识, 危机, 其他. */
export const CASE_CATEGORIES = ['study', 'relationships', 'emotion', 'family', 'puberty', 'internet', 'career', 'selfAwareness', 'crisis', 'other'] as const;
export const CLIENT_KINDS = ['student', 'staff', 'parent'] as const;
export const CASE_STATUSES = ['open', 'closed'] as const;

export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/** A student client is a roster id; a staff member or parent is a free-text label (name or role). */
const clientShape = {
  clientKind: z.enum(CLIENT_KINDS).default('student'),
  studentId: id.optional(),
  clientLabel: text(LIMITS.name).default(''),
};

function checkClient(v: { clientKind: string; studentId?: string | undefined; clientLabel: string }, ctx: z.RefinementCtx): void {
  if (v.clientKind === 'student') {
    if (v.studentId === undefined) ctx.addIssue({ code: 'custom', path: ['studentId'], message: 'errors.field.required' });
    if (v.clientLabel !== '') ctx.addIssue({ code: 'custom', path: ['clientLabel'], message: 'errors.case.clientMismatch' });
  } else {
    if (v.studentId !== undefined) ctx.addIssue({ code: 'custom', path: ['studentId'], message: 'errors.case.clientMismatch' });
    if (v.clientLabel === '') ctx.addIssue({ code: 'custom', path: ['clientLabel'], message: 'errors.field.required' });
  }
}

const editable = {
  source: clientSource,
  /** Who referred, which screening: short, no clinical narrative. */
  sourceNote: text(LIMITS.line),
  /** The appointment the case came from; it must exist and be the same client's. */
  appointmentId: id.nullable(),
  categories: codes(CASE_CATEGORIES, { min: 1 }),
  goals: text(LIMITS.note, { multiline: true }),
};

export const caseView = z.object({
  id,
  clientKind: z.enum(CLIENT_KINDS),
  studentId: z.string().nullable(),
  /** The student's name for a student client, else the label given. */
  clientLabel: z.string(),
  studentNo: z.string().nullable(),
  source: clientSource,
  sourceNote: z.string(),
  appointmentId: z.string().nullable(),
  categories: z.array(z.enum(CASE_CATEGORIES)),
  goals: z.string(),
  status: z.enum(CASE_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closingSummary: z.string().nullable(),
  counselorId: z.string(),
  counselorName: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type CaseView = z.output<typeof caseView>;

export const caseListItem = caseView.pick({
  id: true,
  clientKind: true,
  studentId: true,
  clientLabel: true,
  categories: true,
  status: true,
  openedOn: true,
  closedOn: true,
  counselorId: true,
  counselorName: true,
}).extend({
  lastSessionDate: z.string().nullable(),
  recordCount: z.number().int(),
});
export type CaseListItem = z.output<typeof caseListItem>;

export const recordListItem = z.object({
  id,
  sessionDate: z.string(),
  kind: z.enum(RECORD_KINDS),
  mode: z.enum(RECORD_MODES),
  authorId: z.string(),
  authorName: z.string(),
  signed: z.boolean(),
  riskOfHarm: z.enum(RISKS_OF_HARM),
  addendumCount: z.number().int(),
});

export const caseDetail = caseView.extend({
  records: z.array(recordListItem),
  transfers: z.array(
    z.object({
      fromId: z.string(),
      fromName: z.string(),
      toId: z.string(),
      toName: z.string(),
      byName: z.string(),
      reason: z.string(),
      at: z.number().int(),
    }),
  ),
});

/** A count, or null where small-cell suppression withheld it (shared/domain/suppression.ts). */
const smallCount = z.number().int().nullable();

export const casesApi = {
  'cases.open': defineMethod({
    summary:
      'Open a case (个案) for a student, staff member or parent. A student who is graduated or transferred needs acknowledgeInactive: true, else CONFLICT errors.case.studentInactive (path studentId, status). An appointmentId must be the same client’s (VALIDATION errors.case.appointmentMismatch). Category crisis needs a student client and crisis (source, tier, reason): the case opens as a crisis case, its six steps owned by the counselor in charge and due by the tier (VALIDATION errors.case.crisisDetailsRequired on crisis, errors.case.crisisNotStudent on clientKind; crisis without the category is errors.case.crisisWithoutCategory).',
    input: z
      .object({
        ...clientShape,
        source: editable.source,
        sourceNote: editable.sourceNote.default(''),
        appointmentId: editable.appointmentId.default(null),
        categories: editable.categories,
        goals: editable.goals.default(''),
        /** Defaults to today in the school's time zone. */
        openedOn: calendarDate.optional(),
        /** Defaults to the caller; must be an enabled counselor. */
        counselorId: id.optional(),
        acknowledgeInactive: z.boolean().default(false),
        /** Required with category crisis (and only then): the case opens as a crisis case with its six steps. */
        crisis: z.object({ source: z.enum(CRISIS_SOURCES), tier: z.enum(CRISIS_TIERS), reason: requiredText(LIMITS.line) }).strict().optional(),
      })
      .strict()
      .superRefine(checkClient),
    output: caseView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'cases.get': defineMethod({
    summary: 'One case with its session records (list), transfers and closing summary (audited).',
    input: z.object({ id }).strict(),
    output: caseDetail,
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'cases.list': defineMethod({
    summary: 'Cases, newest first, filtered by student, counselor, status or client kind (no clinical text).',
    input: z
      .object({
        studentId: id.optional(),
        counselorId: id.optional(),
        status: z.enum(CASE_STATUSES).optional(),
        clientKind: z.enum(CLIENT_KINDS).optional(),
        ...pageInput,
      })
      .strict(),
    output: z.object({ items: z.array(caseListItem), total: z.number().int() }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'cases.update': defineMethod({
    summary:
      'Change an open case’s source, appointment link, categories or goals; a closed case is CONFLICT errors.case.closed. Category crisis is neither added nor removed here (VALIDATION errors.case.crisisCategoryFixed on categories): a crisis case is opened with its details, and closed through crisis.close.',
    input: z.object(editable).partial().extend({ id }).strict(),
    output: caseView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'cases.close': defineMethod({
    summary:
      'Close a case with a closing summary. Every session record must be signed first (CONFLICT errors.case.unsignedRecords naming them). A closed case takes no new records; a returning client gets a new case. A crisis case closes through crisis.close (CONFLICT errors.crisis.closeThroughCrisis).',
    input: z
      .object({ id, closingSummary: text(LIMITS.clinical, { min: 1, multiline: true }), closedOn: calendarDate.optional() })
      .strict(),
    output: caseView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'cases.transfer': defineMethod({
    summary: 'Hand a case to another enabled counselor; audited with the from and to user ids.',
    input: z.object({ id, toCounselorId: id, reason: text(LIMITS.line).default('') }).strict(),
    output: caseView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'cases.remove': defineMethod({
    summary: 'Soft-delete a case opened by mistake, with a reason (audited); its records leave the archive, caseload and search.',
    input: z.object({ id, reason: requiredText(LIMITS.line) }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'cases.summary': defineMethod({
    summary: 'Case counts by status, category and client kind, optionally for cases opened in a date range; no names. For a principal, counts from 1 to 4 are withheld (null), with complementary suppression.',
    input: z.object({ from: calendarDate.optional(), to: calendarDate.optional() }).strict(),
    output: z.object({
      total: smallCount,
      byStatus: z.array(z.object({ status: z.enum(CASE_STATUSES), count: smallCount })),
      byCategory: z.array(z.object({ category: z.enum(CASE_CATEGORIES), count: smallCount })),
      byClientKind: z.array(z.object({ clientKind: z.enum(CLIENT_KINDS), count: smallCount })),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
