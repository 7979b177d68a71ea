import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id } from './fields';
import { ZONE_TYPES } from './rooms';

/** What a schedule figure needs: an active room, an opening in the term, the bell schedule's class periods. */
export const METRIC_GAPS = ['noRooms', 'noOpenings', 'noBellSchedule'] as const;
const metricGap = z.enum(METRIC_GAPS);

export const scheduleApi = {
  'schedule.metrics': defineMethod({
    summary:
      'What the compliance checklist reads (OPEN-01..04): open hours in the week holding weekOf, per room and in total; school days of a term with at least one opening; the share of open time outside class periods; openings with nobody on duty; and for each figure the data it lacks (missing).',
    input: z.object({ termId: id, weekOf: calendarDate }).strict(),
    output: z.object({
      weekStart: z.string(),
      weekEnd: z.string(),
      weeklyOpenHours: z.array(z.object({ roomId: z.string(), roomName: z.string(), zoneType: z.enum(ZONE_TYPES), hours: z.number() })),
      totalWeeklyOpenHours: z.number(),
      schoolDays: z.number().int(),
      daysWithOpening: z.number().int(),
      /** Share of open time in the term outside class periods, 0–1; null with no open time or no bell schedule. */
      outsideClassShare: z.number().nullable(),
      withoutDuty: z.array(z.object({ date: z.string(), roomName: z.string(), start: z.string(), end: z.string() })),
      /**
       * Per figure, the data it needs and lacks (else null): such a figure means nothing (a share
       * of 100 % without a bell schedule, no unstaffed openings without openings) and is shown as
       * what is missing instead.
       */
      missing: z.object({
        weeklyOpenHours: metricGap.nullable(),
        daysWithOpening: metricGap.nullable(),
        outsideClassShare: metricGap.nullable(),
        withoutDuty: metricGap.nullable(),
      }),
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
