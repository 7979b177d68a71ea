import { describe, expect, it } from 'vitest';
import { type ScaleDefinition, loadBuiltins, loadDefinition } from '../../../shared/domain/scales';
import { builtinFiles, builtinJson, demo } from './fixtures';

function problemsOf(json: unknown) {
  const result = loadDefinition(json);
  if (result.ok) throw new Error('the definition was accepted');
  return result.problems;
}

function broken(file: string, change: (def: ScaleDefinition) => void): ScaleDefinition {
  const def = builtinJson(file);
  change(def);
  return def;
}

describe('the loader refuses a definition and names the path and the rule broken', () => {
  it('an option code the item does not have, in a rule or in a golden case', () => {
    const def = demo();
    def.alerts![0]!.when = { item: 'q5', in: ['d', 'z'] };
    def.goldenCases[0]!.answers.q1 = '0';
    expect(problemsOf(def)).toEqual([
      { path: ['alerts', 0, 'when', 'in', 1], messageKey: 'errors.scale.unknownOptionCode', params: { code: 'z' } },
      { path: ['goldenCases', 0, 'answers', 'q1'], messageKey: 'errors.scale.unknownOptionCode', params: { code: '0' } },
    ]);
  });

  it('a band gap between two bands (PHQ-9 with 5 moved to 6)', () => {
    const def = broken('phq9.json', (d) => void (d.scales[0]!.bands![1]!.min = 6));
    expect(problemsOf(def)).toEqual([{ path: ['scales', 0, 'bands', 1, 'min'], messageKey: 'errors.scale.bandGap', params: { from: 4, to: 6 } }]);
  });

  it('a band gap at either end of the range the scale can produce', () => {
    const def = broken('phq9.json', (d) => {
      d.scales[0]!.bands![0]!.min = 1;
      d.scales[0]!.bands![4]!.max = 26;
    });
    expect(problemsOf(def)).toEqual([
      { path: ['scales', 0, 'bands', 0, 'min'], messageKey: 'errors.scale.bandGap', params: { from: 0, to: 1 } },
      { path: ['scales', 0, 'bands', 4, 'max'], messageKey: 'errors.scale.bandGap', params: { from: 26, to: 27 } },
    ]);
  });

  it('a band overlap, in a norm profile too', () => {
    const def = broken('gad7.json', (d) => void (d.normProfiles![0]!.bands.total![1]!.min = 6));
    expect(problemsOf(def)).toEqual([{ path: ['normProfiles', 0, 'bands', 'total', 1, 'min'], messageKey: 'errors.scale.bandOverlap', params: { with: '0-6' } }]);
  });

  it('a band outside the scale range, or finer than its decimals', () => {
    const def = broken('who5.json', (d) => {
      d.scales[0]!.bands![2]!.max = 125;
      d.scales[0]!.bands![1]!.max = 50.5;
    });
    expect(problemsOf(def)).toEqual([
      { path: ['scales', 0, 'bands', 1, 'max'], messageKey: 'errors.scale.bandOffStep', params: { decimals: 0 } },
      { path: ['scales', 0, 'bands', 2, 'max'], messageKey: 'errors.scale.bandOutOfRange', params: { min: 0, max: 100 } },
    ]);
  });

  it('a band whose min is above its max', () => {
    const def = broken('k6.json', (d) => void (d.scales[0]!.bands![0]!.max = -1));
    expect(problemsOf(def)).toEqual(
      expect.arrayContaining([{ path: ['scales', 0, 'bands', 0, 'max'], messageKey: 'errors.scale.bandInverted' }]),
    );
  });

  it('a scale over an item whose options carry no score', () => {
    const def = demo();
    def.optionSets.free = [
      { code: 'a', score: null },
      { code: 'b', score: null },
    ];
    def.items[7]!.optionSet = 'free';
    def.scales[4]!.items = ['lie1', 'extra'];
    expect(problemsOf(def)).toEqual([{ path: ['scales', 4, 'items', 1], messageKey: 'errors.scale.itemNotScorable', params: { id: 'extra' } }]);
  });

  it('a rule that references an item that does not exist, however deep', () => {
    const def = broken('phq9.json', (d) => {
      d.alerts![0]!.when = { any: [{ item: 'phq9_9', op: '>=', value: 1 }, { all: [{ item: 'phq9_10', op: '>', value: 0 }] }] };
    });
    expect(problemsOf(def)).toEqual([{ path: ['alerts', 0, 'when', 'any', 1, 'all', 0, 'item'], messageKey: 'errors.scale.unknownItem', params: { id: 'phq9_10' } }]);
  });

  it('a rule or norm profile that references a scale that does not exist', () => {
    const def = demo();
    def.validity![0]!.when = { scale: 'lies', op: '>=', value: 2 };
    def.normProfiles![0]!.bands = { totl: def.normProfiles![0]!.bands.total! };
    expect(problemsOf(def)).toEqual([
      { path: ['normProfiles', 0, 'bands', 'totl'], messageKey: 'errors.scale.unknownScale', params: { id: 'totl' } },
      { path: ['validity', 0, 'when', 'scale'], messageKey: 'errors.scale.unknownScale', params: { id: 'lies' } },
    ]);
  });

  it('a golden case that fails, with the case, the expectation and what was scored', () => {
    const def = broken('phq9.json', (d) => void (d.goldenCases[5]!.expect.scales.total!.band = '5-9'));
    expect(problemsOf(def)).toEqual([
      {
        path: ['goldenCases', 5, 'expect', 'scales', 'total', 'band'],
        messageKey: 'errors.scale.goldenCaseFailed',
        params: { case: 'total 10: bottom of 10-14, first flagged score', expected: '5-9', actual: '10-14' },
      },
    ]);
  });

  it('a golden case whose alerts differ, missing or extra', () => {
    const def = broken('phq9.json', (d) => void (d.goldenCases[12]!.expect.alerts = []));
    expect(problemsOf(def)).toEqual([
      { path: ['goldenCases', 12, 'expect', 'alerts'], messageKey: 'errors.scale.goldenCaseFailed', params: expect.objectContaining({ expected: [], actual: ['phq9_item9'] }) },
    ]);
  });

  it('a critical alert that could be switched off, or that waits for the end of the form', () => {
    const def = broken('phq9.json', (d) => {
      d.alerts![0]!.suppressible = true;
      d.alerts![0]!.on = 'submit';
    });
    expect(problemsOf(def)).toEqual([
      { path: ['alerts', 0, 'suppressible'], messageKey: 'errors.scale.criticalAlertSuppressible' },
      { path: ['alerts', 0, 'on'], messageKey: 'errors.scale.criticalAlertNotOnAnswer' },
    ]);
  });

  it('an on-answer alert that reads a scale score or a blank, which do not exist on the keystroke', () => {
    const def = broken('phq9.json', (d) => void (d.alerts![2]!.on = 'answer'));
    expect(problemsOf(def)).toEqual([{ path: ['alerts', 2, 'when'], messageKey: 'errors.scale.answerAlertReadsItemsOnly' }]);
  });

  it('reverse scoring on an item whose options are not all scored', () => {
    const def = demo();
    def.items[7]!.reverse = true;
    expect(problemsOf(def)).toEqual([{ path: ['items', 7, 'reverse'], messageKey: 'errors.scale.reverseNeedsNumericOptions' }]);
  });

  it('duplicate ids and option codes', () => {
    const def = demo();
    def.items[1]!.id = 'q1';
    def.optionSets.yn![1]!.code = 'y';
    expect(problemsOf(def)).toEqual(
      expect.arrayContaining([
        { path: ['items', 1, 'id'], messageKey: 'errors.scale.duplicateId', params: { id: 'q1' } },
        { path: ['optionSets', 'yn', 1, 'code'], messageKey: 'errors.scale.duplicateId', params: { id: 'y' } },
      ]),
    );
  });

  it('an unknown option set, and a scale item that does not exist', () => {
    const def = demo();
    def.items[0]!.optionSet = 'agree5';
    def.scales[4]!.items = ['lie1', 'lie3'];
    expect(problemsOf(def)).toEqual(
      expect.arrayContaining([
        { path: ['items', 0, 'optionSet'], messageKey: 'errors.scale.unknownOptionSet', params: { id: 'agree5' } },
        { path: ['scales', 4, 'items', 1], messageKey: 'errors.scale.unknownItem', params: { id: 'lie3' } },
      ]),
    );
  });

  it('a text missing in a declared language, or bundled wording that is absent', () => {
    const def = broken('gad7.json', (d) => {
      delete d.items[3]!.text!.en;
      delete d.optionSets.freq4![0]!.text;
    });
    expect(problemsOf(def)).toEqual([
      { path: ['items', 3, 'text', 'en'], messageKey: 'errors.scale.missingText', params: { locale: 'en' } },
      { path: ['optionSets', 'freq4', 0, 'text'], messageKey: 'errors.scale.missingText', params: { locale: 'zh-CN' } },
    ]);
  });

  it('a cut-off source that is not among the references, and golden expectations naming nothing', () => {
    const def = demo();
    def.scales[0]!.bandsSource = 'kroenke';
    def.goldenCases[0]!.expect.alerts.push('q9_critical');
    expect(problemsOf(def)).toEqual([
      { path: ['scales', 0, 'bandsSource'], messageKey: 'errors.scale.unknownReference', params: { id: 'kroenke' } },
      { path: ['goldenCases', 0, 'expect', 'alerts', 1], messageKey: 'errors.scale.unknownAlert', params: { id: 'q9_critical' } },
    ]);
  });

  it('schema errors: a misspelt key, a missing key, a wrong value, a bad rule operator', () => {
    const def = demo() as unknown as { alerts: Record<string, unknown>[]; scales: Record<string, unknown>[]; version: unknown };
    def.alerts[0] = { ...def.alerts[0], suppresible: false, when: { item: 'q5', op: '=>', value: 1 } };
    delete def.alerts[0].suppressible;
    def.scales[0]!.missing = { policy: 'interpolate', maxMissing: 1 };
    def.version = '1.0';
    expect(problemsOf(def)).toEqual([
      { path: ['version'], messageKey: 'errors.scale.schema.format', params: { format: 'regex' } },
      { path: ['scales', 0, 'missing', 'policy'], messageKey: 'errors.scale.schema.value', params: { values: ['all-required', 'prorate', 'lowest'] } },
      { path: ['alerts', 0, 'when', 'op'], messageKey: 'errors.scale.schema.value', params: { values: ['==', '!=', '>', '>=', '<', '<='] } },
      { path: ['alerts', 0, 'suppressible'], messageKey: 'errors.scale.schema.required' },
      { path: ['alerts', 0, 'suppresible'], messageKey: 'errors.scale.schema.unknownKey' },
    ]);
  });

  it('a band label that is not one of the neutral labels (no illness names)', () => {
    const def = demo() as unknown as { scales: { bands: { label: string }[] }[] };
    def.scales[0]!.bands[1]!.label = '抑郁';
    expect(problemsOf(def)).toEqual([
      { path: ['scales', 0, 'bands', 1, 'label'], messageKey: 'errors.scale.schema.value', params: { values: ['clear', 'watch', 'attention', 'review', 'priorityReview'] } },
    ]);
  });

  it('nesting deeper than any definition needs, before the recursive parse', () => {
    let rule: unknown = { item: 'q5', in: ['d'] };
    for (let i = 0; i < 50; i++) rule = { not: rule };
    const def = demo();
    (def.alerts![0] as { when: unknown }).when = rule;
    expect(problemsOf(def)).toEqual([{ path: expect.arrayContaining(['alerts', 0, 'when', 'not']), messageKey: 'errors.scale.tooDeep', params: { maximum: 40 } }]);
  });

  it('a rule that fits none of the rule shapes', () => {
    const def = demo() as unknown as { followUps: { when: unknown }[] };
    def.followUps[0]!.when = { scale: 'total', op: '>=', valeu: 8 };
    expect(problemsOf(def)).toEqual([{ path: ['followUps', 0, 'when'], messageKey: 'errors.scale.schema.shape' }]);
  });

  it('something that is not an object at all', () => {
    expect(problemsOf('phq9')).toEqual([{ path: [], messageKey: 'errors.scale.schema.type', params: { expected: 'object' } }]);
  });
});

describe('loading the built-ins together', () => {
  it('refuses two definitions with one id and a follow-up to a definition that is not there, paths starting with the file', () => {
    const files = builtinFiles();
    const result = loadBuiltins({ 'who5.json': files['who5.json'], 'gad7.json': files['gad7.json'], 'gad7-copy.json': files['gad7.json'] });
    expect(result.ok ? [] : result.problems).toEqual([
      { path: ['gad7-copy.json', 'id'], messageKey: 'errors.scale.duplicateId', params: { id: 'gad7' } },
      { path: ['who5.json', 'followUps', 0, 'scaleId'], messageKey: 'errors.scale.unknownFollowUpScale', params: { id: 'phq9' } },
    ]);
  });

  it('reports a broken file with its name in front of the path', () => {
    const files = { ...builtinFiles(), 'k6.json': broken('k6.json', (d) => void (d.scales[0]!.bands![1]!.min = 12)) };
    expect(loadBuiltins(files)).toEqual({
      ok: false,
      problems: [{ path: ['k6.json', 'scales', 0, 'bands', 1, 'min'], messageKey: 'errors.scale.bandOverlap', params: { with: '0-12' } }],
    });
  });
});
