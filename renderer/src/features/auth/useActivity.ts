import { useEffect } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { watchActivity } from './activity';

// A failed heartbeat needs no handling here: a locked session is picked up by onSessionInterrupted.
const heartbeat = () => void api.auth.heartbeat({}).catch(() => undefined);

/** Locks the app after the configured minutes without activity; heartbeats while active. */
export function useIdleLock(): void {
  const fromSettings = useSettings((s) => s.settings?.idleLockMinutes);
  const fromStatus = useSession((s) => s.status?.idleLockMinutes);
  const minutes = fromSettings ?? fromStatus ?? null;
  useEffect(
    () =>
      watchActivity({
        idleMs: minutes === null ? null : minutes * 60_000,
        onIdle: () => void useSession.getState().lock(),
        onHeartbeat: heartbeat,
      }),
    [minutes],
  );
}

/** Keeps an unlocked session alive while someone is working on a screen outside the shell (setup). */
export function useHeartbeat(active: boolean): void {
  useEffect(() => (active ? watchActivity({ idleMs: null, onHeartbeat: heartbeat }) : undefined), [active]);
}
