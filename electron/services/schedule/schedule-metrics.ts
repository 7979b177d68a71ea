import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { CounselError } from '../../../shared/api/errors';
import type { scheduleApi } from '../../../shared/api/schedule';
import { weekOf } from '../../../shared/domain/dates';
import { formatTime, occurrencesWithoutDuty, outsideClassShare, schoolDaysWithOpening, weeklyOpenMinutes } from '../../../shared/domain/schedule';
import { openingsBetween } from './openings';
import { listRooms } from './rooms-repo';
import { getTerm, listPeriods, loadCalendar } from './school-calendar-repo';

type Metrics = z.input<(typeof scheduleApi)['schedule.metrics']['output']>;

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * The compliance figures (OPEN-01..04) of the active rooms: open hours in the Monday–Sunday week
 * holding `weekOfDate`, and over the whole term the school days with an opening, the share of open
 * time outside class periods, and the openings nobody is on duty for.
 */
export function scheduleMetrics(db: Database, termId: string, weekOfDate: string): Metrics {
  const term = getTerm(db, termId);
  if (!term) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'termId', id: termId });
  const week = weekOf(weekOfDate);
  const inTerm = openingsBetween(db, term.startDate, term.endDate);
  // The week is expanded on its own when it reaches outside the term: expanding the span between
  // them would walk every school day of the years in between (a week in 2100 took seconds).
  const weekInTerm = term.startDate <= week.start && week.end <= term.endDate;
  const openings = weekInTerm ? inTerm : openingsBetween(db, week.start, week.end);
  const calendar = loadCalendar(db);
  const rooms = listRooms(db, false);
  const names = new Map(rooms.map((r) => [r.id, r.name]));
  const weekly = weeklyOpenMinutes(openings, week.start);
  const periods = listPeriods(db);
  // Without rooms or openings every figure is zero, which reads as a finding; without class
  // periods all open time counts as outside class, which reads as a perfect score.
  const noOpenings = rooms.length === 0 ? 'noRooms' : inTerm.length === 0 ? 'noOpenings' : null;
  const missing = {
    weeklyOpenHours: rooms.length === 0 ? 'noRooms' : null,
    daysWithOpening: noOpenings,
    outsideClassShare: noOpenings ?? (periods.length === 0 ? 'noBellSchedule' : null),
    withoutDuty: noOpenings,
  } as const;
  return {
    weekStart: week.start,
    weekEnd: week.end,
    weeklyOpenHours: rooms.map((r) => ({ roomId: r.id, roomName: r.name, zoneType: r.zoneType, hours: hours(weekly.byRoom[r.id] ?? 0) })),
    totalWeeklyOpenHours: hours(weekly.total),
    ...schoolDaysWithOpening(calendar, term.id, inTerm),
    outsideClassShare: missing.outsideClassShare === null ? outsideClassShare(calendar, periods, inTerm).share : null,
    withoutDuty: occurrencesWithoutDuty(inTerm).map((o) => ({
      date: o.date,
      roomName: names.get(o.roomId) ?? '',
      start: formatTime(o.startMin),
      end: formatTime(o.endMin),
    })),
    missing,
  };
}
