import { create } from 'zustand';

/** Something opened from a page: it replaces the page until closed (back) or the menu is used. */
export type Opened =
  | { kind: 'case'; id: string }
  | { kind: 'record'; id: string }
  | { kind: 'contact'; id: string }
  | { kind: 'archive'; studentId: string }
  | { kind: 'group'; id: string }
  | { kind: 'campaign'; id: string };

interface NavState {
  /** The trail of opened things, newest last; empty shows the menu's page. */
  stack: Opened[];
  open(target: Opened): void;
  back(): void;
  reset(): void;
}

/**
 * In-app navigation below the menu. A stack rather than a router: the app has no URLs
 * (app:// in Electron), and "back" must return to the case or search it came from.
 */
export const useNav = create<NavState>()((set) => ({
  stack: [],
  open: (target) => set((s) => ({ stack: [...s.stack, target] })),
  back: () => set((s) => ({ stack: s.stack.slice(0, -1) })),
  reset: () => set({ stack: [] }),
}));
