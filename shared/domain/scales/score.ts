/*
 * messageKeys used here:
 *   errors.scale.answerUnknownItem   — an answer names an item the definition does not have
 *   errors.scale.answerUnknownCode   — an answer code is not in the item's option set
 *   errors.scale.unknownNormProfile  — the requested norm profile is not in the definition
 */
import type { Problem } from '../problems';
import { type Alert, type Answers, type Band, type Scale, type ScaleDefinition, bandLabelKey } from './definition';
import { type ScoredItem, isAnswered, itemScore, itemTable } from './items';
import { type RuleContext, compare, firingItems, holds } from './rules';
import { transformed } from './scale-math';

export interface BandResult {
  code: string;
  labelKey: string;
  flag: boolean;
}

export interface ScaleResult {
  /** After reverse scoring and the missing policy; null when too many answers are missing. */
  raw: number | null;
  /** `raw` transformed and rounded: the score bands and rules apply to. */
  score: number | null;
  answered: number;
  missing: number;
  /** The missing policy filled in for blanks (prorated, or counted as lowest). */
  filled: boolean;
  /** Null when the scale or the whole form is invalid: the report says "readminister", not a band. */
  band: BandResult | null;
}

export type InvalidReason = { kind: 'rule'; id: string } | { kind: 'missing'; scale: string; missing: number; allowed: number };

export interface FiredAlert {
  id: string;
  severity: Alert['severity'];
  suppressible: boolean;
  /** The items whose answers (or blanks) raised it; empty for an alert on a scale score. */
  items: string[];
}

export interface FormResult {
  scaleId: string;
  version: string;
  normProfile: string | null;
  scales: Record<string, ScaleResult>;
  validity: { valid: boolean; reasons: InvalidReason[] };
  /** Raised whatever the validity: a critical answer on an invalid form still needs a person (scales.md §5.5). */
  alerts: FiredAlert[];
  followUps: { id: string; scaleId: string }[];
}

/**
 * The band statistics and screening summaries count for a form: its first subscale's with one
 * (subscales in the definition's order); none on an invalid form, whose subscales have no band.
 * Stored with the form when it is completed, so that they count in SQL.
 */
export function headlineBand(result: FormResult): BandResult | null {
  return Object.values(result.scales).find((s) => s.band !== null)?.band ?? null;
}

/** Answers or options the definition cannot score; callers check with `answerProblems` first. */
export class ScaleInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.messageKey).join(', '));
    this.name = 'ScaleInputError';
  }
}

/** Problems of entered answers; paths are item ids, relative to the answers object. */
export function answerProblems(def: ScaleDefinition, answers: Answers): Problem[] {
  const table = itemTable(def);
  return Object.keys(answers).flatMap((id): Problem[] => {
    if (!isAnswered(answers, id)) return [];
    const item = table.get(id);
    if (!item) return [{ path: [id], messageKey: 'errors.scale.answerUnknownItem' }];
    return item.scores.has(answers[id]!) ? [] : [{ path: [id], messageKey: 'errors.scale.answerUnknownCode', params: { code: answers[id] } }];
  });
}

function assertAnswers(def: ScaleDefinition, answers: Answers): void {
  const problems = answerProblems(def, answers);
  if (problems.length > 0) throw new ScaleInputError(problems);
}

type Raw = { raw: number; answered: number; missing: number; filled: boolean } | { raw: null; answered: number; missing: number; allowed: number };

function rawScore(scale: Scale, table: ReadonlyMap<string, ScoredItem>, answers: Answers): Raw {
  const values = scale.items.map((id) => itemScore(table, answers, id));
  const answered = values.filter((v): v is number => v !== null);
  const missing = values.length - answered.length;
  const allowed = scale.missing.policy === 'all-required' ? 0 : scale.missing.maxMissing;
  if (missing > allowed || answered.length === 0) return { raw: null, answered: answered.length, missing, allowed };
  const lowest = scale.missing.policy === 'lowest';
  const used = lowest ? values.map((v, i) => v ?? table.get(scale.items[i]!)!.min) : answered;
  const prorate = values.length / used.length;
  const sum = used.reduce((s, v) => s + v, 0);
  const raw =
    scale.method === 'mean'
      ? sum / used.length
      : (scale.method === 'count' ? used.filter((v) => compare(v, scale.countIf.op, scale.countIf.value)).length : sum) * prorate;
  return { raw, answered: answered.length, missing, filled: missing > 0 };
}

