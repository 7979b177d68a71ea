/** One cell's second keying: what was typed, and whether it agrees with the stored answer. */
export interface Check {
  typed: string;
  ok: boolean;
}

/**
 * The second entry of a cell. Typed the same as stored: agreed. Typed differently: flagged, and
 * nothing changes. Typed the same different value twice in a row: the first entry was the slip,
 * so the new value replaces it (`replace`). Either way two keyings agree before a row can finish.
 */
export function secondEntry(stored: string | undefined, prior: Check | undefined, code: string): { check: Check; replace: boolean } {
  if (code === stored) return { check: { typed: code, ok: true }, replace: false };
  if (prior && !prior.ok && prior.typed === code) return { check: { typed: code, ok: true }, replace: true };
  return { check: { typed: code, ok: false }, replace: false };
}

/** A row passes its check when every stored answer was keyed again to agree. */
export function unagreed(answers: Readonly<Record<string, string>>, checks: Readonly<Record<string, Check>>): number {
  return Object.keys(answers).filter((id) => checks[id]?.ok !== true).length;
}
