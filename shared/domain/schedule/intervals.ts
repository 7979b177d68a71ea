/** A half-open span of minutes [startMin, endMin) within one day. */
export interface Interval {
  startMin: number;
  endMin: number;
}

/** Sorted, disjoint union of intervals; touching ones are joined so chains read as one span. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.endMin > i.startMin).sort((a, b) => a.startMin - b.startMin);
  const merged: Interval[] = [];
  for (const { startMin, endMin } of sorted) {
    const last = merged.at(-1);
    if (last && startMin <= last.endMin) last.endMin = Math.max(last.endMin, endMin);
    else merged.push({ startMin, endMin });
  }
  return merged;
}

/** Minutes of [startMin, endMin) covered by already merged intervals. */
export function overlapMinutes(merged: readonly Interval[], startMin: number, endMin: number): number {
  return merged.reduce((sum, i) => sum + Math.max(0, Math.min(endMin, i.endMin) - Math.max(startMin, i.startMin)), 0);
}

/** Open time of one room on one date, merged. */
export interface OpenBlock {
  date: string;
  roomId: string;
  intervals: Interval[];
}

/** Groups openings by date and room and merges each group, so overlapping openings count once. */
export function openBlocks(openings: readonly (Interval & { date: string; roomId: string })[]): OpenBlock[] {
  const groups = new Map<string, { date: string; roomId: string; list: Interval[] }>();
  for (const o of openings) {
    const key = `${o.date}\u0000${o.roomId}`;
    const group = groups.get(key) ?? { date: o.date, roomId: o.roomId, list: [] };
    group.list.push(o);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ date, roomId, list }) => ({ date, roomId, intervals: mergeIntervals(list) }));
}
