/*
 * Figures for the compliance checklist, all derived from expanded openings. Within one room,
 * overlapping openings (a slot plus an extra) count once; across rooms minutes add up, since two
 * rooms open at the same time serve twice the students.
 */
import { weekOf } from '../dates';
import { classMinutesOverlap, type ClassPeriod } from './bell';
import { type SchoolCalendar, listSchoolDays, schoolDayLookup } from './calendar';
import { openBlocks } from './intervals';
import { type Occurrence } from './openings';

/** Open minutes per room and summed over rooms in the Monday–Sunday week holding `weekStart`. */
export function weeklyOpenMinutes(occurrences: readonly Occurrence[], weekStart: string): { byRoom: Record<string, number>; total: number } {
  const { start, end } = weekOf(weekStart);
  const byRoom: Record<string, number> = {};
  let total = 0;
  for (const block of openBlocks(occurrences.filter((o) => start <= o.date && o.date <= end))) {
    const minutes = block.intervals.reduce((sum, i) => sum + i.endMin - i.startMin, 0);
    byRoom[block.roomId] = (byRoom[block.roomId] ?? 0) + minutes;
    total += minutes;
  }
  return { byRoom, total };
}

/** School days of a term and how many of them had any room open; an unknown term gives zeros. */
export function schoolDaysWithOpening(calendar: SchoolCalendar, termId: string, occurrences: readonly Occurrence[]): { schoolDays: number; daysWithOpening: number } {
  const term = calendar.terms.find((t) => t.id === termId);
  if (!term) return { schoolDays: 0, daysWithOpening: 0 };
  const days = listSchoolDays(calendar, term.startDate, term.endDate);
  const opened = new Set(occurrences.filter((o) => o.endMin > o.startMin).map((o) => o.date));
  return { schoolDays: days.length, daysWithOpening: days.filter((d) => opened.has(d.date)).length };
}

/**
 * How much open time falls outside class periods, by each date's timetable weekday (a 调休 day uses
 * the followed weekday's bell; a non-school day has no class); share is null with no open time.
 */
export function outsideClassShare(
  calendar: SchoolCalendar,
  periods: readonly ClassPeriod[],
  occurrences: readonly Occurrence[],
): { openMinutes: number; outsideClassMinutes: number; share: number | null } {
  const info = schoolDayLookup(calendar);
  let openMinutes = 0;
  let outsideClassMinutes = 0;
  for (const { date, intervals } of openBlocks(occurrences)) {
    const weekday = info(date).timetableWeekday;
    for (const { startMin, endMin } of intervals) {
      const inClass = weekday === null ? 0 : classMinutesOverlap(periods, weekday, startMin, endMin);
      openMinutes += endMin - startMin;
      outsideClassMinutes += endMin - startMin - inClass;
    }
  }
  return { openMinutes, outsideClassMinutes, share: openMinutes === 0 ? null : outsideClassMinutes / openMinutes };
}

/** Openings nobody is on duty for. */
export function occurrencesWithoutDuty(occurrences: readonly Occurrence[]): Occurrence[] {
  return occurrences.filter((o) => o.dutyUserId === null);
}
