import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../shared/api/errors';
import { MAX_RANGE_DAYS } from '../../shared/api/openings';
import { daysBetween } from '../../shared/domain/dates';
import { parseTime, type Problem } from '../../shared/domain/schedule';
import { studentRowState } from './appointments-repo';

/** Rules shared by the schedule services: VALIDATION errors with paths, date ranges, times of day. */

/** VALIDATION naming one field; the reason is also the message, so a caller without a form still reads what is wrong. */
export function invalid(path: string, reason: string, extra: Record<string, unknown> = {}): CounselError {
  return new CounselError('VALIDATION', reason, [{ path, reason, ...extra }]);
}

// The domain works in minutes; the contract's fields are 'HH:MM' strings named start and end.
const API_FIELDS: Record<string, string> = { startMin: 'start', endMin: 'end' };

/** A domain path as the contract's dotted path: [3, 'endMin'] under 'periods' is 'periods.3.end'. */
export function apiPath(path: readonly (string | number)[], prefix: readonly (string | number)[] = []): string {
  return [...prefix, ...path].map((p) => API_FIELDS[p] ?? String(p)).join('.');
}

/**
 * Throws VALIDATION for domain problems (nothing when there are none), each as a detail with its
 * path and params; `params` may turn an index into the domain's list into something the caller knows.
 */
export function assertNoProblems(
  problems: readonly Problem[],
  path: (p: Problem) => string,
  params: (p: Problem) => Record<string, unknown> = (p) => p.params ?? {},
): void {
  const first = problems[0];
  if (!first) return;
  throw new CounselError(
    'VALIDATION',
    first.messageKey,
    problems.map((p) => ({ path: path(p), reason: p.messageKey, ...params(p) })),
  );
}

/**
 * Throws VALIDATION for the problems of one item of a validated list (the one being saved), with
 * paths relative to that item; `depth` is where the item's index stands in each problem's path.
 */
export function assertItemValid(
  problems: readonly Problem[],
  index: number,
  depth: number,
  params?: (p: Problem) => Record<string, unknown>,
): void {
  assertNoProblems(
    problems.filter((p) => p.path[depth] === index),
    (p) => apiPath(p.path.slice(depth + 1)),
    params,
  );
}

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
    const other = typeof p.params?.otherIndex === 'number' ? list[p.params.otherIndex] : undefined;
    return other ? { otherId: other.id } : {};
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
