import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { lazy, type ComponentType } from 'react';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Catalog, type Language } from '../../shared/i18n';
import { startupEn } from '../../shared/i18n/startup.en';
import { startupZhCN } from '../../shared/i18n/startup.zh-CN';

/** Only the language choice is kept on the device: never anything from the archive. */
const LANGUAGE_KEY = 'counselroom.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** The login screen's keys only: the full catalogs would be a sixth of the first script. */
const STARTUP_CATALOG = { 'zh-CN': startupZhCN, en: startupEn } as const;

// i18next keeps the object it is given and merges each full catalog into it: it gets copies, so
// the start-up catalogs themselves stay as they are written.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: structuredClone(STARTUP_CATALOG['zh-CN']) }, en: { translation: structuredClone(STARTUP_CATALOG.en) } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  // Resources are bundled, so initialise synchronously: the first render already has text.
  initAsync: false,
  interpolation: { escapeValue: false },
});
dayjs.locale(DAYJS_LOCALE[i18n.language as Language] ?? 'zh-cn');
document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

const FULL_CATALOG: Record<Language, () => Promise<Catalog>> = {
  'zh-CN': () => import('../../shared/i18n/zh-CN').then((m) => m.zhCN),
  en: () => import('../../shared/i18n/en').then((m) => m.en),
};
const loading = new Map<Language, Promise<void>>();

/** Adds a language's full catalog to the start-up one, once; a failed load is tried again next time. */
export function loadCatalog(language: Language = currentLanguage()): Promise<void> {
  let done = loading.get(language);
  if (!done) {
    done = FULL_CATALOG[language]().then(
      (catalog) => void i18n.addResourceBundle(language, 'translation', catalog, true, true),
      (err: unknown) => {
        loading.delete(language);
        throw err;
      },
    );
    loading.set(language, done);
  }
  return done;
}

/**
 * React.lazy for a screen beyond the start-up ones: its chunk and the full catalog load together,
 * so it never renders a raw key.
 */
export function lazyWithCatalog<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadCatalog()]);
    return { default: component };
  });
}

export async function applyLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this window only.
  }
  // The catalog first, so the switch never shows keys for a moment.
  await loadCatalog(language);
  dayjs.locale(DAYJS_LOCALE[language]);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
