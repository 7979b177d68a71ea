import { EllipsisOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import { FIRST_ERROR } from '../lib/revealError';
import { useSettings } from '../stores/settings';

const ANTD_LOCALE: Record<Language, typeof zhCN> = { 'zh-CN': zhCN, en: enUS };
/** A calm teal; the menu's selection stays light so the page, not the menu, draws the eye. */
const PRIMARY = '#2f6f73';
/** People who ask their system for less motion get none from antd either. */
const REDUCED_MOTION = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
function shade7(colors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(colors).flatMap(([name, color]) => [[`${name}7`, color], [`${name}-7`, color]]));
}

/**
 * Every text colour reaches 4.5:1 (WCAG AA) on the backgrounds it is drawn on: white, the grey
 * panels (#f3f5f4, #f5f5f5), the menu's selection and a tag's own tint. antd's defaults (45% black
 * for secondary text, #ff4d4f for danger, the -7 shades of the tag palettes) sit near 3:1.
 */
const READABLE = {
  // 62% black: 6.2:1 on white, 5.9:1 on the menu's selection.
  colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  // Placeholders and disabled text stay lighter than the entered value, still 4.8:1 or more.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  colorTextDisabled: 'rgba(0, 0, 0, 0.58)',
  // Status colours double as text (status tags, danger buttons, form errors).
  colorError: '#cf1322',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorInfo: '#0958d9',
  // The tag palettes' text shade, one step darker where the default is under 4.5:1 on its tint;
  // antd keeps each shade under two names that end up as one CSS variable, so both are set.
  ...shade7({ green: '#237804', orange: '#ad4e00', gold: '#874d00' }),
};
const THEME = {
  token: { colorPrimary: PRIMARY, colorLink: PRIMARY, borderRadius: 6, motion: !REDUCED_MOTION, ...READABLE },
  components: { Menu: { itemSelectedBg: '#e4efee', itemSelectedColor: '#1f4f52' } },
};
/**
 * With antd's prebuilt sheet loaded (the window's entry does that), components skip generating
 * their CSS at run time: on an old room PC that generation was most of the time before the login
 * screen could be used. The tokens above still reach the sheet, as CSS variables.
 */
const STATIC_THEME = { ...THEME, zeroRuntime: true };

/** antd spaces out a two-character Chinese label (锁 定, 保 存), which reads as two words. */
const BUTTON = { autoInsertSpace: false };

/** A form refused before it is sent shows its first error in view and focused, as one the core refused does (showErrorOnForm). */
const FORM = { scrollToFirstError: FIRST_ERROR };

/**
 * The button a tab bar shows when its tabs overflow holds only an icon, which antd names in English
 * after the icon ("ellipsis"); named once for every tab bar. Its name is read when a tab bar draws,
 * i.e. on a page, once the full catalog (where the key lives) has loaded.
 */
function MoreTabsIcon() {
  const { t } = useTranslation();
  return <EllipsisOutlined aria-label={t('common.moreTabs')} />;
}
const TABS = { more: { icon: <MoreTabsIcon /> } };

/** antd's own texts (pagination, pickers, empty states) follow the chosen language. */
export function AppProviders({ children, staticStyles = false }: { children: ReactNode; staticStyles?: boolean }) {
  const language = useSettings((s) => s.language);
  return (
    <ConfigProvider locale={ANTD_LOCALE[language]} theme={staticStyles ? STATIC_THEME : THEME} button={BUTTON} tabs={TABS} form={FORM}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
