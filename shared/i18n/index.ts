import { en } from './en';
import { zhCN, type Catalog } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** i18next resources: one `translation` namespace per language. */
export const resources: Record<Language, { translation: Catalog }> = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
};

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

export type { Catalog };
