import { create } from 'zustand';
import type { PageId } from '../features/shell/pages';

/** Something opened from a page: it replaces the page until closed (back) or the menu is used. */
export type Opened =
  | { kind: 'case'; id: string }
  | { kind: 'record'; id: string }
  | { kind: 'contact'; id: string }
  | { kind: 'archive'; studentId: string }
  | { kind: 'group'; id: string }
  | { kind: 'campaign'; id: string };

interface NavState {
  /** The menu's page; null until one is chosen (the role's landing page). */
  page: PageId | null;
  /** The trail of opened things, newest last; empty shows the menu's page. */
  stack: Opened[];
  /** To a menu page itself, not to what was opened from it. */
  goTo(page: PageId): void;
  open(target: Opened): void;
  back(): void;
  reset(): void;
  /** Forgets page and trail (locking, logging out). */
  leave(): void;
}

/**
 * In-app navigation below the menu. A stack rather than a router: the app has no URLs
 * (app:// in Electron), and "back" must return to the case or search it came from.
 */
export const useNav = create<NavState>()((set) => ({
  page: null,
  stack: [],
  goTo: (page) => set({ page, stack: [] }),
  open: (target) => set((s) => ({ stack: [...s.stack, target] })),
  back: () => set((s) => ({ stack: s.stack.slice(0, -1) })),
  reset: () => set({ stack: [] }),
  leave: () => set({ page: null, stack: [] }),
}));
