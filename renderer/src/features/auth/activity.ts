/** What counts as someone at the keyboard. */
const ACTIVITY_EVENTS = ['keydown', 'mousemove', 'mousedown', 'pointerdown', 'wheel', 'touchstart'] as const;

export const HEARTBEAT_MS = 60_000;

export interface ActivityOptions {
  /** Call onIdle after this long without activity; null = never (heartbeat only). */
  idleMs: number | null;
  onIdle?: () => void;
  /** Called on activity, at most once per heartbeatMs. */
  onHeartbeat: () => void;
  heartbeatMs?: number;
  now?: () => number;
  target?: EventTarget;
}

/**
 * Watches keyboard, mouse and pointer activity. The heartbeat keeps the core's own
 * idle lock from firing while someone is working; onIdle locks the screen when nobody is.
 * Returns the function that stops watching.
 */
export function watchActivity({ idleMs, onIdle, onHeartbeat, heartbeatMs = HEARTBEAT_MS, now = Date.now, target = window }: ActivityOptions): () => void {
  let lastActivity = now();
  // Logging in or unlocking was itself activity the core has seen.
  let lastBeat = lastActivity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const onActivity = () => {
    lastActivity = now();
    if (lastActivity - lastBeat >= heartbeatMs) {
      lastBeat = lastActivity;
      onHeartbeat();
    }
  };
  const stop = () => {
    clearTimeout(timer);
    for (const e of ACTIVITY_EVENTS) target.removeEventListener(e, onActivity, { capture: true });
  };
  // One timer re-armed for the time left, rather than a ticking interval.
  const check = (limit: number) => {
    const left = limit - (now() - lastActivity);
    if (left > 0) {
      timer = setTimeout(check, left, limit);
      return;
    }
    stop();
    onIdle?.();
  };

  for (const e of ACTIVITY_EVENTS) target.addEventListener(e, onActivity, { capture: true, passive: true });
  if (idleMs !== null) timer = setTimeout(check, idleMs, idleMs);
  return stop;
}
