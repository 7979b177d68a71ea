import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, ok, requiredText, text, timeOfDay } from './fields';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = z.number().int().min(1).max(7);
export const SPECIAL_DAY_KINDS = ['holiday', 'makeupWorkday'] as const;

export const termView = z.object({ id, name: z.string(), startDate: z.string(), endDate: z.string() });
export const specialDayView = z.object({
  date: z.string(),
  kind: z.enum(SPECIAL_DAY_KINDS),
  /** For a 调休 make-up workday: whose timetable the day follows (1–5). */
  followsWeekday: z.number().int().nullable(),
  name: z.string(),
});
export const classPeriodView = z.object({ weekday: z.number().int(), start: z.string(), end: z.string(), label: z.string() });
export type TermView = z.output<typeof termView>;
export type SpecialDayView = z.output<typeof specialDayView>;
export type ClassPeriodView = z.output<typeof classPeriodView>;

export const calendarView = z.object({
  terms: z.array(termView),
  specialDays: z.array(specialDayView),
  /** The bell schedule's class periods (作息时间); time outside them is "outside class". */
  periods: z.array(classPeriodView),
});
export type CalendarView = z.output<typeof calendarView>;

export const calendarApi = {
  'calendar.get': defineMethod({
    summary: 'The school calendar: terms, holidays and 调休 make-up workdays, and the bell schedule.',
    input: z.object({}).strict(),
    output: calendarView,
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'calendar.saveTerm': defineMethod({
    summary: 'Add a term, or change one (with id). End before start or an overlap with another term: VALIDATION naming the field.',
    input: z.object({ id: id.optional(), name: requiredText(LIMITS.name), startDate: calendarDate, endDate: calendarDate }).strict(),
    output: termView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'calendar.removeTerm': defineMethod({
    summary: 'Remove a term.',
    input: z.object({ id }).strict(),
    output: ok,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'calendar.saveSpecialDay': defineMethod({
    summary:
      'Mark a date as a holiday (a weekday without school) or a 调休 make-up workday (a Saturday or Sunday following the timetable of followsWeekday 1–5); replaces what that date had.',
    input: z
      .object({
        date: calendarDate,
        kind: z.enum(SPECIAL_DAY_KINDS),
        followsWeekday: isoWeekday.nullable().default(null),
        name: text(LIMITS.name).default(''),
      })
      .strict(),
    output: specialDayView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'calendar.removeSpecialDay': defineMethod({
    summary: 'Make a date an ordinary day again. A date that was never marked: VALIDATION errors.schedule.noSuchSpecialDay (path date).',
    input: z.object({ date: calendarDate }).strict(),
    output: ok,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'calendar.setPeriods': defineMethod({
    summary: 'Replace the bell schedule: class periods per weekday. End not after start, or overlapping periods: VALIDATION with the path periods.N.',
    input: z
      .object({
        periods: z
          .array(z.object({ weekday: isoWeekday, start: timeOfDay, end: timeOfDay, label: text(LIMITS.short).default('') }).strict())
          .max(100),
      })
      .strict(),
    output: calendarView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
