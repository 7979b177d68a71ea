/** The interpreter of the rule tree: a fixed set of node kinds, nothing from a file is ever run. */
import type { Answers, Comparator, Rule } from './definition';
import { type ScoredItem, isAnswered, itemScore } from './items';

export type Leaf = Exclude<Rule, { all: Rule[] } | { any: Rule[] } | { not: Rule }>;
type Path = (string | number)[];

export interface RuleContext {
  answers: Answers;
  table: ReadonlyMap<string, ScoredItem>;
  /** Transformed scores of the scorable scales; absent while a form is still being answered. */
  scales: ReadonlyMap<string, number>;
}

export function compare(a: number, op: Comparator, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/** Every leaf with its path from `path`, so validation can point into the file. */
export function* leaves(rule: Rule, path: Path): Generator<{ leaf: Leaf; path: Path }> {
  if ('all' in rule) for (const [i, r] of rule.all.entries()) yield* leaves(r, [...path, 'all', i]);
  else if ('any' in rule) for (const [i, r] of rule.any.entries()) yield* leaves(r, [...path, 'any', i]);
  else if ('not' in rule) yield* leaves(rule.not, [...path, 'not']);
  else yield { leaf: rule, path };
}

function leafHolds(leaf: Leaf, ctx: RuleContext): boolean {
  if ('missing' in leaf) return compare(leaf.missing.filter((id) => !isAnswered(ctx.answers, id)).length, leaf.op, leaf.value);
  if ('scale' in leaf) {
    const score = ctx.scales.get(leaf.scale);
    return score !== undefined && compare(score, leaf.op, leaf.value);
  }
  if ('in' in leaf) return isAnswered(ctx.answers, leaf.item) && leaf.in.includes(ctx.answers[leaf.item]!);
  const score = itemScore(ctx.table, ctx.answers, leaf.item);
  return score !== null && compare(score, leaf.op, leaf.value);
}

export function holds(rule: Rule, ctx: RuleContext): boolean {
  if ('all' in rule) return rule.all.every((r) => holds(r, ctx));
  if ('any' in rule) return rule.any.some((r) => holds(r, ctx));
  if ('not' in rule) return !holds(rule.not, ctx);
  return leafHolds(rule, ctx);
}

/**
 * The items behind a rule that holds: those of its true leaves (for a `missing` leaf, the items
 * left blank), so an alert can name the answer that raised it. Negations name nothing.
 */
export function firingItems(rule: Rule, ctx: RuleContext): string[] {
  if ('all' in rule || 'any' in rule) {
    const children = 'all' in rule ? rule.all : rule.any;
    return [...new Set(children.filter((r) => holds(r, ctx)).flatMap((r) => firingItems(r, ctx)))];
  }
  if ('not' in rule || 'scale' in rule || !leafHolds(rule, ctx)) return [];
  if ('missing' in rule) return rule.missing.filter((id) => !isAnswered(ctx.answers, id));
  return [rule.item];
}
