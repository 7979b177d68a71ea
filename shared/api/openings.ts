import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, ok, text, timeOfDay } from './fields';

export const EXCEPTION_KINDS = ['closed', 'extra'] as const;

/** The person on duty (OPEN-03), by name as posted on the door; '' when nobody is named yet. */
const dutyName = text(LIMITS.name);

export const slotView = z.object({
  id,
  roomId: z.string(),
  /** RFC 5545 RRULE body without DTSTART/COUNT/UNTIL, e.g. FREQ=WEEKLY;BYDAY=MO,WE or FREQ=WEEKLY;INTERVAL=2;BYDAY=FR. */
  rrule: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  dutyName: z.string(),
});
export type SlotView = z.output<typeof slotView>;

export const exceptionView = z.object({
  id,
  roomId: z.string(),
  date: z.string(),
  kind: z.enum(EXCEPTION_KINDS),
  /** closed: the one slot cancelled that day, or null for the whole room. */
  slotId: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  dutyName: z.string(),
});
export type ExceptionView = z.output<typeof exceptionView>;

export const occurrenceView = z.object({
  date: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  start: z.string(),
  end: z.string(),
  dutyName: z.string(),
  slotId: z.string().nullable(),
  exceptionId: z.string().nullable(),
});
export type OccurrenceView = z.output<typeof occurrenceView>;

/** At most a school year and a bit: what a view or the door schedule ever asks for. */
export const MAX_RANGE_DAYS = 400;

export const openingsApi = {
  'openings.list': defineMethod({
    summary: 'Recurring opening slots and their exceptions, optionally of one room.',
    input: z.object({ roomId: id.optional() }).strict(),
    output: z.object({ slots: z.array(slotView), exceptions: z.array(exceptionView) }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'openings.saveSlot': defineMethod({
    summary:
      'Add (or, with id, change) a recurring weekly opening slot of a room with the person on duty. Unsupported rule parts, end not after start, validUntil before validFrom: VALIDATION naming the field.',
    input: z
      .object({
        id: id.optional(),
        roomId: id,
        rrule: text(200, { min: 1 }),
        validFrom: calendarDate,
        validUntil: calendarDate.nullable().default(null),
        start: timeOfDay,
        end: timeOfDay,
        dutyName: dutyName.default(''),
      })
      .strict(),
    output: slotView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'openings.removeSlot': defineMethod({
    summary: 'Remove a recurring slot with its exceptions.',
    input: z.object({ id }).strict(),
    output: ok,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'openings.addException': defineMethod({
    summary:
      'Close a room for a day (slotId null) or one slot occurrence, or add an extra opening (start, end, duty). Overlapping exceptions or a slot of another room: VALIDATION naming the field.',
    input: z
      .object({
        roomId: id,
        date: calendarDate,
        kind: z.enum(EXCEPTION_KINDS),
        slotId: id.nullable().default(null),
        start: timeOfDay.nullable().default(null),
        end: timeOfDay.nullable().default(null),
        dutyName: dutyName.default(''),
      })
      .strict(),
    output: exceptionView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'openings.removeException': defineMethod({
    summary: 'Remove an exception.',
    input: z.object({ id }).strict(),
    output: ok,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'openings.expand': defineMethod({
    summary: `Opening occurrences between two dates (at most ${MAX_RANGE_DAYS} days), after terms, holidays, 调休 days and exceptions, with the person on duty.`,
    input: z.object({ from: calendarDate, to: calendarDate, roomId: id.optional() }).strict(),
    output: z.object({ items: z.array(occurrenceView) }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
