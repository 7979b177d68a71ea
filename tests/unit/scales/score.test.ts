import { describe, expect, it } from 'vitest';
import { ScaleInputError, alertsForAnswer, answerProblems, checkEligibility, scoreForm } from '../../../shared/domain/scales';
import { loaded } from './fixtures';

const phq9 = loaded('phq9.json');
const all = (ids: readonly string[], code: string) => Object.fromEntries(ids.map((id) => [id, code]));
const phqItems = phq9.items.map((i) => i.id);

describe('PHQ-9', () => {
  it('puts a total of 10 in the 10-14 band, labelled 需关注 (attention) and flagged for triage', () => {
    const r = scoreForm(phq9, { ...all(phqItems, '0'), phq9_1: '3', phq9_2: '3', phq9_3: '3', phq9_4: '1' });
    expect(r.scales.total).toEqual({ raw: 10, score: 10, answered: 9, missing: 0, filled: false, band: { code: '10-14', labelKey: 'scales.band.attention', flag: true } });
    expect(r.scales.phq2!.band).toEqual({ code: '3-6', labelKey: 'scales.band.attention', flag: false });
    expect(r.validity).toEqual({ valid: true, reasons: [] });
    expect(r.alerts).toEqual([]);
  });

  it('raises the item 9 alert at 1 even when the total is in 0-4, naming the item', () => {
    const r = scoreForm(phq9, { ...all(phqItems, '0'), phq9_9: '1' });
    expect(r.scales.total!.score).toBe(1);
    expect(r.scales.total!.band!.code).toBe('0-4');
    expect(r.alerts).toEqual([{ id: 'phq9_item9', severity: 'critical', suppressible: false, items: ['phq9_9'] }]);
  });

  it('raises it on the keystroke, before the form is finished, and not for 0', () => {
    expect(alertsForAnswer(phq9, 'phq9_9', '1')).toEqual([{ id: 'phq9_item9', severity: 'critical', suppressible: false, items: ['phq9_9'] }]);
    expect(alertsForAnswer(phq9, 'phq9_9', '0')).toEqual([]);
    expect(alertsForAnswer(phq9, 'phq9_1', '3')).toEqual([]);
  });

  it('does not raise it again when a later answer is keyed', () => {
    expect(alertsForAnswer(phq9, 'phq9_8', '2', { phq9_9: '3' })).toEqual([]);
  });

  it('keeps the alert on a form that is invalid because of a blank', () => {
    const r = scoreForm(phq9, { phq9_9: '2' });
    expect(r.validity.valid).toBe(false);
    expect(r.alerts.map((a) => a.id)).toEqual(['phq9_item9']);
  });

  it('lets a norm profile move the referral line: 10 is flagged by default but not at ≥15, and profile ≥11 flags 11', () => {
    const ten = { ...all(phqItems, '0'), phq9_1: '3', phq9_2: '3', phq9_3: '3', phq9_4: '1' };
    expect(scoreForm(phq9, ten).scales.total!.band!.flag).toBe(true);
    expect(scoreForm(phq9, ten, 'school-15').scales.total!.band).toEqual({ code: '5-14', labelKey: 'scales.band.watch', flag: false });
    expect(scoreForm(phq9, ten, 'adolescent-11').scales.total!.band!.flag).toBe(false);
    expect(scoreForm(phq9, { ...ten, phq9_4: '2' }, 'adolescent-11').scales.total!.band).toEqual({ code: '11-14', labelKey: 'scales.band.attention', flag: true });
    expect(scoreForm(phq9, ten, 'school-15').normProfile).toBe('school-15');
  });

  it('refuses answers it cannot score instead of treating them as blank', () => {
    expect(answerProblems(phq9, { phq9_1: '4', phq9_10: '1', phq9_2: '' })).toEqual([
      { path: ['phq9_1'], messageKey: 'errors.scale.answerUnknownCode', params: { code: '4' } },
      { path: ['phq9_10'], messageKey: 'errors.scale.answerUnknownItem' },
    ]);
    expect(() => scoreForm(phq9, { phq9_1: '4' })).toThrow(ScaleInputError);
    expect(() => alertsForAnswer(phq9, 'phq9_9', '9')).toThrow(ScaleInputError);
    expect(() => scoreForm(phq9, {}, 'nope')).toThrow('errors.scale.unknownNormProfile');
  });

  it('warns before giving it to a 10-year-old', () => {
    expect(checkEligibility(phq9, { ageYears: 10 })).toEqual({ outcome: 'warn', outside: ['age'] });
    expect(checkEligibility(phq9, { ageYears: 14, grade: 8 })).toEqual({ outcome: 'ok', outside: [] });
    expect(checkEligibility(phq9, {})).toEqual({ outcome: 'ok', outside: [] });
  });
});

