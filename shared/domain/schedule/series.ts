/** Recurring appointments: the same weekday every N weeks. */
import { RRule } from './rrule';
import { isIntBetween } from './problems';
import { fromFloating, toFloating } from './time';

export interface SeriesInput {
  startDate: string;
  /** 1..4 */
  intervalWeeks: number;
  /** 1..52 */
  count: number;
}

/** The dates of a weekly series on startDate's weekday, startDate first; throws RangeError outside the limits. */
export function expandSeries({ startDate, intervalWeeks, count }: SeriesInput): string[] {
  if (!isIntBetween(intervalWeeks, 1, 4) || !isIntBetween(count, 1, 52)) {
    throw new RangeError(`series out of range: every ${intervalWeeks} weeks, ${count} times`);
  }
  return new RRule({ freq: RRule.WEEKLY, interval: intervalWeeks, count, dtstart: toFloating(startDate), wkst: RRule.MO }).all().map(fromFloating);
}
