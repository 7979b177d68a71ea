import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ScaleDefinition, loadDefinition } from '../../../shared/domain/scales';

/** Tests run from the repository root (as the other unit tests read package.json). */
const DIR = 'resources/scales';

/** The shipped files, parsed but not loaded: file name → JSON. */
export function builtinFiles(): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as unknown]),
  );
}

/** A shipped file as a mutable object, for building broken variants of a real definition. */
export function builtinJson(file: string): ScaleDefinition {
  return builtinFiles()[file] as ScaleDefinition;
}

export function loaded(file: string): ScaleDefinition {
  const result = loadDefinition(builtinFiles()[file]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const zh = (text: string) => ({ 'zh-CN': text });

/**
 * A made-up instrument that uses what the built-ins do not: answer codes that are letters, a
 * reversed item, prorating, a mean, a count, a ×1.25 floor transform and a lie scale.
 * Answers `typical` score: q1 a=0, q2 a reversed=3, q3 b=1, q4 c=2, q5 d=3 → total 9.
 */
export const typical = { q1: 'a', q2: 'a', q3: 'b', q4: 'c', q5: 'd', lie1: 'n', lie2: 'n' };

export function demo(): ScaleDefinition {
  const q = ['q1', 'q2', 'q3', 'q4', 'q5'];
  return {
    schemaVersion: 1,
    id: 'demo',
    version: '1.0.0',
    names: zh('演示量表'),
    shortName: 'DEMO',
    respondent: ['self'],
    eligibility: { ageYears: { min: 10, max: 15 }, grades: { min: 4, max: 9 }, enforcement: 'warn' },
    license: {
      status: 'unknown',
      holder: 'nobody',
      statement: 'test only',
      statementSource: 'tests',
      attribution: zh('测试'),
      textDistribution: 'licensee-supplied',
      verifiedOn: null,
    },
    references: [{ id: 'ref', citation: 'test' }],
    translations: { 'zh-CN': { kind: 'working-translation', source: 'tests', verified: false } },
    optionSets: {
      agree4: [
        { code: 'a', score: 0 },
        { code: 'b', score: 1 },
        { code: 'c', score: 2 },
        { code: 'd', score: 3 },
      ],
      yn: [
        { code: 'y', score: 1 },
        { code: 'n', score: 0 },
      ],
      dk: [
        { code: 'y', score: 1 },
        { code: 'x', score: null },
      ],
    },
    items: [
      ...q.map((id, i) => ({ id, number: String(i + 1), optionSet: 'agree4', ...(id === 'q2' ? { reverse: true } : {}) })),
      { id: 'lie1', number: '6', optionSet: 'yn' },
      { id: 'lie2', number: '7', optionSet: 'yn' },
      { id: 'extra', number: '8', optionSet: 'dk' },
    ],
    scales: [
      {
        id: 'total',
        names: zh('总分'),
        items: q,
        method: 'sum',
        missing: { policy: 'prorate', maxMissing: 1 },
        bands: [
          { code: 'low', min: 0, max: 7, label: 'clear', flag: false },
          { code: 'high', min: 8, max: 15, label: 'review', flag: true },
        ],
        bandsSource: 'ref',
      },
      { id: 'mean', names: zh('均分'), items: q, method: 'mean', decimals: 2, missing: { policy: 'lowest', maxMissing: 2 } },
      { id: 'count', names: zh('阳性项目数'), items: q, method: 'count', countIf: { op: '>=', value: 2 }, missing: { policy: 'prorate', maxMissing: 1 } },
      { id: 'scaled', names: zh('标准分'), items: q, method: 'sum', transform: { multiply: 1.25, round: 'floor' }, missing: { policy: 'prorate', maxMissing: 1 } },
      { id: 'lie', names: zh('测谎'), items: ['lie1', 'lie2'], method: 'sum', missing: { policy: 'all-required' } },
    ],
    normProfiles: [
      { id: 'strict', names: zh('严格'), source: 'ref', bands: { total: [{ code: 'low', min: 0, max: 4, label: 'clear', flag: false }, { code: 'high', min: 5, max: 15, label: 'review', flag: true }] } },
    ],
    validity: [{ id: 'lie', when: { scale: 'lie', op: '>=', value: 2 }, message: zh('测谎分过高') }],
    alerts: [{ id: 'q5_critical', severity: 'critical', on: 'answer', when: { item: 'q5', in: ['d'] }, suppressible: false, message: zh('关键题') }],
    followUps: [{ id: 'again', scaleId: 'demo', when: { scale: 'total', op: '>=', value: 8 } }],
    goldenCases: [
      {
        name: 'typical',
        answers: { ...typical },
        expect: { valid: true, alerts: ['q5_critical'], followUps: ['again'], scales: { total: { raw: 9, score: 9, band: 'high' }, mean: { score: 1.8 }, count: { score: 3 }, scaled: { raw: 9, score: 11 } } },
      },
    ],
  };
}
