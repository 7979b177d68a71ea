import { create } from 'zustand';
import type { AppStatus } from '../../../shared/api/session';
import { api, onSessionInterrupted } from '../api/client';

/**
 * Which screen the app is on; derived from app.status, except while setup finishes.
 * 'changePassphrase': unlocked, but the core answers nothing else until an initial
 * passphrase (set by a colleague) is replaced.
 */
export type Phase = 'starting' | 'unavailable' | 'setup' | 'login' | 'locked' | 'changePassphrase' | 'unlocked';

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
  /** The first app.status of this window, once asked (see start). */
  startup: Promise<void> | null;
  refresh(): Promise<void>;
  /**
   * The first app.status, asked once: the window's entry asks before React has drawn anything, so
   * the answer travels while the first frame renders, and the first screen asks again only if it
   * was not asked yet.
   */
  start(): Promise<void>;
  beginSetup(): void;
  finishSetup(): Promise<void>;
  login(username: string, passphrase: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  logout(): Promise<void>;
}

/** Phases with an unlocked session behind them: what a lock or an interrupted call must leave. */
const UNLOCKED_PHASES: readonly Phase[] = ['unlocked', 'changePassphrase'];

function phaseOf(status: AppStatus, settingUp: boolean): Phase {
  if (settingUp || !status.setupDone) return 'setup';
  if (status.session === 'unlocked') return status.user?.mustChangePassphrase ? 'changePassphrase' : 'unlocked';
  return status.session === 'locked' ? 'locked' : 'login';
}

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'starting',
  status: null,
  failure: null,
  settingUp: false,
  startup: null,

  start() {
    let startup = get().startup;
    if (!startup) {
      startup = get().refresh();
      set({ startup });
    }
    return startup;
  },

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
      if (UNLOCKED_PHASES.includes(get().phase)) set({ phase: 'locked' });
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

// A call that finds the session locked, gone (server-side idle lock) or held for a passphrase
// change moves the UI to the screen app.status then calls for.
onSessionInterrupted(() => {
  const { phase, refresh } = useSession.getState();
  if (UNLOCKED_PHASES.includes(phase)) void refresh();
});
