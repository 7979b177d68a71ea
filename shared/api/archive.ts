import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, codes, id, pageInput } from './fields';
import { CASE_CATEGORIES, CLIENT_KINDS } from './cases';
import { recordView, unsignedItem } from './records';
import { STUDENT_STATUSES } from './students';

/** What the student's archive (一生一档) shows; the crisis issue adds its steps. */
export const TIMELINE_KINDS = [
  'caseOpened',
  'caseClosed',
  'record',
  'addendum',
  'disclosure',
  'contact',
  'consent',
  'groupSession',
  'assessment',
  'alertRaised',
  'alertHandled',
  'crisisStep',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEntry = z.object({
  kind: z.enum(TIMELINE_KINDS),
  /** The row itself: a case, record, addendum, disclosure, contact, consent, group session, form or alert id. */
  id: z.string(),
  date: z.string(),
  /** The instant it was written (or, for a disclosure, when the person was informed): orders a day's entries. */
  at: z.number().int(),
  caseId: z.string().nullable(),
  recordId: z.string().nullable(),
  /**
   * Stable codes for the title, "field:value", which the UI translates: kind:first, mode:face,
   * risk:self, category:emotion, source:teacherReferral, with:guardian, channel:phone, informed:guardian,
   * scope:testing, party:guardian, outcome:given, form:written, groupKind:groupCounseling,
   * formMode:kiosk, formStatus:voided, rescored:yes, severity:critical, action:talkedNow, step:referral, entry:feedback (a crisis step's entry).
   */
  tags: z.array(z.string()),
  /**
   * At most 40 characters of the entry's main text on one line ('' when it has none); never the full
   * note. A group session shows its program's theme and number (主题 第3次), never who else came.
   * An assessment shows its screening campaign's name; a handled alert, the handling note.
   */
  excerpt: z.string(),
  /** Assessments and alerts: the scale. */
  scaleId: z.string().nullable(),
  /** Assessments: the headline score (the first subscale with a band) and its neutral band label key. */
  score: z.number().nullable(),
  bandLabel: z.string().nullable(),
  /** Session records only: whether it is signed. */
  signed: z.boolean().nullable(),
  actorName: z.string().nullable(),
});
export type TimelineEntry = z.output<typeof timelineEntry>;

const archiveStudent = z.object({
  id: z.string(),
  name: z.string(),
  studentNo: z.string(),
  grade: z.number().int(),
  className: z.string(),
  status: z.enum(STUDENT_STATUSES),
});

const clientRef = {
  caseId: z.string(),
  clientKind: z.enum(CLIENT_KINDS),
  studentId: z.string().nullable(),
  clientLabel: z.string(),
};

export const archiveApi = {
  'archive.timeline': defineMethod({
    summary:
      'The student’s archive (一生一档): cases opened and closed, session records (signed or not), addenda, disclosures, contacts, consents, the group sessions the student attended (present), completed and voided assessments, alerts raised and their handling, what was written into a crisis case’s six steps; newest first unless order is asc, filtered by kind and date (audited).',
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
      student: archiveStudent,
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
      'A counselor, after an explicit confirmation, exports one student’s whole archive (with the name) for a referral: every entry oldest first with its full text, every session record in full with addenda and disclosures, the school and the moment of export. One audited call; the PDF is printed from exactly this.',
    input: z.object({ studentId: id, purpose: z.literal('referral'), confirmed: z.literal(true) }).strict(),
    output: z.object({
      schoolName: z.string(),
      exportedAt: z.number().int(),
      purpose: z.literal('referral'),
      student: archiveStudent,
      /** The timeline oldest first; `text` is the entry's whole text (an alert's handling note, a contact's summary and agreed actions, a consent's note). */
      entries: z.array(timelineEntry.extend({ text: z.string() })),
      records: z.array(recordView),
    }),
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
