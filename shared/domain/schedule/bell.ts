/*
 * The bell schedule (作息时间): class periods per ISO weekday.
 *
 * messageKeys used here (params in braces):
 *   errors.schedule.weekdayInvalid
 *   errors.schedule.timeOutOfRange, errors.schedule.endNotAfterStart (see problems.ts)
 *   errors.schedule.periodsOverlap {otherIndex}
 */
import { mergeIntervals, overlapMinutes } from './intervals';
import { type Problem, intervalProblems, isIntBetween, laterClashes } from './problems';

export interface ClassPeriod {
  weekday: number;
  startMin: number;
  endMin: number;
  label: string;
}

/** Minutes of [startMin, endMin) that fall in class time on a timetable weekday; overlapping periods count once. */
export function classMinutesOverlap(periods: readonly ClassPeriod[], timetableWeekday: number, startMin: number, endMin: number): number {
  return overlapMinutes(mergeIntervals(periods.filter((p) => p.weekday === timetableWeekday)), startMin, endMin);
}

/** Everything wrong with a bell schedule; paths start with the period's index. */
export function validatePeriods(periods: readonly ClassPeriod[]): Problem[] {
  const problems: Problem[] = [];
  const sound = periods.map((p, i) => {
    const own = [
      ...(isIntBetween(p.weekday, 1, 7) ? [] : [{ path: [i, 'weekday'], messageKey: 'errors.schedule.weekdayInvalid' }]),
      ...intervalProblems(p.startMin, p.endMin, [i]),
    ];
    problems.push(...own);
    return own.length === 0;
  });
  const clashes = laterClashes(
    periods.map((p, i) => ({ ...p, sound: sound[i] })),
    (a, b) => !!a.sound && !!b.sound && a.weekday === b.weekday && a.startMin < b.endMin && b.startMin < a.endMin,
  );
  for (const { index, otherIndex } of clashes) {
    problems.push({ path: [index, 'startMin'], messageKey: 'errors.schedule.periodsOverlap', params: { otherIndex } });
  }
  return problems;
}