describe('GAD-7', () => {
  const gad7 = loaded('gad7.json');
  const items = gad7.items.map((i) => i.id);

  it('scores 15 as the top band and GAD-2 from items 1 and 2', () => {
    const r = scoreForm(gad7, { ...all(items, '2'), gad7_7: '3' });
    expect(r.scales.total!.score).toBe(15);
    expect(r.scales.total!.band).toEqual({ code: '15-21', labelKey: 'scales.band.review', flag: true });
    expect(r.scales.gad2!.score).toBe(4);
  });

  it('flags 7 for watching under the youth profile only', () => {
    const seven = { ...all(items, '1'), gad7_1: '0' } as Record<string, string>;
    seven.gad7_2 = '2';
    expect(scoreForm(gad7, seven).scales.total!.band!.code).toBe('5-9');
    expect(scoreForm(gad7, seven).scales.total!.band!.flag).toBe(false);
    expect(scoreForm(gad7, seven, 'youth-7').scales.total!.band).toEqual({ code: '7-9', labelKey: 'scales.band.watch', flag: true });
  });
});

describe('WHO-5', () => {
  const who5 = loaded('who5.json');

  it('multiplies the raw sum by 4 into a percentage', () => {
    const r = scoreForm(who5, { who5_1: '5', who5_2: '4', who5_3: '3', who5_4: '2', who5_5: '1' });
    expect(r.scales.total).toMatchObject({ raw: 15, score: 60, band: { code: '51-100', labelKey: 'scales.band.clear', flag: false } });
    expect(r.followUps).toEqual([]);
  });

  it('puts 48 in the low well-being band and suggests a PHQ-9; 28 also raises a follow-up alert', () => {
    const r48 = scoreForm(who5, { who5_1: '3', who5_2: '3', who5_3: '2', who5_4: '2', who5_5: '2' });
    expect(r48.scales.total).toMatchObject({ raw: 12, score: 48, band: { code: '29-50', labelKey: 'scales.band.attention', flag: true } });
    expect(r48.followUps).toEqual([{ id: 'who5_phq9', scaleId: 'phq9' }]);
    expect(r48.alerts).toEqual([]);
    const r28 = scoreForm(who5, { who5_1: '3', who5_2: '1', who5_3: '1', who5_4: '1', who5_5: '1' });
    expect(r28.scales.total!.score).toBe(28);
    expect(r28.alerts).toEqual([{ id: 'who5_very_low', severity: 'followup', suppressible: true, items: [] }]);
  });
});

describe('PSC-17', () => {
  const psc17 = loaded('psc17.json');
  const ids = psc17.items.map((i) => i.id);

  it('scores the internalizing, attention and externalizing subscales against their own cut-offs (5, 7, 7; total 15)', () => {
    const answers = {
      ...all(ids, '0'),
      psc17_sad: '2', psc17_hopeless: '1', psc17_worries: '2', // internalizing 5
      psc17_fidgety: '2', psc17_distracted: '2', psc17_motor: '2', // attention 6
      psc17_fights: '2', psc17_rules: '2', psc17_teases: '2', psc17_takes: '1', // externalizing 7
    };
    const r = scoreForm(psc17, answers);
    const summary = Object.fromEntries(Object.entries(r.scales).map(([id, s]) => [id, [s.score, s.band!.flag]]));
    expect(summary).toEqual({ total: [18, true], internalizing: [5, true], attention: [6, false], externalizing: [7, true] });
  });

  it('counts up to 3 blanks as 0 and invalidates the form at 4', () => {
    const three = scoreForm(psc17, { ...all(ids, '1'), psc17_sad: null, psc17_fidgety: '', psc17_share: undefined });
    expect(three.scales.total).toMatchObject({ raw: 14, answered: 14, missing: 3, filled: true });
    expect(three.validity.valid).toBe(true);
    const four = { ...all(ids, '1') } as Record<string, string>;
    for (const id of ['psc17_sad', 'psc17_fidgety', 'psc17_share', 'psc17_feelings']) delete four[id];
    expect(scoreForm(psc17, four).validity).toEqual({
      valid: false,
      reasons: [{ kind: 'rule', id: 'blanks' }, { kind: 'missing', scale: 'total', missing: 4, allowed: 3 }],
    });
  });
});

describe('K6', () => {
  const k6 = loaded('k6.json');

  it('keeps the LOINC answer code apart from the Kessler score (code 1 = all of the time = 4)', () => {
    const r = scoreForm(k6, { k6_nervous: '1', k6_hopeless: '1', k6_restless: '2', k6_depressed: '4', k6_effort: '5', k6_worthless: '5' });
    expect(r.scales.total).toMatchObject({ raw: 12, score: 12, band: { code: '0-12', flag: false } });
    const r13 = scoreForm(k6, { k6_nervous: '1', k6_hopeless: '1', k6_restless: '2', k6_depressed: '3', k6_effort: '5', k6_worthless: '5' });
    expect(r13.scales.total!.band).toEqual({ code: '13-24', labelKey: 'scales.band.review', flag: true });
  });

  it('warns for students below senior high', () => {
    expect(checkEligibility(k6, { grade: 9 })).toEqual({ outcome: 'warn', outside: ['grade'] });
    expect(checkEligibility(k6, { grade: 10 }).outcome).toBe('ok');
  });
});
