import { CounselError } from '../../../shared/api/errors';
import type { Problem } from '../../../shared/domain/problems';

/** Domain problems and single-field refusals as VALIDATION errors whose details name the field, for every service. */

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
