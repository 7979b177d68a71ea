import { describe, expect, it } from 'vitest';
import fuzhou from '../../../resources/compliance/fuzhou-2021.json';
import gansuA from '../../../resources/compliance/gansu-a-junior.json';
import gansuC from '../../../resources/compliance/gansu-c-primary.json';
import example from '../../../resources/compliance/grading-example.json';
import national from '../../../resources/compliance/national-2015.json';
import shaanxi from '../../../resources/compliance/shaanxi-2024.json';
import { gradeOf, validatePack } from '../../../shared/domain/compliance/pack';

const BUILT_INS = { national, gansuC, gansuA, fuzhou, shaanxi, example };

/** A copy of the national pack with one change made to it. */
function edited(change: (p: typeof national) => void): unknown {
  const copy = structuredClone(national);
  change(copy);
  return copy;
}

function problems(raw: unknown) {
  const r = validatePack(raw);
  if (r.ok) throw new Error('expected the pack to be refused');
  return r.problems;
}

describe('built-in rule packs', () => {
  it.each(Object.entries(BUILT_INS))('%s is valid', (_, pack) => {
    const r = validatePack(pack);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('the national pack holds the guide’s numbers and none it does not give', () => {
    const items = new Map(national.items.map((i) => [i.id, i as { threshold?: unknown; metric?: string }]));
    expect(items.get('ZONE-05')).toMatchObject({ metric: 'rooms.individualArea', threshold: { unit: 'm2', min: 10, max: 15 } });
    expect(items.get('ZONE-06')).toMatchObject({ metric: 'rooms.groupArea', threshold: { unit: 'm2', min: 20 } });
    // No total area, no weekly hours, no training hours nationally.
    expect(items.get('ZONE-03')!.threshold).toBeUndefined();
    expect(items.get('OPEN-04')!.threshold).toBeUndefined();
    expect(items.get('STAFF-04')!.threshold).toBeUndefined();
    expect(items.has('EQUIP-03')).toBe(false);
    expect(national.items.find((i) => i.id === 'EQUIP-04')).toMatchObject({ provisional: true });
  });

  it('unconfirmed provincial packs say so', () => {
    expect([gansuC.status, gansuA.status, fuzhou.status, example.status]).toEqual(['provisional', 'provisional', 'provisional', 'provisional']);
  });
});

describe('a pack file is refused with the item and the reason', () => {
  it('an unknown metric', () => {
    expect(problems(edited((p) => ((p.items[0] as { metric?: string }).metric = 'rooms.ceilingHeight')))).toEqual([
      { item: 'FUNC-01', path: 'items.0.metric', reason: 'compliance.pack.unknownMetric' },
    ]);
  });

  it('malformed thresholds: wrong unit, min above max, none where required, one where none is taken, not a number', () => {
    const zone05 = national.items.findIndex((i) => i.id === 'ZONE-05');
    const open01 = national.items.findIndex((i) => i.id === 'OPEN-01');
    const zone06 = national.items.findIndex((i) => i.id === 'ZONE-06');
    const set = (i: number, t: unknown) => edited((p) => ((p.items[i] as { threshold?: unknown }).threshold = t));
    expect(problems(set(zone05, { unit: 'h', min: 10, max: 15 }))).toEqual([{ item: 'ZONE-05', path: `items.${zone05}.threshold`, reason: 'compliance.pack.thresholdUnit' }]);
    expect(problems(set(zone05, { unit: 'm2', min: 15, max: 10 }))).toEqual([{ item: 'ZONE-05', path: `items.${zone05}.threshold`, reason: 'compliance.pack.thresholdOrder' }]);
    expect(problems(set(zone05, { unit: 'm2' }))).toEqual([{ item: 'ZONE-05', path: `items.${zone05}.threshold`, reason: 'compliance.pack.thresholdEmpty' }]);
    expect(problems(set(zone06, undefined))).toEqual([{ item: 'ZONE-06', path: `items.${zone06}.threshold`, reason: 'compliance.pack.thresholdMissing' }]);
    expect(problems(set(open01, { unit: 'h', min: 1 }))).toEqual([{ item: 'OPEN-01', path: `items.${open01}.threshold`, reason: 'compliance.pack.thresholdUnused' }]);
    expect(problems(set(zone05, { unit: 'm2', min: '10' }))).toEqual([{ item: 'ZONE-05', path: `items.${zone05}.threshold.min`, reason: 'compliance.pack.malformed' }]);
  });

  it('duplicate ids', () => {
    expect(problems(edited((p) => (p.items[1]!.id = 'FUNC-01')))).toEqual([{ item: 'FUNC-01', path: 'items.1.id', reason: 'compliance.pack.duplicateId' }]);
  });

  it('bands with a gap, an overlap, or short of 0–100', () => {
    const withBands = (bands: { min: number; max: number }[]) =>
      edited((p) => ((p.scoring as { bands: unknown[] }).bands = bands.map((b) => ({ ...b, grade: { zh: '级', en: 'G' } }))));
    const bandProblem = [{ item: null, path: 'scoring.bands', reason: 'compliance.pack.bandsGap' }];
    expect(problems(withBands([{ min: 0, max: 70 }, { min: 80, max: 100 }]))).toEqual(bandProblem);
    expect(problems(withBands([{ min: 0, max: 80 }, { min: 70, max: 100 }]))).toEqual(bandProblem);
    expect(problems(withBands([{ min: 10, max: 100 }]))).toEqual(bandProblem);
    expect(problems(withBands([{ min: 0, max: 90 }]))).toEqual(bandProblem);
    expect(validatePack(withBands([{ min: 70, max: 100 }, { min: 0, max: 70 }])).ok).toBe(true);
  });

  it('a points pack without points, and a source the pack does not list', () => {
    const noPoints = structuredClone(example);
    delete (noPoints.items[2] as { points?: number }).points;
    expect(problems(noPoints)).toEqual([{ item: 'PROV-X-03', path: 'items.2.points', reason: 'compliance.pack.pointsMissing' }]);
    expect(problems(edited((p) => (p.items[3]!.source.doc = 'D99')))).toEqual([{ item: 'FUNC-04', path: 'items.3.source.doc', reason: 'compliance.pack.unknownSource' }]);
  });
});

describe('grades', () => {
  it('bands are half-open, the top one closed at 100', () => {
    const bands = example.scoring.bands;
    expect(gradeOf(bands, 100)?.zh).toBe('一级');
    expect(gradeOf(bands, 90)?.zh).toBe('一级');
    expect(gradeOf(bands, 89.9)?.zh).toBe('二级');
    expect(gradeOf(bands, 70)?.zh).toBe('三级');
    expect(gradeOf(bands, 69.9)?.zh).toBe('未达级');
    expect(gradeOf(bands, 0)?.zh).toBe('未达级');
  });
});
