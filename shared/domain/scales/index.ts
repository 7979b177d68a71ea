/** The assessment archive's pure core: the definition format, its loader and the scoring engine. */
export {
  type Answers,
  BAND_LABELS,
  type BandLabel,
  type Rule,
  type ScaleDefinition,
  ScaleDefinitionSchema,
  bandLabelKey,
} from './definition';
export { type EligibilityCheck, checkEligibility } from './eligibility';
export { type GoldenFailure, runGoldenCases } from './golden';
export { canonicalJson, definitionHash } from './hash';
export { type BuiltinsResult, type LoadResult, loadBuiltins, loadDefinition } from './load';
export {
  type BandResult,
  type FiredAlert,
  type FormResult,
  type InvalidReason,
  type ScaleResult,
  ScaleInputError,
  alertsForAnswer,
  answerProblems,
  headlineBand,
  scoreForm,
} from './score';
export { validateDefinition } from './validate';
