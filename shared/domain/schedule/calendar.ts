/*
 * The school calendar: terms, holidays and 调休 make-up workdays.
 *
 * messageKeys used here (params in braces):
 *   errors.schedule.termEndBeforeStart
 *   errors.schedule.termsOverlap        {otherIndex}
 *   errors.schedule.termTooLong         {maximum}
 *   errors.schedule.makeupNotWeekend
 *   errors.schedule.makeupNeedsWeekday
 *   errors.schedule.holidayHasWeekday
 *   errors.schedule.holidayOnWeekend
 *   errors.schedule.duplicateSpecialDay {otherIndex}
 */
import { addDays, daysBetween } from '../dates';
import { type Problem, isIntBetween, laterClashes } from './problems';
import { isoWeekday } from './time';

export interface Term {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

/**
 * A holiday is a weekday without school (国庆); a make-up workday is a Saturday or Sunday with
 * school that follows the timetable of `followsWeekday` (1..5).
 */
export interface SpecialDay {
  date: string;
  kind: 'holiday' | 'makeupWorkday';
  followsWeekday: number | null;
  name: string;
}

export interface SchoolCalendar {
  terms: Term[];
  specialDays: SpecialDay[];
}

export type DayReason = 'weekday' | 'makeupWorkday' | 'holiday' | 'weekend' | 'outsideTerm';

/** `termId` is set for every date inside a term, school day or not; `timetableWeekday` only for school days. */
export interface SchoolDayInfo {
  schoolDay: boolean;
  timetableWeekday: number | null;
  termId: string | null;
  reason: DayReason;
}

/** A lookup for many dates of one calendar; special days are indexed once. */
export function schoolDayLookup(cal: SchoolCalendar): (date: string) => SchoolDayInfo {
  const special = new Map<string, SpecialDay>();
  // A duplicated date is reported by validateCalendar; until fixed, the first entry counts.
  for (const day of cal.specialDays) if (!special.has(day.date)) special.set(day.date, day);
  return (date) => {
    const term = cal.terms.find((t) => t.startDate <= date && date <= t.endDate);
    if (!term) return { schoolDay: false, timetableWeekday: null, termId: null, reason: 'outsideTerm' };
    const weekday = isoWeekday(date);
    const day = special.get(date);
    const off = (reason: DayReason): SchoolDayInfo => ({ schoolDay: false, timetableWeekday: null, termId: term.id, reason });
    if (day?.kind === 'makeupWorkday') {
      return { schoolDay: true, timetableWeekday: day.followsWeekday ?? weekday, termId: term.id, reason: 'makeupWorkday' };
    }
    if (day?.kind === 'holiday') return off('holiday');
    if (weekday >= 6) return off('weekend');
    return { schoolDay: true, timetableWeekday: weekday, termId: term.id, reason: 'weekday' };
  };
}

/** Whether a date is a school day, which weekday's timetable it follows, and why. */
export function schoolDayInfo(cal: SchoolCalendar, date: string): SchoolDayInfo {
  return schoolDayLookup(cal)(date);
}

export interface SchoolDay {
  date: string;
  timetableWeekday: number;
  termId: string;
  reason: 'weekday' | 'makeupWorkday';
}

/** The school days from `from` to `to` (inclusive), in date order. */
export function listSchoolDays(cal: SchoolCalendar, from: string, to: string): SchoolDay[] {
  const info = schoolDayLookup(cal);
  const days: SchoolDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const { timetableWeekday, termId, reason } = info(date);
    if (timetableWeekday !== null && termId !== null && (reason === 'weekday' || reason === 'makeupWorkday')) {
      days.push({ date, timetableWeekday, termId, reason });
    }
  }
  return days;
}

/**
 * A term is at most a year (a whole school year kept as one term). Every school-day walk over a
 * term (the compliance figures, openings) costs its length, and a term from 1900 to 2100 froze
 * the core for seconds on each of them.
 */
export const MAX_TERM_DAYS = 366;

export interface OpeningDay {
  date: string;
  /** The weekday whose slots apply: the date's own, or on a 调休 day the followed one. */
  timetableWeekday: number;
  termId: string;
  reason: 'weekday' | 'makeupWorkday' | 'weekend';
}

/**
 * The days a room may open from `from` to `to`: the school days, and the Saturdays and Sundays of
 * a term (a boarding school's weekend); holidays and the days between terms are left out.
 */
export function listOpeningDays(cal: SchoolCalendar, from: string, to: string): OpeningDay[] {
  const info = schoolDayLookup(cal);
  const days: OpeningDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const { timetableWeekday, termId, reason } = info(date);
    if (termId === null) continue;
    if (reason === 'weekend') days.push({ date, timetableWeekday: isoWeekday(date), termId, reason });
    else if (timetableWeekday !== null && (reason === 'weekday' || reason === 'makeupWorkday')) days.push({ date, timetableWeekday, termId, reason });
  }
  return days;
}

/** Everything wrong with a calendar; an empty list means it is usable. */
export function validateCalendar(cal: SchoolCalendar): Problem[] {
  const problems: Problem[] = [];
  const wellFormed = (t: Term) => t.startDate <= t.endDate;
  cal.terms.forEach((t, i) => {
    if (!wellFormed(t)) problems.push({ path: ['terms', i, 'endDate'], messageKey: 'errors.schedule.termEndBeforeStart' });
    else if (daysBetween(t.startDate, t.endDate) + 1 > MAX_TERM_DAYS) {
      problems.push({ path: ['terms', i, 'endDate'], messageKey: 'errors.schedule.termTooLong', params: { maximum: MAX_TERM_DAYS } });
    }
  });
  for (const { index, otherIndex } of laterClashes(
    cal.terms,
    (a, b) => wellFormed(a) && wellFormed(b) && a.startDate <= b.endDate && b.startDate <= a.endDate,
  )) {
    problems.push({ path: ['terms', index, 'startDate'], messageKey: 'errors.schedule.termsOverlap', params: { otherIndex } });
  }
  cal.specialDays.forEach((day, i) => problems.push(...specialDayProblems(day, ['specialDays', i])));
  for (const { index, otherIndex } of laterClashes(cal.specialDays, (a, b) => a.date === b.date)) {
    problems.push({ path: ['specialDays', index, 'date'], messageKey: 'errors.schedule.duplicateSpecialDay', params: { otherIndex } });
  }
  return problems;
}

function specialDayProblems(day: SpecialDay, path: (string | number)[]): Problem[] {
  const weekend = isoWeekday(day.date) >= 6;
  const problems: Problem[] = [];
  const add = (field: keyof SpecialDay, messageKey: string) => problems.push({ path: [...path, field], messageKey });
  if (day.kind === 'makeupWorkday') {
    if (!weekend) add('date', 'errors.schedule.makeupNotWeekend');
    if (!isIntBetween(day.followsWeekday, 1, 5)) add('followsWeekday', 'errors.schedule.makeupNeedsWeekday');
  } else {
    if (day.followsWeekday !== null) add('followsWeekday', 'errors.schedule.holidayHasWeekday');
    if (weekend) add('date', 'errors.schedule.holidayOnWeekend');
  }
  return problems;
}
