import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id } from './fields';
import { ZONE_TYPES } from './rooms';

export const scheduleApi = {
  'schedule.metrics': defineMethod({
    summary:
      'What the compliance checklist reads (OPEN-01..04): open hours in the week holding weekOf, per room and in total; school days of a term with at least one opening; the share of open time outside class periods; openings with nobody on duty.',
    input: z.object({ termId: id, weekOf: calendarDate }).strict(),
    output: z.object({
      weekStart: z.string(),
      weekEnd: z.string(),
      weeklyOpenHours: z.array(z.object({ roomId: z.string(), roomName: z.string(), zoneType: z.enum(ZONE_TYPES), hours: z.number() })),
      totalWeeklyOpenHours: z.number(),
      schoolDays: z.number().int(),
      daysWithOpening: z.number().int(),
      /** Share of open time in the term outside class periods, 0–1; null with no open time. */
      outsideClassShare: z.number().nullable(),
      withoutDuty: z.array(z.object({ date: z.string(), roomName: z.string(), start: z.string(), end: z.string() })),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'schedule.exportIcs': defineMethod({
    summary:
      'The caller’s own appointments between two dates as an iCalendar file. No student names; includeInitials adds the client’s initials (pinyin) to each title. Audited.',
    input: z.object({ from: calendarDate, to: calendarDate, includeInitials: z.boolean().default(false) }).strict(),
    output: z.object({ filename: z.string(), content: z.string(), count: z.number().int() }),
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
} as const;
