import { create } from 'zustand';
import type { InputOf } from '../../../shared/api/contract';
import type { SettingsView } from '../../../shared/api/settings';
import type { Language } from '../../../shared/i18n';
import { api } from '../api/client';
import { applyLanguage, currentLanguage } from '../i18n';

interface SettingsState {
  /** Per device (localStorage), so each person's screen keeps its language. */
  language: Language;
  /** The archive's settings; null until loaded after unlocking, and dropped on lock. */
  settings: SettingsView | null;
  setLanguage(language: Language): Promise<void>;
  load(): Promise<void>;
  update(patch: InputOf<'settings.update'>): Promise<void>;
  setPrivacyMask(on: boolean): Promise<void>;
  clear(): void;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  language: currentLanguage(),
  settings: null,

  async setLanguage(language) {
    await applyLanguage(language);
    set({ language });
  },

  async load() {
    set({ settings: await api.settings.get({}) });
  },

  async update(patch) {
    set({ settings: await api.settings.update(patch) });
  },

  async setPrivacyMask(on) {
    const before = get().settings;
    // Flip the screen at once: the switch exists for the moment a visitor walks in.
    if (before) set({ settings: { ...before, privacyMask: on } });
    try {
      await get().update({ privacyMask: on });
    } catch (err) {
      set({ settings: before });
      throw err;
    }
  },

  clear() {
    set({ settings: null });
  },
}));

/** Whether names must be masked right now. Until settings load, mask: fail towards privacy. */
export const usePrivacyMask = () => useSettings((s) => s.settings?.privacyMask ?? true);
