import { useEffect, useState } from 'react';
import { toApiError } from '../../lib/errors';

/**
 * Seconds left before the core accepts another passphrase, taken from an
 * errors.auth.throttled failure; 0 when not throttled. Ticks down once a second.
 */
export function useRetryCountdown(): [number, (err: unknown) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const id = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(id);
  }, [until, now]);
  const noteFailure = (err: unknown) => {
    const { messageKey, details } = toApiError(err);
    const wait = details && !Array.isArray(details) ? details.retryAfterMs : undefined;
    if (messageKey === 'errors.auth.throttled' && typeof wait === 'number') {
      setNow(Date.now());
      setUntil(Date.now() + wait);
    }
  };
  return [Math.max(0, Math.ceil((until - now) / 1000)), noteFailure];
}
