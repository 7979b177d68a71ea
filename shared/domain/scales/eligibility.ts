import type { Eligibility, ScaleDefinition } from './definition';

export interface EligibilityCheck {
  /** `ok`, or the definition's enforcement when the student is outside its age or grade range. */
  outcome: 'ok' | Eligibility['enforcement'];
  outside: ('age' | 'grade')[];
}

const outsideBound = (value: number | undefined, bound: { min?: number; max?: number } | undefined) =>
  value !== undefined && bound !== undefined && ((bound.min !== undefined && value < bound.min) || (bound.max !== undefined && value > bound.max));

/**
 * Shown to the counselor before administration (scales.md §5.5 rule 5). An unknown age or grade
 * is not held against the student: the counselor decides.
 */
export function checkEligibility(def: ScaleDefinition, student: { ageYears?: number; grade?: number }): EligibilityCheck {
  const { ageYears, grades, enforcement } = def.eligibility;
  const outside = [
    ...(outsideBound(student.ageYears, ageYears) ? (['age'] as const) : []),
    ...(outsideBound(student.grade, grades) ? (['grade'] as const) : []),
  ];
  return { outcome: outside.length > 0 ? enforcement : 'ok', outside };
}
