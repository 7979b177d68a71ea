import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle';
import { useFocusTitle } from './useFocusTitle';

/** The frame of the screens shown before the app opens: setup, login, lock; the app's name as banner, the panel as main with its h1. */
export function CenteredPanel({ title, width = 440, children }: { title: ReactNode; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  const main = useFocusTitle(typeof title === 'string' ? title : '');
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f3f5f4' }}>
      <header style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {t('app.title')}
        </Typography.Text>
      </header>
      <main ref={main} style={{ width: '100%', maxWidth: width }}>
        <Card title={<PageTitle>{title}</PageTitle>} className="centered-panel">
          {children}
        </Card>
      </main>
    </Flex>
  );
}
