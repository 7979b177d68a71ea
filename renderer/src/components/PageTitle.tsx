import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's one h1, drawn at the size pages have always used. It takes focus (not Tab) so that,
 * after a navigation, a screen reader starts reading at the new page and Tab continues from there.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={1} className="page-title" tabIndex={-1}>
      {children}
    </Typography.Title>
  );
}
