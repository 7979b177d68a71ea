/**
 * The scale-definition format (a simplified form of scales.md §5). A definition is data only: the
 * scoring engine interprets its rule trees and never runs code from a file. Objects are strict so a
 * misspelt key ("suppresible") is refused instead of silently ignored, and nothing has a zod default,
 * so the parsed definition is the file itself and its hash identifies what was scored.
 */
import { z } from 'zod';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/);
/** A definition's own id, as the assessments API accepts it (shared/api/assessments.ts). */
const ScaleId = z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/);
/** Not trimmed (that would rewrite the file); a text must merely contain something visible. */
const Text = z.string().max(2000).regex(/\S/);

/** zh-CN is the app's default language and always required; English is optional per definition. */
const LocalizedSchema = z.strictObject({ 'zh-CN': Text, en: Text.optional() });
export type Localized = z.infer<typeof LocalizedSchema>;

/** Where the text of one language came from; `verified` stays false until a person has compared it with the source. */
const TranslationSchema = z.strictObject({
  kind: z.enum(['original', 'published-translation', 'working-translation']),
  source: Text,
  verified: z.boolean(),
});

const ReferenceSchema = z.strictObject({ id: Id, citation: Text, doi: Text.optional() });

const LicenseSchema = z.strictObject({
  status: z.enum(['public-domain', 'free-no-permission', 'free-with-conditions', 'permission-obtained', 'commercial-licensed', 'unknown']),
  holder: Text,
  statement: Text,
  statementSource: Text,
  /** Shown on forms and reports wherever the scale appears. */
  attribution: LocalizedSchema,
  /** `licensee-supplied`: the definition carries structure and scoring only; a district supplies the wording. */
  textDistribution: z.enum(['bundled', 'licensee-supplied']),
  /** The day a person last re-read the licence page; null until someone has. */
  verifiedOn: z.iso.date().nullable(),
  notes: Text.optional(),
});

const OptionSchema = z.strictObject({
  /** Stored in results; stable across versions and independent of the score (K6: LOINC order vs Kessler scoring). */
  code: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/),
  /** null: an answer that is recorded but not scored ("don't know"); it counts as missing. */
  score: z.number().nullable(),
  text: LocalizedSchema.optional(),
});

const ItemSchema = z.strictObject({
  id: Id,
  /** Printed number; printed forms reorder items, so scoring always keys on `id`. */
  number: z.string().max(8),
  optionSet: Id,
  reverse: z.boolean().optional(),
  text: LocalizedSchema.optional(),
  loinc: z.string().max(16).optional(),
});

const COMPARATORS = ['==', '!=', '>', '>=', '<', '<='] as const;
export type Comparator = (typeof COMPARATORS)[number];
const Cmp = z.enum(COMPARATORS);

/**
 * The rule tree. Leaves: an item's score (after reverse scoring) or its answer code, a scale's
 * transformed score, or how many of some items are unanswered. A leaf about an unanswered item or an
 * unscorable scale is false.
 */
export type Rule =
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule }
  | { item: string; op: Comparator; value: number }
  | { item: string; in: string[] }
  | { scale: string; op: Comparator; value: number }
  | { missing: string[]; op: Comparator; value: number };

const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(RuleSchema).min(1) }),
    z.strictObject({ any: z.array(RuleSchema).min(1) }),
    z.strictObject({ not: RuleSchema }),
    z.strictObject({ item: Id, op: Cmp, value: z.number() }),
    z.strictObject({ item: Id, in: z.array(z.string()).min(1) }),
    z.strictObject({ scale: Id, op: Cmp, value: z.number() }),
    z.strictObject({ missing: z.array(Id).min(1), op: Cmp, value: z.number() }),
  ]),
);

/** Neutral wording only (guide ETH-07): a closed list, so no definition can label a student with an illness. */
export const BAND_LABELS = ['clear', 'watch', 'attention', 'review', 'priorityReview'] as const;
export type BandLabel = (typeof BAND_LABELS)[number];
export const bandLabelKey = (label: BandLabel): string => `scales.band.${label}`;

const BandSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/),
  min: z.number(),
  max: z.number(),
  label: z.enum(BAND_LABELS),
  /** Screen-positive: the student goes to the campaign's triage queue. */
  flag: z.boolean(),
});
export type Band = z.infer<typeof BandSchema>;

const MissingSchema = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('all-required') }),
  /** Scale the answered part up to the full item count (a mean simply averages the answered items). */
  z.strictObject({ policy: z.literal('prorate'), maxMissing: z.int().min(1) }),
  /** Count an unanswered item as its lowest score (PSC: blanks count as 0). */
  z.strictObject({ policy: z.literal('lowest'), maxMissing: z.int().min(1) }),
]);

