import { describe, expect, it } from 'vitest';
import { canonicalJson, definitionHash, loadBuiltins, loadDefinition, runGoldenCases } from '../../../shared/domain/scales';
import { builtinFiles, builtinJson, loaded } from './fixtures';

const FILES = ['gad7.json', 'k6.json', 'phq9.json', 'psc17.json', 'psc17y.json', 'who5.json'];

describe('built-in scale definitions', () => {
  it('ships exactly the free scales: no SDQ, RCADS, SCL-90, MHT, MSSMHS, CDI or SDS/SAS', () => {
    expect(Object.keys(builtinFiles())).toEqual(FILES);
  });

  it.each(FILES)('the loader accepts %s', (file) => {
    const result = loadDefinition(builtinFiles()[file]);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it.each(FILES)('every golden case of %s passes', (file) => {
    const def = loaded(file);
    expect(def.goldenCases.length).toBeGreaterThanOrEqual(5);
    expect(runGoldenCases(def)).toEqual([]);
  });

  it('loads all of them together, with follow-ups (WHO-5 → PHQ-9) pointing at loaded definitions', () => {
    const result = loadBuiltins(builtinFiles());
    expect(result.ok && result.definitions.map((d) => d.definition.id)).toEqual(['gad7', 'k6', 'phq9', 'psc17', 'psc17y', 'who5']);
  });

  it.each(FILES)('%s carries a licence, an attribution and the source of each language', (file) => {
    const def = loaded(file);
    expect(def.license.statement.length).toBeGreaterThan(20);
    expect(def.license.attribution.en).toBeTruthy();
    expect(def.license.attribution['zh-CN']).toBeTruthy();
    expect(def.translations['zh-CN'].source).toMatch(/^CounselRoom working translation, to be verified/);
    expect(def.translations.en?.kind).toBe('original');
    for (const item of def.items) expect(item.text?.en && item.text['zh-CN']).toBeTruthy();
  });

  it('makes only PHQ-9 item 9 critical, raised on the answer and never suppressible', () => {
    const critical = FILES.flatMap((f) => (loaded(f).alerts ?? []).filter((a) => a.severity === 'critical').map((a) => ({ f, ...a })));
    expect(critical.map(({ f, id, on, suppressible, when }) => ({ f, id, on, suppressible, when }))).toEqual([
      { f: 'phq9.json', id: 'phq9_item9', on: 'answer', suppressible: false, when: { item: 'phq9_9', op: '>=', value: 1 } },
    ]);
  });
});

describe('definitionHash', () => {
  function reversedKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reversedKeys);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
    return value;
  }

  it('is SHA-256 of the canonical JSON', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }], u: undefined })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
    expect(definitionHash({} as never)).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('does not change with key order or whitespace, and does with any content', () => {
    const def = loaded('phq9.json');
    const reordered = loadDefinition(reversedKeys(JSON.parse(JSON.stringify(def, null, 4))));
    expect(reordered.ok && reordered.hash).toBe(definitionHash(def));
    expect(JSON.stringify(reversedKeys(def))).not.toBe(JSON.stringify(def));

    const changed = builtinJson('phq9.json');
    changed.scales[0]!.bands![2]!.flag = false;
    expect(definitionHash(changed)).not.toBe(definitionHash(def));
  });
});
