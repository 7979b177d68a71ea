import type { CSSProperties, KeyboardEvent } from 'react';

/**
 * Props that make a row (a table row, a list item) open something by click and by keyboard:
 * it takes focus with Tab and opens with Enter or Space, as a link would.
 */
export function activateProps(onActivate: () => void): {
  onClick(): void;
  onKeyDown(e: KeyboardEvent): void;
  tabIndex: number;
  style: CSSProperties;
} {
  return {
    onClick: onActivate,
    onKeyDown: (e) => {
      if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      onActivate();
    },
    tabIndex: 0,
    style: { cursor: 'pointer' },
  };
}
