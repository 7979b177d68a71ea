import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, codes, id, pageInput } from './fields';
import { CASE_CATEGORIES, CLIENT_KINDS } from './cases';
import { unsignedItem } from './records';
import { STUDENT_STATUSES } from './students';

/** What the student's archive (一生一档) shows; later issues add assessments and crisis steps. */
export const TIMELINE_KINDS = ['caseOpened', 'caseClosed', 'record', 'addendum', 'disclosure', 'contact', 'consent', 'groupSession'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEntry = z.object({
  kind: z.enum(TIMELINE_KINDS),
  /** The row itself: a case, record, addendum, disclosure, contact, consent or group session id. */
  id: z.string(),
  date: z.string(),
  /** The instant it was written (or, for a disclosure, when the person was informed): orders a day's entries. */
  at: z.number().int(),
  caseId: z.string().nullable(),
  recordId: z.string().nullable(),
  /**
   * Stable codes for the title, "field:value", which the UI translates: kind:first, mode:face,
   * risk:self, category:emotion, source:referral, with:guardian, channel:phone, informed:guardian,
   * scope:testing, party:guardian, outcome:given, form:written, groupKind:groupCounseling.
   */
  tags: z.array(z.string()),
  /**
   * At most 40 characters of the entry's main text on one line ('' when it has none); never the full
   * note. A group session shows its program's theme and number (主题 第3次), never who else came.
   */
  excerpt: z.string(),
  /** Session records only: whether it is signed. */
  signed: z.boolean().nullable(),
  actorName: z.string().nullable(),
});
export type TimelineEntry = z.output<typeof timelineEntry>;

const clientRef = {
  caseId: z.string(),
  clientKind: z.enum(CLIENT_KINDS),
  studentId: z.string().nullable(),
  clientLabel: z.string(),
};

export const archiveApi = {
  'archive.timeline': defineMethod({
    summary:
      'The student’s archive (一生一档): cases opened and closed, session records (signed or not), addenda, disclosures, contacts, consents and the group sessions the student attended (present), newest first unless order is asc, filtered by kind and date (audited).',
    input: z
      .object({
        studentId: id,
        kinds: codes(TIMELINE_KINDS, { min: 1 }).optional(),
        from: calendarDate.optional(),
        to: calendarDate.optional(),
        order: z.enum(['desc', 'asc']).default('desc'),
        ...pageInput,
      })
      .strict(),
    output: z.object({
      student: z.object({
        id: z.string(),
        name: z.string(),
        studentNo: z.string(),
        grade: z.number().int(),
        className: z.string(),
        status: z.enum(STUDENT_STATUSES),
      }),
      items: z.array(timelineEntry),
      total: z.number().int(),
    }),
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'archive.recordExport': defineMethod({
    summary:
      'Records that a counselor, after an explicit confirmation, exported one student’s full archive (with the name) for a referral; the PDF is made from the audited reads that follow.',
    input: z.object({ studentId: id, purpose: z.literal('referral'), confirmed: z.literal(true) }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'caseload.mine': defineMethod({
    summary:
      'My open cases; students of my open cases not seen in a session for notSeenDays (default: the caseloadNotSeenDays setting, 30); follow-ups whose next appointment falls in this week (Monday to Sunday, school time zone); my unsigned records with their age.',
    input: z.object({ notSeenDays: z.number().int().min(1).max(365).optional() }).strict(),
    output: z.object({
      today: z.string(),
      weekStart: z.string(),
      weekEnd: z.string(),
      notSeenDays: z.number().int(),
      openCases: z.array(
        z.object({
          ...clientRef,
          categories: z.array(z.enum(CASE_CATEGORIES)),
          openedOn: z.string(),
          lastSessionDate: z.string().nullable(),
          recordCount: z.number().int(),
        }),
      ),
      notSeen: z.array(
        z.object({
          studentId: z.string(),
          clientLabel: z.string(),
          caseId: z.string(),
          /** Last session date with this student in any case, or null if none yet. */
          lastSeen: z.string().nullable(),
          /** Days since the last session, or since the case opened when there was none. */
          days: z.number().int(),
        }),
      ),
      followUps: z.array(z.object({ ...clientRef, recordId: z.string(), nextAppointmentDate: z.string() })),
      unsigned: z.array(unsignedItem),
    }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
