import { create } from 'zustand';
import type { AppStatus } from '../../../shared/api/session';
import { api, onSessionLost } from '../api/client';

/** Which screen the app is on; derived from app.status, except while setup finishes. */
export type Phase = 'starting' | 'unavailable' | 'setup' | 'login' | 'locked' | 'unlocked';

interface SessionState {
  phase: Phase;
  status: AppStatus | null;
  /** Why app.status failed (phase 'unavailable'), e.g. a database that cannot be opened. */
  failure: unknown;
  /**
   * Setup stays on screen after setup.initialize until the recovery key is typed back,
   * even though the core already reports setupDone and an unlocked session.
   */
  settingUp: boolean;
  refresh(): Promise<void>;
  beginSetup(): void;
  finishSetup(): Promise<void>;
  login(username: string, passphrase: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  logout(): Promise<void>;
}

function phaseOf(status: AppStatus, settingUp: boolean): Phase {
  if (settingUp || !status.setupDone) return 'setup';
  if (status.session === 'unlocked') return 'unlocked';
  return status.session === 'locked' ? 'locked' : 'login';
}

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'starting',
  status: null,
  failure: null,
  settingUp: false,

  async refresh() {
    try {
      const status = await api.app.status({});
      set({ status, failure: null, phase: phaseOf(status, get().settingUp) });
    } catch (failure) {
      set({ failure, phase: 'unavailable' });
    }
  },

  beginSetup() {
    set({ settingUp: true });
  },

  async finishSetup() {
    set({ settingUp: false });
    await get().refresh();
  },

  async login(username, passphrase) {
    await api.auth.login({ username, passphrase });
    await get().refresh();
  },

  async unlock(passphrase) {
    await api.auth.unlock({ passphrase });
    await get().refresh();
  },

  async lock() {
    try {
      await api.auth.lock({});
    } finally {
      // Even if the call failed, the screen must not keep showing records.
      await get().refresh();
      if (get().phase === 'unlocked') set({ phase: 'locked' });
    }
  },

  async logout() {
    try {
      await api.auth.logout({});
    } finally {
      await get().refresh();
    }
  },
}));

// A call that finds the session locked or gone (server-side idle lock) moves the UI along.
onSessionLost(() => {
  if (useSession.getState().phase === 'unlocked') void useSession.getState().refresh();
});
