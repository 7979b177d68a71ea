import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import { MAX_RANGE_DAYS } from '../../../shared/api/openings';
import { daysBetween } from '../../../shared/domain/dates';
import { parseTime, type Problem } from '../../../shared/domain/schedule';
import { invalid } from '../common/validation';
import { studentRowState } from './appointments-repo';

/** Rules shared by the schedule services: date ranges, times of day, duty names, bookable students. */

/** A from–to date range of a query: in order and at most MAX_RANGE_DAYS days (both ends counted). */
export function assertDateRange(from: string, to: string): void {
  if (to < from) throw invalid('to', 'errors.schedule.toBeforeFrom');
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) throw invalid('to', 'errors.schedule.rangeTooLong', { maximum: MAX_RANGE_DAYS });
}

/** 'HH:MM' from the contract (already checked by zod) to minutes since midnight. */
export function toMinutes(time: string): number {
  const m = parseTime(time);
  if (m === null) throw new RangeError(`not a time of day: ${time}`);
  return m;
}

/** The domain names the person on duty by a nullable id; the contract carries their name, '' for nobody. */
export const dutyToDomain = (name: string): string | null => (name === '' ? null : name);
export const dutyFromDomain = (duty: string | null): string => duty ?? '';

/** Params naming the clashing item by id, where the domain gives its index in the list it was handed. */
export function otherIdParams(list: readonly { id: string }[]): (p: Problem) => Record<string, unknown> {
  return (p) => {
    const { otherIndex, ...rest } = p.params ?? {};
    const other = typeof otherIndex === 'number' ? list[otherIndex] : undefined;
    return other ? { ...rest, otherId: other.id } : rest;
  };
}

/**
 * A student who may be booked or put on the waitlist: on the roster and not deleted. A graduated or
 * transferred student is allowed (a last talk, a hand-over meeting).
 */
export function requireBookableStudent(db: Database, id: string, path: string): void {
  const state = studentRowState(db, id);
  if (state === null) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  if (state === 'deleted') throw invalid(path, 'errors.appointment.studentDeleted', { id });
}
