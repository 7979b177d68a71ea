import type { GoldenCase, ScaleDefinition } from './definition';
import { type FormResult, ScaleInputError, scoreForm } from './score';

export interface GoldenFailure {
  caseName: string;
  /** Into the definition file: the expectation that was not met. */
  path: (string | number)[];
  expected: unknown;
  actual: unknown;
}

/** Scores are floating point (prorating, means); a golden value matches within this. */
const TOLERANCE = 1e-9;

function same(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(expected - actual) <= TOLERANCE;
  return expected === actual;
}

const sorted = (ids: readonly string[]) => [...ids].sort();

function differences(c: GoldenCase, result: FormResult, path: (string | number)[]): GoldenFailure[] {
  const failures: GoldenFailure[] = [];
  const check = (at: (string | number)[], expected: unknown, actual: unknown, equal = same(expected, actual)) => {
    if (!equal) failures.push({ caseName: c.name, path: [...path, ...at], expected, actual });
  };
  check(['valid'], c.expect.valid, result.validity.valid);
  for (const [key, actual] of [
    ['alerts', result.alerts.map((a) => a.id)],
    ['followUps', result.followUps.map((f) => f.id)],
  ] as const) {
    const expected = sorted(c.expect[key]);
    check([key], expected, sorted(actual), expected.join('\n') === sorted(actual).join('\n'));
  }
  for (const [scaleId, expected] of Object.entries(c.expect.scales)) {
    const actual = result.scales[scaleId];
    if (expected.raw !== undefined) check(['scales', scaleId, 'raw'], expected.raw, actual?.raw);
    if (expected.score !== undefined) check(['scales', scaleId, 'score'], expected.score, actual?.score);
    if (expected.band !== undefined) check(['scales', scaleId, 'band'], expected.band, actual?.band?.code ?? null);
  }
  return failures;
}

/** Runs every golden case of the definition; an empty list means the definition scores as its authors say. */
export function runGoldenCases(def: ScaleDefinition): GoldenFailure[] {
  return def.goldenCases.flatMap((c, i) => {
    try {
      return differences(c, scoreForm(def, c.answers, c.normProfile), ['goldenCases', i, 'expect']);
    } catch (e) {
      if (!(e instanceof ScaleInputError)) throw e;
      return [{ caseName: c.name, path: ['goldenCases', i, 'answers'], expected: 'scorable answers', actual: e.problems }];
    }
  });
}
