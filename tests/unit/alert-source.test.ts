import { describe, expect, it } from 'vitest';
import { alertSource } from '../../electron/services/assessments/alerts';
import { builtins } from '../../electron/services/assessments/scales';

const definition = (id: string) => builtins().find((b) => b.definition.id === id)!.definition;

describe('a crisis case’s 来源 names what raised its alert as the paper form does', () => {
  it('an answer alert by its scale’s short name and item number, not by the ids', () => {
    expect(alertSource(definition('phq9'), { alertId: 'phq9_item9', items: ['phq9_9'] })).toBe('PHQ-9 第 9 题');
  });

  it('a score alert by the rule its scale states', () => {
    expect(alertSource(definition('phq9'), { alertId: 'phq9_total_high', items: [] })).toBe('PHQ-9 总分在20分及以上');
  });

  it('an alert the definition no longer lists by the scale alone', () => {
    expect(alertSource(definition('gad7'), { alertId: 'gone', items: [] })).toBe('GAD-7');
  });
});
