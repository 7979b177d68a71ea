import type { CounselTransport } from '../../../shared/api/contract';

/**
 * Puts a connection's session back after a call that may have ended it: a valid auth.logout or
 * auth.lock, or a wrong passphrase that got the account throttled (the clock is moved past the
 * wait, as a patient user would).
 */
export function sessionKeeper(call: CounselTransport, username: string, passphrase: string, clock: { now: number }): () => Promise<void> {
  return async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const st = await call('app.status', {});
      const state = st.ok ? (st.value as { session: string }).session : 'none';
      if (state === 'unlocked' && (await call('auth.heartbeat', {})).ok) return;
      const r = state === 'locked' ? await call('auth.unlock', { passphrase }) : await call('auth.login', { username, passphrase });
      if (!r.ok && r.error.messageKey === 'errors.auth.throttled') clock.now += Number((r.error.details as { retryAfterMs: number }).retryAfterMs) + 1;
    }
    throw new Error(`could not restore the session of ${username}`);
  };
}