function bandOf(bands: readonly Band[] | undefined, score: number): BandResult | null {
  const band = bands?.find((b) => score >= b.min && score <= b.max);
  return band ? { code: band.code, labelKey: bandLabelKey(band.label), flag: band.flag } : null;
}

function fire(alert: Alert, ctx: RuleContext): FiredAlert {
  return { id: alert.id, severity: alert.severity, suppressible: alert.suppressible, items: firingItems(alert.when, ctx) };
}

/**
 * Scores one completed (or abandoned) form. Deterministic: the same definition, answers and
 * profile give the same result, so a stored result can be recomputed and compared.
 */
export function scoreForm(def: ScaleDefinition, answers: Answers, normProfileId?: string | null): FormResult {
  assertAnswers(def, answers);
  const profile = normProfileId ? def.normProfiles?.find((p) => p.id === normProfileId) : undefined;
  if (normProfileId && !profile) {
    throw new ScaleInputError([{ path: ['normProfile'], messageKey: 'errors.scale.unknownNormProfile', params: { id: normProfileId } }]);
  }
  const table = itemTable(def);
  const raws = def.scales.map((scale) => ({ scale, ...rawScore(scale, table, answers) }));
  const scores = new Map(raws.flatMap((r) => (r.raw === null ? [] : [[r.scale.id, transformed(r.scale, r.raw)] as const])));
  const ctx: RuleContext = { answers, table, scales: scores };

  const reasons: InvalidReason[] = [
    ...(def.validity ?? []).filter((v) => holds(v.when, ctx)).map((v): InvalidReason => ({ kind: 'rule', id: v.id })),
    ...raws.flatMap((r): InvalidReason[] => ('allowed' in r ? [{ kind: 'missing', scale: r.scale.id, missing: r.missing, allowed: r.allowed }] : [])),
  ];
  const valid = reasons.length === 0;

  const scales: Record<string, ScaleResult> = {};
  for (const r of raws) {
    const score = scores.get(r.scale.id) ?? null;
    const bands = profile?.bands[r.scale.id] ?? r.scale.bands;
    scales[r.scale.id] = {
      raw: r.raw,
      score,
      answered: r.answered,
      missing: r.missing,
      filled: 'filled' in r && r.filled,
      band: valid && score !== null ? bandOf(bands, score) : null,
    };
  }

  return {
    scaleId: def.id,
    version: def.version,
    normProfile: profile?.id ?? null,
    scales,
    validity: { valid, reasons },
    alerts: (def.alerts ?? []).filter((a) => holds(a.when, ctx)).map((a) => fire(a, ctx)),
    followUps: (def.followUps ?? []).filter((f) => holds(f.when, ctx)).map((f) => ({ id: f.id, scaleId: f.scaleId })),
  };
}

/**
 * The alerts one answer raises at once (kiosk tap, paper-grid keystroke), before the form ends.
 * Only `on: "answer"` alerts are considered, and only those this answer is behind, so answering a
 * later item does not raise an earlier alert again.
 */
export function alertsForAnswer(def: ScaleDefinition, itemId: string, code: string, answersSoFar: Answers = {}): FiredAlert[] {
  const answers = { ...answersSoFar, [itemId]: code };
  assertAnswers(def, answers);
  const ctx: RuleContext = { answers, table: itemTable(def), scales: new Map() };
  return (def.alerts ?? [])
    .filter((a) => a.on === 'answer' && holds(a.when, ctx))
    .map((a) => fire(a, ctx))
    .filter((a) => a.items.includes(itemId));
}
