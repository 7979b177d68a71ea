import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, requiredText, text } from './fields';

export const CONTACT_WITH = ['guardian', 'teacher', 'other'] as const;
export const CONTACT_CHANNELS = ['homeVisit', 'phone', 'wechat', 'schoolMeeting'] as const; // 家访, 电话, 微信, 到校面谈
export const CONSENT_SCOPES = ['counseling', 'testing'] as const;
export const CONSENT_PARTIES = ['student', 'guardian'] as const;
export const CONSENT_OUTCOMES = ['given', 'declined', 'withdrawn'] as const;
export const CONSENT_FORMS = ['written', 'verbal', 'electronic'] as const;

const contactShape = {
  contactDate: calendarDate,
  withKind: z.enum(CONTACT_WITH),
  /** Who exactly (母亲, 班主任李老师); required for 'other'. */
  withLabel: text(LIMITS.name),
  channel: z.enum(CONTACT_CHANNELS),
  summary: text(LIMITS.clinical, { min: 1, multiline: true }),
  agreedActions: text(LIMITS.note, { multiline: true }),
  /** The case this contact belongs to, when there is one (it must be the same student's). */
  caseId: id.nullable(),
};

function checkWith(v: { withKind?: string | undefined; withLabel?: string | undefined }, ctx: z.RefinementCtx): void {
  if (v.withKind === 'other' && (v.withLabel ?? '') === '') ctx.addIssue({ code: 'custom', path: ['withLabel'], message: 'errors.field.required' });
}

export const contactView = z.object({
  id,
  studentId: z.string(),
  studentName: z.string(),
  caseId: z.string().nullable(),
  contactDate: z.string(),
  withKind: z.enum(CONTACT_WITH),
  withLabel: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  summary: z.string(),
  agreedActions: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type ContactView = z.output<typeof contactView>;

export const consentView = z.object({
  id,
  studentId: z.string(),
  scope: z.enum(CONSENT_SCOPES),
  party: z.enum(CONSENT_PARTIES),
  outcome: z.enum(CONSENT_OUTCOMES),
  date: z.string(),
  form: z.enum(CONSENT_FORMS),
  note: z.string(),
  recordedById: z.string(),
  createdAt: z.number().int(),
});
export type ConsentView = z.output<typeof consentView>;

export const contactsApi = {
  'contacts.create': defineMethod({
    summary:
      'Record a home-school contact (家校沟通): with whom, channel, summary and agreed actions. A graduated/transferred student needs acknowledgeInactive (CONFLICT errors.student.inactive).',
    input: z
      .object({
        studentId: id,
        ...contactShape,
        withLabel: contactShape.withLabel.default(''),
        agreedActions: contactShape.agreedActions.default(''),
        caseId: contactShape.caseId.default(null),
        acknowledgeInactive: z.boolean().default(false),
      })
      .strict()
      .superRefine(checkWith),
    output: contactView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'contacts.get': defineMethod({
    summary: 'One home-school contact in full (audited).',
    input: z.object({ id }).strict(),
    output: contactView,
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'contacts.update': defineMethod({
    summary: 'Change a contact’s fields (its author only: FORBIDDEN errors.contact.notAuthor).',
    input: z.object(contactShape).partial().extend({ id }).strict().superRefine(checkWith),
    output: contactView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'contacts.remove': defineMethod({
    summary: 'Soft-delete a contact entered by mistake, with a reason (audited).',
    input: z.object({ id, reason: requiredText(LIMITS.line) }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;

export const consentsApi = {
  'consents.record': defineMethod({
    summary:
      'Record a consent event (given, declined or withdrawn) of the student or the guardian, for counseling or testing. Append-only: a correction is a newer record.',
    input: z
      .object({
        studentId: id,
        scope: z.enum(CONSENT_SCOPES),
        party: z.enum(CONSENT_PARTIES),
        outcome: z.enum(CONSENT_OUTCOMES),
        date: calendarDate,
        form: z.enum(CONSENT_FORMS),
        note: text(LIMITS.line).default(''),
      })
      .strict(),
    output: consentView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'consents.recordTesting': defineMethod({
    summary:
      'The testing consent of the student and the guardian, both given, in one step (as the test-consent gate asks for it): two consent records written together or not at all.',
    input: z
      .object({
        studentId: id,
        date: calendarDate,
        form: z.enum(CONSENT_FORMS),
        note: text(LIMITS.line).default(''),
      })
      .strict(),
    output: z.object({ student: consentView, guardian: consentView }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'consents.current': defineMethod({
    summary:
      'The effective consent for a scope: the latest record of each party (by date, then by entry), and whether both the student and the guardian have it given (guide ETH-05: testing needs both).',
    input: z.object({ studentId: id, scope: z.enum(CONSENT_SCOPES) }).strict(),
    output: z.object({
      studentId: z.string(),
      scope: z.enum(CONSENT_SCOPES),
      student: consentView.nullable(),
      guardian: consentView.nullable(),
      bothGiven: z.boolean(),
    }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
