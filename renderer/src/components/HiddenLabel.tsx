import type { ReactNode } from 'react';

/** Text read by a screen reader but not drawn: a name for a header that shows nothing, like a column of buttons. */
export function HiddenLabel({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
