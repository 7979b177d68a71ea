import { create } from 'zustand';
import type { AlertView } from '../../../shared/api/assessments';
import { api } from '../api/client';

interface OpenAlertsState {
  /** Open alerts as the core last listed them (critical first, then the oldest); null until first loaded. */
  items: AlertView[] | null;
  error: unknown;
  refresh(): Promise<void>;
  clear(): void;
}

/**
 * The counselor's open alerts, for the menu badge, the banner on every page and 待处理预警. They live
 * in the database, not here: this is a copy refreshed while the app is unlocked, so a navigation,
 * a lock or a restart can never lose one from view.
 */
export const useOpenAlerts = create<OpenAlertsState>()((set) => ({
  items: null,
  error: undefined,
  async refresh() {
    try {
      set({ items: (await api.alerts.open({})).items, error: undefined });
    } catch (error) {
      set({ error });
    }
  },
  clear() {
    set({ items: null, error: undefined });
  },
}));

/** What needs a person now: critical and urgent alerts (a follow-up waits for the list). */
export function pressing(items: readonly AlertView[] | null): AlertView[] {
  return (items ?? []).filter((a) => a.severity !== 'followup');
}
