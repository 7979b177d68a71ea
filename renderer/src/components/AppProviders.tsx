import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import type { Language } from '../../../shared/i18n';
import { useSettings } from '../stores/settings';

const ANTD_LOCALE: Record<Language, typeof zhCN> = { 'zh-CN': zhCN, en: enUS };
/** A calm teal; the menu's selection stays light so the page, not the menu, draws the eye. */
const PRIMARY = '#2f6f73';
/** People who ask their system for less motion get none from antd either. */
const REDUCED_MOTION = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const THEME = {
  token: { colorPrimary: PRIMARY, colorLink: PRIMARY, borderRadius: 6, motion: !REDUCED_MOTION },
  components: { Menu: { itemSelectedBg: '#e4efee', itemSelectedColor: '#1f4f52' } },
};

/** antd spaces out a two-character Chinese label (锁 定, 保 存), which reads as two words. */
const BUTTON = { autoInsertSpace: false };

/** antd's own texts (pagination, pickers, empty states) follow the chosen language. */
export function AppProviders({ children }: { children: ReactNode }) {
  const language = useSettings((s) => s.language);
  return (
    <ConfigProvider locale={ANTD_LOCALE[language]} theme={THEME} button={BUTTON}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
