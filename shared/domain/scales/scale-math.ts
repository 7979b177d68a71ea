import type { Scale } from './definition';
import type { ScoredItem } from './items';

export const decimalsOf = (scale: Scale): number => scale.decimals ?? 0;

/**
 * Rounds at the scale's resolution. `toPrecision(12)` first drops binary noise (1.005 × 100 is
 * 100.49999…), so a score exactly on a half rounds up as a person would round it.
 */
export function roundAt(x: number, decimals: number, mode: 'half-up' | 'floor' = 'half-up'): number {
  const f = 10 ** decimals;
  const scaled = Number((x * f).toPrecision(12));
  return (mode === 'floor' ? Math.floor(scaled) : Math.round(scaled)) / f;
}

/** The score bands apply to: raw × multiply + add, rounded at the scale's resolution. */
export function transformed(scale: Scale, raw: number): number {
  const t = scale.transform;
  return roundAt(raw * (t?.multiply ?? 1) + (t?.add ?? 0), decimalsOf(scale), t?.round);
}

/** Lowest and highest transformed score the scale can produce, or null if an item cannot be scored. */
export function scaleRange(scale: Scale, table: ReadonlyMap<string, ScoredItem>): { min: number; max: number } | null {
  const items = scale.items.map((id) => table.get(id));
  if (items.some((i) => i === undefined)) return null;
  const scored = items as ScoredItem[];
  const sumOf = (pick: (i: ScoredItem) => number) => scored.reduce((s, i) => s + pick(i), 0);
  const [lo, hi] =
    scale.method === 'count'
      ? [0, scored.length]
      : scale.method === 'mean'
        ? [sumOf((i) => i.min) / scored.length, sumOf((i) => i.max) / scored.length]
        : [sumOf((i) => i.min), sumOf((i) => i.max)];
  const a = transformed(scale, lo);
  const b = transformed(scale, hi);
  return { min: Math.min(a, b), max: Math.max(a, b) };
}
