import { dbHandler, type HandlerMap } from '../../core/handler';
import { listAppointments, studentInitials } from './appointments-repo';
import { buildIcs } from './ics';
import { assertDateRange, toMinutes } from './schedule-checks';
import { scheduleMetrics } from './schedule-metrics';
import { readSchool } from '../accounts/settings-store';

type ScheduleMethods = 'schedule.metrics' | 'schedule.exportIcs';

/** What an exported event says about a session: that there is one, never with whom or why. */
const NEUTRAL_TITLE = '心理辅导预约';

export const scheduleHandlers: HandlerMap<ScheduleMethods> = {
  'schedule.metrics': dbHandler<'schedule.metrics'>({ run: ({ db }, input) => scheduleMetrics(db, input.termId, input.weekOf) }),

  // A phone's calendar syncs to clouds the school does not control: no names, no notes, no reasons.
  'schedule.exportIcs': dbHandler<'schedule.exportIcs'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const { from, to, includeInitials } = input;
      assertDateRange(from, to);
      const items = listAppointments(db, { from, to, counselorId: actor.userId, includeCancelled: false });
      const studentIds = [...new Set(items.flatMap((a) => (a.studentId === null ? [] : [a.studentId])))];
      const initials = includeInitials ? studentInitials(db, studentIds) : new Map<string, string>();
      const content = buildIcs({
        timeZone: readSchool(db).timeZone,
        now,
        events: items.map((a) => ({
          uid: `${a.id}@counselroom`,
          date: a.date,
          startMin: toMinutes(a.start),
          endMin: toMinutes(a.end),
          summary: [NEUTRAL_TITLE, a.studentId === null ? undefined : initials.get(a.studentId)].filter(Boolean).join(' '),
          location: a.roomName,
          tentative: a.status === 'requested',
        })),
      });
      ctx.audit = { targetType: null, targetId: null, details: { from, to, count: items.length, includeInitials } };
      return { filename: `counselroom-${from}_${to}.ics`, content, count: items.length };
    },
  }),
};
