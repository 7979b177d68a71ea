import { useEffect } from 'react';
import { useOpenAlerts } from '../../stores/alerts';

/**
 * An alert raised on the kiosk (or in another window) must reach every counselor screen while the
 * student is still in the room: ask every few seconds, and at once when the window comes back to
 * the front. Mounted only inside the unlocked shell, so a locked app polls nothing.
 */
export const ALERT_POLL_MS = 5000;

export function useAlertPolling(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const { refresh, clear } = useOpenAlerts.getState();
    void refresh();
    const timer = window.setInterval(() => void refresh(), ALERT_POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      clear();
    };
  }, [enabled]);
}
