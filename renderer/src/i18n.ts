import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, resources, type Language } from '../../shared/i18n';

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

void i18n.use(initReactI18next).init({
  resources,
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

export async function applyLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this window only.
  }
  dayjs.locale(DAYJS_LOCALE[language]);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
