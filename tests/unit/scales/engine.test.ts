import { describe, expect, it } from 'vitest';
import { alertsForAnswer, loadDefinition, runGoldenCases, scoreForm } from '../../../shared/domain/scales';
import { demo, typical } from './fixtures';

const def = demo();

describe('the demo definition', () => {
  it('loads, and its golden case passes', () => {
    expect(loadDefinition(def).ok).toBe(true);
    expect(runGoldenCases(def)).toEqual([]);
  });
});

describe('scoring rules', () => {
  it('reverse-scores by item id: answering a everywhere gives q2 its top score 3 and the others 0', () => {
    const r = scoreForm(def, { q1: 'a', q2: 'a', q3: 'a', q4: 'a', q5: 'a', lie1: 'n', lie2: 'n' });
    expect(r.scales.total!.raw).toBe(3);
    expect(scoreForm(def, { ...typical, q2: 'd' }).scales.total!.raw).toBe(6);
  });

  it('prorates a sum within the policy (1 blank: 9 × 5/4 = 11.25, scored 11) and refuses beyond it', () => {
    const one = scoreForm(def, { ...typical, q1: null });
    expect(one.scales.total).toEqual({ raw: 11.25, score: 11, answered: 4, missing: 1, filled: true, band: { code: 'high', labelKey: 'scales.band.review', flag: true } });
    expect(one.scales.count).toMatchObject({ raw: 3.75, score: 4 }); // 3 of the 4 answered reach 2, × 5/4
    expect(one.validity.valid).toBe(true);
    const two = scoreForm(def, { ...typical, q1: null, q3: null });
    expect(two.scales.total).toEqual({ raw: null, score: null, answered: 3, missing: 2, filled: false, band: null });
    expect(two.validity.reasons).toContainEqual({ kind: 'missing', scale: 'total', missing: 2, allowed: 1 });
    expect(two.validity.valid).toBe(false);
  });

  it('counts a blank as the lowest score under the lowest policy (mean of 0,3,1,2,3 with q1 blank = 1.8)', () => {
    const r = scoreForm(def, { ...typical, q1: null });
    expect(r.scales.mean).toMatchObject({ raw: 1.8, score: 1.8, filled: true });
    expect(scoreForm(def, { ...typical, q1: null, q3: null, q4: null }).scales.mean!.raw).toBeNull();
  });

  it('rounds a mean at its decimals, half up', () => {
    // 0, 3 (reversed a), 1, 1, 1 → 6/5 = 1.2; with q5 = c: 7/5 = 1.4; with q1 = b and q5 = c: 8/5 = 1.6
    expect(scoreForm(def, { ...typical, q4: 'b', q5: 'b' }).scales.mean!.score).toBe(1.2);
    const third = scoreForm(def, { ...typical, q1: 'b', q3: 'a', q4: 'a', q5: 'a' });
    expect(third.scales.mean!.score).toBe(0.8);
  });

  it('counts items at or above the countIf line', () => {
    expect(scoreForm(def, typical).scales.count!.score).toBe(3);
  });

  it('applies a ×1.25 transform with floor (SDS style): raw 9 → 11.25 → 11, raw 6 → 7.5 → 7', () => {
    expect(scoreForm(def, typical).scales.scaled).toMatchObject({ raw: 9, score: 11 });
    expect(scoreForm(def, { ...typical, q2: 'd' }).scales.scaled).toMatchObject({ raw: 6, score: 7 });
  });

  it('invalidates the whole form on the lie scale: scores stay, bands go, alerts still fire', () => {
    const r = scoreForm(def, { ...typical, lie1: 'y', lie2: 'y' });
    expect(r.validity).toEqual({ valid: false, reasons: [{ kind: 'rule', id: 'lie' }] });
    expect(r.scales.total).toMatchObject({ score: 9, band: null });
    expect(r.alerts.map((a) => a.id)).toEqual(['q5_critical']);
  });

  it('overrides bands with a norm profile, leaving other scales alone', () => {
    const r = scoreForm(def, { ...typical, q2: 'd', q4: 'b' }, 'strict');
    expect(r.scales.total).toMatchObject({ score: 5, band: { code: 'high', flag: true } });
    expect(scoreForm(def, { ...typical, q2: 'd', q4: 'b' }).scales.total!.band!.code).toBe('low');
  });

  it('raises an alert on an answer code, and follow-ups from a scale score', () => {
    expect(alertsForAnswer(def, 'q5', 'd')).toEqual([{ id: 'q5_critical', severity: 'critical', suppressible: false, items: ['q5'] }]);
    expect(alertsForAnswer(def, 'q5', 'c')).toEqual([]);
    expect(scoreForm(def, typical).followUps).toEqual([{ id: 'again', scaleId: 'demo' }]);
  });

  it('gives the same result for the same input, whatever the key order of the answers', () => {
    const reversed = Object.fromEntries(Object.entries(typical).reverse());
    expect(scoreForm(def, reversed)).toEqual(scoreForm(def, typical));
  });
});
