import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of the screens shown before the app opens: setup, login, lock. */
export function CenteredPanel({ title, width = 440, children }: { title: ReactNode; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f3f5f4' }}>
      <Typography.Text type="secondary" style={{ marginBottom: 12, fontSize: 16 }}>
        {t('app.title')}
      </Typography.Text>
      <Card title={title} style={{ width: '100%', maxWidth: width }}>
        {children}
      </Card>
    </Flex>
  );
}
