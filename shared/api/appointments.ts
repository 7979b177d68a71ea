import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, ok, requiredText, text, timeOfDay } from './fields';
import { MAX_RANGE_DAYS } from './openings';
import { clientSource } from './sources';

export const APPOINTMENT_CLIENT_KINDS = ['student', 'staff', 'parent', 'group'] as const;
export const APPOINTMENT_KINDS = ['individual', 'group', 'assessment', 'parentMeeting', 'other'] as const;
export const APPOINTMENT_STATUSES = ['requested', 'confirmed', 'completed', 'noShow', 'cancelled'] as const;
export const CLASH_REASONS = ['room', 'counselor', 'student'] as const;
export const CANCEL_SCOPES = ['one', 'following', 'all'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Which status may follow which; completed, noShow and cancelled are final. */
export const STATUS_FLOW: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  requested: ['confirmed', 'cancelled'],
  confirmed: ['completed', 'noShow', 'cancelled'],
  completed: [],
  noShow: [],
  cancelled: [],
};

/** A student client is a roster id; staff, a parent or a group is a label. */
const clientShape = {
  clientKind: z.enum(APPOINTMENT_CLIENT_KINDS).default('student'),
  studentId: id.optional(),
  clientLabel: text(LIMITS.name).default(''),
};

function checkClient(v: { clientKind: string; studentId?: string | undefined; clientLabel: string }, ctx: z.RefinementCtx): void {
  if (v.clientKind === 'student') {
    if (v.studentId === undefined) ctx.addIssue({ code: 'custom', path: ['studentId'], message: 'errors.field.required' });
    if (v.clientLabel !== '') ctx.addIssue({ code: 'custom', path: ['clientLabel'], message: 'errors.appointment.clientMismatch' });
  } else {
    if (v.studentId !== undefined) ctx.addIssue({ code: 'custom', path: ['studentId'], message: 'errors.appointment.clientMismatch' });
    if (v.clientLabel === '') ctx.addIssue({ code: 'custom', path: ['clientLabel'], message: 'errors.field.required' });
  }
}

function endAfterStart(v: { start?: string | undefined; end?: string | undefined }, ctx: z.RefinementCtx): void {
  if (v.start !== undefined && v.end !== undefined && v.end <= v.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'errors.schedule.endNotAfterStart' });
  }
}

