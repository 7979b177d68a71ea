import { useCallback, useEffect, useState } from 'react';

interface Settled<T> {
  key: string;
  round: number;
  data?: T;
  error?: unknown;
}

export interface CallState<T> {
  /** The last result, kept while a newer call runs so tables do not flash empty. */
  data: T | undefined;
  /** The failure of the newest call, once it has failed. */
  error: unknown;
  /** True until the newest call (or reload) has settled. */
  loading: boolean;
  reload(): void;
}

/**
 * Runs `fetch(arg)` whenever arg changes by value, or not at all while arg is null.
 * `fetch` must be stable (a module-level function); arg must survive JSON, which is
 * also how it is compared. Late answers to superseded calls are dropped.
 */
export function useCall<A, T>(fetch: (arg: A) => Promise<T>, arg: A | null): CallState<T> {
  const key = arg === null ? null : JSON.stringify(arg);
  const [round, setRound] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    fetch(JSON.parse(key) as A).then(
      (data) => current && setSettled({ key, round, data }),
      (error: unknown) => current && setSettled({ key, round, error }),
    );
    return () => {
      current = false;
    };
  }, [fetch, key, round]);

  const fresh = key !== null && settled?.key === key && settled.round === round;
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: settled?.data, error: fresh ? settled.error : undefined, loading: key !== null && !fresh, reload };
}