const TransformSchema = z.strictObject({
  multiply: z.number().optional(),
  add: z.number().optional(),
  /** SDS-style "integer part of raw × 1.25" is `floor`; everything else rounds half up. */
  round: z.enum(['half-up', 'floor']).optional(),
});

const scaleFields = {
  id: Id,
  names: LocalizedSchema,
  items: z.array(Id).min(1),
  missing: MissingSchema,
  transform: TransformSchema.optional(),
  /** Decimal places of the transformed score; bands are contiguous at this resolution. Default 0. */
  decimals: z.int().min(0).max(4).optional(),
  bands: z.array(BandSchema).optional(),
  bandsSource: Id.optional(),
  loinc: z.string().max(16).optional(),
};
const ScaleSchema = z.discriminatedUnion('method', [
  z.strictObject({ ...scaleFields, method: z.enum(['sum', 'mean']) }),
  /** How many items score as `countIf` says (SCL-90 positive items: score >= 2). */
  z.strictObject({ ...scaleFields, method: z.literal('count'), countIf: z.strictObject({ op: Cmp, value: z.number() }) }),
]);
export type Scale = z.infer<typeof ScaleSchema>;

const NormProfileSchema = z.strictObject({
  id: Id,
  names: LocalizedSchema,
  source: Id,
  /** Replaces the bands of the named scales; other scales keep their own. */
  bands: z.record(Id, z.array(BandSchema).min(1)),
});

const ValidityRuleSchema = z.strictObject({ id: Id, when: RuleSchema, message: LocalizedSchema });

const AlertSchema = z.strictObject({
  id: Id,
  severity: z.enum(['critical', 'urgent', 'followup']),
  /** `answer`: raised on the keystroke or tap, before the form ends; the rule may read answered items only. */
  on: z.enum(['answer', 'submit']),
  when: RuleSchema,
  /** Whether a district may switch the alert off; a critical alert never can (checked in validate.ts). */
  suppressible: z.boolean(),
  message: LocalizedSchema,
});
export type Alert = z.infer<typeof AlertSchema>;

const FollowUpSchema = z.strictObject({ id: Id, scaleId: ScaleId, when: RuleSchema });

const Bound = z.strictObject({ min: z.number().optional(), max: z.number().optional() });
const EligibilitySchema = z.strictObject({
  ageYears: Bound.optional(),
  /** School grades 1–12 (小学 1–6, 初中 7–9, 高中 10–12), as in grades.ts. */
  grades: Bound.optional(),
  enforcement: z.enum(['info', 'warn', 'block']),
});
export type Eligibility = z.infer<typeof EligibilitySchema>;

const ExpectedScaleSchema = z.strictObject({
  raw: z.number().nullable().optional(),
  score: z.number().nullable().optional(),
  band: z.string().nullable().optional(),
});

const GoldenCaseSchema = z.strictObject({
  name: Text,
  answers: z.record(Id, z.string()),
  normProfile: Id.optional(),
  /** Alerts and follow-ups are the exact sets expected, so a spurious alert fails the case too. */
  expect: z.strictObject({
    valid: z.boolean(),
    alerts: z.array(Id),
    followUps: z.array(Id),
    scales: z.record(Id, ExpectedScaleSchema),
  }),
});
export type GoldenCase = z.infer<typeof GoldenCaseSchema>;

export const ScaleDefinitionSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: ScaleId,
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  names: LocalizedSchema,
  shortName: z.string().min(1).max(32),
  respondent: z.array(z.enum(['self', 'parent', 'teacher', 'counselor'])).min(1),
  eligibility: EligibilitySchema,
  license: LicenseSchema,
  references: z.array(ReferenceSchema),
  translations: z.strictObject({ 'zh-CN': TranslationSchema, en: TranslationSchema.optional() }),
  recallPeriod: LocalizedSchema.optional(),
  instructions: LocalizedSchema.optional(),
  optionSets: z.record(Id, z.array(OptionSchema).min(2)),
  items: z.array(ItemSchema).min(1),
  scales: z.array(ScaleSchema).min(1),
  normProfiles: z.array(NormProfileSchema).optional(),
  validity: z.array(ValidityRuleSchema).optional(),
  alerts: z.array(AlertSchema).optional(),
  followUps: z.array(FollowUpSchema).optional(),
  goldenCases: z.array(GoldenCaseSchema).min(1),
});
export type ScaleDefinition = z.infer<typeof ScaleDefinitionSchema>;

/** Answers as entered: item id → option code; an absent, null or empty answer is missing. */
export type Answers = Readonly<Record<string, string | null | undefined>>;
