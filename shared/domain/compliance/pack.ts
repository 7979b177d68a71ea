import { z } from 'zod';

/**
 * The rule-pack format: a checklist as data (the national guide, a province's grading table). Nothing
 * in a pack runs as code; an item names at most one metric from the fixed list below, and the
 * service computes that metric from the app's own data.
 */

export const FORCES = ['must', 'inPrinciple', 'may', 'prohibited'] as const;
export const EVIDENCE_TYPES = ['photo', 'document', 'floorPlan', 'roster', 'schedule', 'records', 'attestation'] as const;
export const THRESHOLD_UNITS = ['m2', 'h', 'count', 'students'] as const;
export type ThresholdUnit = (typeof THRESHOLD_UNITS)[number];

/**
 * Each metric the app can compute, with the unit its threshold is in and whether a pack must, may or
 * must not give one.
 */
export const METRIC_SPECS = {
  'rooms.zoneTypes': { threshold: 'none' },
  'rooms.individualArea': { threshold: 'required', unit: 'm2' },
  'rooms.groupArea': { threshold: 'required', unit: 'm2' },
  'rooms.totalArea': { threshold: 'required', unit: 'm2' },
  'open.everySchoolDay': { threshold: 'none' },
  'open.outsideClass': { threshold: 'none' },
  'open.duty': { threshold: 'none' },
  'open.weeklyHours': { threshold: 'required', unit: 'h' },
  'staff.counselingTeachers': { threshold: 'required', unit: 'count' },
  'staff.ratio': { threshold: 'required', unit: 'students' },
  'staff.fullTimeRatio': { threshold: 'required', unit: 'students' },
  'staff.fullTimeTrigger': { threshold: 'required', unit: 'students' },
  'staff.trainingHours': { threshold: 'optional', unit: 'h' },
  'records.complete': { threshold: 'none' },
  'screening.yearly': { threshold: 'none' },
  'storage.secure': { threshold: 'none' },
  'consent.beforeTest': { threshold: 'none' },
  'crisis.procedure': { threshold: 'none' },
  'referral.followUp': { threshold: 'none' },
} as const satisfies Record<string, { threshold: 'none' | 'optional' | 'required'; unit?: ThresholdUnit }>;
export type MetricId = keyof typeof METRIC_SPECS;
export const METRIC_IDS = Object.keys(METRIC_SPECS) as MetricId[];

const label = z.object({ zh: z.string().min(1).max(400), en: z.string().min(1).max(400) }).strict();

/** min and max inclusive; years widens a yearly figure to a span (Gansu's hours over 5 years). */
export const thresholdSchema = z
  .object({
    unit: z.enum(THRESHOLD_UNITS),
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    years: z.number().int().min(1).max(10).optional(),
  })
  .strict();
export type Threshold = z.output<typeof thresholdSchema>;

export const bandSchema = z.object({ min: z.number(), max: z.number(), grade: label }).strict();
export type Band = z.output<typeof bandSchema>;

const levelSchema = z.object({ score: z.number().int().min(0).max(100), text: label }).strict();

export const packItemSchema = z
  .object({
    id: z.string().regex(/^[A-Z]+(-[A-Z]+)*-[A-Z]?\d{1,2}[a-z]?$/),
    category: label,
    text: label,
    source: z.object({ doc: z.string().min(1).max(16), clause: z.string().min(1).max(60) }).strict(),
    force: z.enum(FORCES),
    threshold: thresholdSchema.optional(),
    /** A string here, so an unknown name is reported as such rather than as a bare enum mismatch. */
    metric: z.string().max(40).optional(),
    evidence: z.array(z.enum(EVIDENCE_TYPES)).min(1).max(EVIDENCE_TYPES.length),
    /** Points for a weighted pack. */
    points: z.number().positive().max(100).optional(),
    /** Level descriptors for a levels pack (0/1/3/5). */
    levels: z.array(levelSchema).max(6).optional(),
    /** The source for this item was not confirmed: shown as such, never as settled. */
    provisional: z.boolean().default(false),
    note: label.optional(),
  })
  .strict();
export type PackItem = z.output<typeof packItemSchema>;

export const SCORING_STYLES = ['passFail', 'points', 'levels'] as const;

export const packSchema = z
  .object({
    format: z.literal('counselroom.compliance-pack/1'),
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: label,
    issuer: label,
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    jurisdiction: z.string().min(2).max(20),
    status: z.enum(['confirmed', 'provisional']),
    sources: z
      .array(z.object({ id: z.string().min(1).max(16), title: z.string().min(1).max(200), docNo: z.string().max(60), date: z.string().max(20) }).strict())
      .min(1)
      .max(30),
    scoring: z
      .object({
        style: z.enum(SCORING_STYLES),
        /** Grades over the score in per cent (0–100): they must cover it without gap or overlap. */
        bands: z.array(bandSchema).max(10).default([]),
        /** The scores a levels item may take, e.g. [0, 1, 3, 5]. */
        levels: z.array(z.number().int().min(0).max(100)).max(6).optional(),
      })
      .strict(),
    items: z.array(packItemSchema).min(1).max(200),
  })
  .strict();
