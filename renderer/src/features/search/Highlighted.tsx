import type { ReactNode } from 'react';

/**
 * A snippet with its matches wrapped in <mark>: built from the core's [start, end) ranges as
 * React text nodes, so whatever the note holds (`<img onerror>`) is shown, never parsed.
 */
export function Highlighted({ text, highlights }: { text: string; highlights: readonly (readonly [number, number])[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    // Overlapping or out-of-range ranges are clipped rather than trusted.
    const from = Math.max(start, at);
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span className="snippet">{parts}</span>;
}
