import { isoWeekday, parseSlotRule } from '../../../../shared/domain/schedule';

/** The weekdays a slot can fall on, Saturday and Sunday too; a 调休 Saturday borrows a weekday's slots. */
export const SLOT_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** FREQ=DAILY: every school day. */
const SCHOOL_WEEKDAYS = [1, 2, 3, 4, 5];
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The weekday checkboxes and the "every two weeks" box as an RRULE body. */
export function buildRule(weekdays: readonly number[], everyOtherWeek: boolean): string {
  const days = [...weekdays].sort((a, b) => a - b).map((d) => DAY_CODES[d - 1]);
  return ['FREQ=WEEKLY', ...(everyOtherWeek ? ['INTERVAL=2'] : []), `BYDAY=${days.join(',')}`].join(';');
}

/**
 * A stored rule read back for the form and the table: FREQ=DAILY is every school weekday, and a
 * weekly rule without BYDAY falls, as RFC 5545 says, on the weekday of its first date.
 */
export function readRule(rrule: string, validFrom: string): { weekdays: number[]; interval: number } | null {
  const parsed = parseSlotRule(rrule);
  if (!parsed.ok) return null;
  const { freq, interval, byDay } = parsed.rule;
  if (freq === 'DAILY') return { weekdays: SCHOOL_WEEKDAYS, interval };
  return { weekdays: byDay.length > 0 ? byDay : [isoWeekday(validFrom)], interval };
}