export const appointmentView = z.object({
  id,
  /** Shared by the occurrences of a recurring appointment; each is still edited on its own. */
  seriesId: z.string().nullable(),
  clientKind: z.enum(APPOINTMENT_CLIENT_KINDS),
  studentId: z.string().nullable(),
  /** The student's name, or the label given. */
  clientLabel: z.string(),
  counselorId: z.string(),
  counselorName: z.string(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  kind: z.enum(APPOINTMENT_KINDS),
  source: clientSource,
  status: z.enum(APPOINTMENT_STATUSES),
  cancelReason: z.string().nullable(),
  notes: z.string(),
  /** Booked outside the room's opening hours on purpose (recorded, audited). */
  outsideOpening: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type AppointmentView = z.output<typeof appointmentView>;

/** One clashing appointment, as a CONFLICT errors.appointment.conflict detail. */
export const clashDetail = z.object({
  path: z.string(),
  appointmentId: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  reasons: z.array(z.enum(CLASH_REASONS)),
  roomName: z.string().nullable(),
  counselorName: z.string(),
  clientLabel: z.string(),
});
export type ClashDetail = z.output<typeof clashDetail>;

const bookingShape = {
  counselorId: id,
  roomId: id.nullable(),
  date: calendarDate,
  start: timeOfDay,
  end: timeOfDay,
  kind: z.enum(APPOINTMENT_KINDS),
  source: clientSource,
  notes: text(LIMITS.note, { multiline: true }),
  /** Book outside the room's opening hours anyway; without it that is CONFLICT errors.appointment.outsideOpening. */
  overrideOpening: z.boolean(),
};

export const waitlistItem = z.object({
  id,
  clientKind: z.enum(APPOINTMENT_CLIENT_KINDS),
  studentId: z.string().nullable(),
  clientLabel: z.string(),
  source: clientSource,
  /** When the client can come, in their words (周二下午, 午休). */
  preference: z.string(),
  notes: z.string(),
  addedAt: z.number().int(),
});

export const appointmentsApi = {
  'appointments.create': defineMethod({
    summary:
      'Book an appointment, or a weekly series (repeat: every intervalWeeks weeks, count occurrences). Every occurrence is checked: the same room, counselor or student overlapping is CONFLICT errors.appointment.conflict with one detail per clashing appointment; outside the room’s opening hours needs overrideOpening. A deleted student or an inactive room: VALIDATION naming the field. Nothing is booked unless every occurrence is free. crisisCaseId links the booking to that crisis case’s 积极干预 step (VALIDATION errors.crisis.notACrisisCase or errors.crisis.linkNotOfStudent on crisisCaseId).',
    input: z
      .object({
        ...clientShape,
        ...bookingShape,
        counselorId: bookingShape.counselorId.optional(),
        notes: bookingShape.notes.default(''),
        overrideOpening: bookingShape.overrideOpening.default(false),
        status: z.enum(['requested', 'confirmed']).default('confirmed'),
        repeat: z.object({ intervalWeeks: z.number().int().min(1).max(4), count: z.number().int().min(2).max(52) }).strict().optional(),
        /** Taken off the waitlist by this booking: the same client's entry, still waiting (else CONFLICT errors.waitlist.closed). */
        waitlistId: id.optional(),
        /** Booked from a crisis case's 积极干预 step: the same student's crisis case, not closed; each occurrence is linked there. */
        crisisCaseId: id.optional(),
      })
      .strict()
      .superRefine(checkClient)
      .superRefine(endAfterStart),
    output: z.object({ items: z.array(appointmentView) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'appointments.get': defineMethod({
    summary: 'One appointment.',
    input: z.object({ id }).strict(),
    output: appointmentView,
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'appointments.list': defineMethod({
    summary: `Appointments between two dates (at most ${MAX_RANGE_DAYS} days) by date and time, filtered by room, counselor, student or status; cancelled ones only when asked.`,
    input: z
      .object({
        from: calendarDate,
        to: calendarDate,
        roomId: id.optional(),
        counselorId: id.optional(),
        studentId: id.optional(),
        includeCancelled: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ items: z.array(appointmentView) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'appointments.update': defineMethod({
    summary:
      'Move or resize one appointment (never the rest of its series), change its room, counselor, kind or notes; checked for clashes and opening hours like a booking. A completed, no-show or cancelled appointment is CONFLICT errors.appointment.final.',
    input: z
      .object({ ...bookingShape })
      .partial()
      .extend({ id })
      .strict()
      .superRefine(endAfterStart),
    output: appointmentView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'appointments.setStatus': defineMethod({
    summary:
      'Confirm, complete or mark as no-show, following requested → confirmed → completed / noShow; anything else is CONFLICT errors.appointment.badTransition. Cancelling goes through appointments.cancel.',
    input: z.object({ id, status: z.enum(['confirmed', 'completed', 'noShow']) }).strict(),
    output: appointmentView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'appointments.cancel': defineMethod({
    summary:
      'Cancel with a reason: this occurrence (one), it and the later ones of its series (following), or the whole series (all); final occurrences are left as they are.',
    input: z.object({ id, reason: requiredText(LIMITS.line), scope: z.enum(CANCEL_SCOPES).default('one') }).strict(),
    output: z.object({ cancelled: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'waitlist.list': defineMethod({
    summary: 'Clients waiting for a slot, oldest first.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(waitlistItem) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'waitlist.add': defineMethod({
    summary: 'Put a client on the waitlist with when they can come.',
    input: z
      .object({
        ...clientShape,
        source: clientSource,
        preference: text(LIMITS.line).default(''),
        notes: text(LIMITS.note, { multiline: true }).default(''),
      })
      .strict()
      .superRefine(checkClient),
    output: waitlistItem,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'waitlist.remove': defineMethod({
    summary: 'Take a client off the waitlist without booking.',
    input: z.object({ id }).strict(),
    output: ok,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
