/*
 * messageKeys used here:
 *   errors.schedule.timeOutOfRange   — a time of day is not a whole minute in 0..1440
 *   errors.schedule.endNotAfterStart — an interval ends at or before its start
 */

import type { Problem } from '../problems';

export type { Problem };

/** Minutes in a day: the largest valid time of day, so an interval may end at midnight. */
export const DAY_MINUTES = 1440;

/** Whether `n` is an integer in lo..hi (inclusive). */
export function isIntBetween(n: unknown, lo: number, hi: number): n is number {
  return Number.isInteger(n) && (n as number) >= lo && (n as number) <= hi;
}

/** Problems of a half-open [startMin, endMin) time interval; `path` is the object holding both fields. */
export function intervalProblems(startMin: number, endMin: number, path: (string | number)[]): Problem[] {
  for (const [field, value] of [['startMin', startMin], ['endMin', endMin]] as const) {
    if (!isIntBetween(value, 0, DAY_MINUTES)) return [{ path: [...path, field], messageKey: 'errors.schedule.timeOutOfRange' }];
  }
  return endMin > startMin ? [] : [{ path: [...path, 'endMin'], messageKey: 'errors.schedule.endNotAfterStart' }];
}

/**
 * For each item that clashes with an earlier one, its index and the index of the first earlier one
 * it clashes with, so a triple clash yields two problems rather than three.
 */
export function laterClashes<T>(items: readonly T[], clash: (earlier: T, later: T) => boolean): { index: number; otherIndex: number }[] {
  const found: { index: number; otherIndex: number }[] = [];
  items.forEach((later, index) => {
    const otherIndex = items.slice(0, index).findIndex((earlier) => clash(earlier, later));
    if (otherIndex >= 0) found.push({ index, otherIndex });
  });
  return found;
}
