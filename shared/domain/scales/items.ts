import type { Answers, ScaleDefinition } from './definition';

/** One item as the engine sees it: answer code → score with reverse scoring already applied. */
export interface ScoredItem {
  scores: ReadonlyMap<string, number | null>;
  /** Lowest and highest numeric score; reverse scoring keeps them, it only swaps which code gets which. */
  min: number;
  max: number;
}

const tables = new WeakMap<ScaleDefinition, ReadonlyMap<string, ScoredItem>>();

/**
 * Reverse scoring is resolved once per definition (scales.md §5.1: visible and testable), so no
 * code path can score a reversed item forwards. Items whose option set is missing or has no
 * numeric score are left out; validate.ts reports them.
 */
export function itemTable(def: ScaleDefinition): ReadonlyMap<string, ScoredItem> {
  const cached = tables.get(def);
  if (cached) return cached;
  const table = new Map<string, ScoredItem>();
  for (const item of def.items) {
    const options = def.optionSets[item.optionSet];
    const numeric = (options ?? []).flatMap((o) => (o.score === null ? [] : [o.score]));
    if (!options || numeric.length === 0) continue;
    const min = Math.min(...numeric);
    const max = Math.max(...numeric);
    const scores = new Map(options.map((o) => [o.code, o.score !== null && item.reverse ? min + max - o.score : o.score]));
    table.set(item.id, { scores, min, max });
  }
  tables.set(def, table);
  return table;
}

export function isAnswered(answers: Answers, itemId: string): boolean {
  const code = answers[itemId];
  return code !== undefined && code !== null && code !== '';
}

/** The item's score, or null when it is unanswered or the option is unscored. */
export function itemScore(table: ReadonlyMap<string, ScoredItem>, answers: Answers, itemId: string): number | null {
  if (!isAnswered(answers, itemId)) return null;
  return table.get(itemId)?.scores.get(answers[itemId]!) ?? null;
}