export type Pack = z.output<typeof packSchema>;

export interface PackProblem {
  /** The item the problem is in, or null for the pack itself. */
  item: string | null;
  path: string;
  reason: string;
}

/**
 * Parses a pack and checks what the schema cannot: known metrics, thresholds that fit their metric,
 * unique ids, sources that exist, points or levels the scoring style needs, bands covering 0–100.
 */
export function validatePack(raw: unknown): { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] } {
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    const items = (raw as { items?: { id?: unknown }[] } | null)?.items;
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const itemIndex = i.path[0] === 'items' && typeof i.path[1] === 'number' ? i.path[1] : null;
        const itemId = itemIndex === null ? null : items?.[itemIndex]?.id;
        return { item: typeof itemId === 'string' ? itemId : null, path: i.path.join('.'), reason: 'compliance.pack.malformed' };
      }),
    };
  }
  const pack = parsed.data;
  const problems: PackProblem[] = [];
  const seen = new Set<string>();
  const sources = new Set(pack.sources.map((s) => s.id));
  const style = pack.scoring.style;
  pack.items.forEach((it, i) => {
    const at = (field: string) => `items.${i}.${field}`;
    const add = (field: string, reason: string) => problems.push({ item: it.id, path: at(field), reason });
    if (seen.has(it.id)) add('id', 'compliance.pack.duplicateId');
    seen.add(it.id);
    if (!sources.has(it.source.doc)) add('source.doc', 'compliance.pack.unknownSource');
    thresholdProblems(it).forEach((reason) => add(reason === 'compliance.pack.unknownMetric' ? 'metric' : 'threshold', reason));
    if (style === 'points' && it.points === undefined) add('points', 'compliance.pack.pointsMissing');
    if (style !== 'points' && it.points !== undefined) add('points', 'compliance.pack.pointsUnused');
    const allowed = new Set(pack.scoring.levels ?? []);
    if (style !== 'levels' && it.levels !== undefined) add('levels', 'compliance.pack.levelsUnused');
    if (style === 'levels' && it.levels?.some((l) => !allowed.has(l.score))) add('levels', 'compliance.pack.levelNotInScale');
  });
  if (style === 'levels' && (pack.scoring.levels ?? []).length < 2) problems.push({ item: null, path: 'scoring.levels', reason: 'compliance.pack.levelsMissing' });
  if (style === 'points' && pack.scoring.bands.length === 0) problems.push({ item: null, path: 'scoring.bands', reason: 'compliance.pack.bandsMissing' });
  if (pack.scoring.bands.length > 0 && !bandsCover(pack.scoring.bands)) problems.push({ item: null, path: 'scoring.bands', reason: 'compliance.pack.bandsGap' });
  return problems.length === 0 ? { ok: true, pack } : { ok: false, problems };
}

function thresholdProblems(it: PackItem): string[] {
  const t = it.threshold;
  if (it.metric === undefined) return t === undefined ? [] : ['compliance.pack.thresholdWithoutMetric'];
  if (!(it.metric in METRIC_SPECS)) return ['compliance.pack.unknownMetric'];
  const spec: { threshold: string; unit?: ThresholdUnit } = METRIC_SPECS[it.metric as MetricId];
  if (t === undefined) return spec.threshold === 'required' ? ['compliance.pack.thresholdMissing'] : [];
  if (spec.threshold === 'none') return ['compliance.pack.thresholdUnused'];
  if (t.unit !== spec.unit) return ['compliance.pack.thresholdUnit'];
  if (t.min === undefined && t.max === undefined) return ['compliance.pack.thresholdEmpty'];
  if (t.min !== undefined && t.max !== undefined && t.min > t.max) return ['compliance.pack.thresholdOrder'];
  return [];
}

/** Bands sorted by min must run from 0 to 100, each starting where the one before ends. */
function bandsCover(bands: readonly Band[]): boolean {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  if (sorted[0]!.min !== 0 || sorted[sorted.length - 1]!.max !== 100) return false;
  return sorted.every((b, i) => b.min < b.max && (i === 0 || b.min === sorted[i - 1]!.max));
}

/** The grade of a score: bands are half-open [min, max), the top one closed at 100. */
export function gradeOf(bands: readonly Band[], percent: number): Band['grade'] | null {
  const b = bands.find((x) => percent >= x.min && (percent < x.max || (x.max === 100 && percent === 100)));
  return b?.grade ?? null;
}
