import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A section's heading under the page's h1: an h2, so heading levels go in order for a screen reader,
 * drawn at the smaller size the section had (antd's level 4 or 5).
 */
export function SectionTitle({ children, size = 5 }: { children: ReactNode; size?: 4 | 5 }) {
  return (
    <Typography.Title level={2} className={`section-title section-title-${size}`}>
      {children}
    </Typography.Title>
  );
}
