import { describe, expect, it } from 'vitest';
import { type ClassPeriod, classMinutesOverlap, validatePeriods } from '../../../shared/domain/schedule';
import { bell } from './fixtures';

describe('class minutes', () => {
  it('counts the minutes of an interval that fall in that weekday’s lessons', () => {
    expect(classMinutesOverlap(bell, 1, 720, 900)).toBe(50); // 14:00–14:45 and 14:55–15:00
    expect(classMinutesOverlap(bell, 1, 930, 1020)).toBe(55); // 15:30–15:40 and the Monday 班会 16:00–16:45
    expect(classMinutesOverlap(bell, 5, 930, 1020)).toBe(10); // no 班会 on Friday
    expect(classMinutesOverlap(bell, 2, 720, 840)).toBe(0); // lunch
    expect(classMinutesOverlap(bell, 6, 480, 1440)).toBe(0);
  });

  it('counts overlapping periods once, whatever their order', () => {
    const periods: ClassPeriod[] = [
      { weekday: 2, startMin: 630, endMin: 660, label: 'extension' },
      { weekday: 2, startMin: 600, endMin: 645, label: '第3节' },
      { weekday: 2, startMin: 600, endMin: 645, label: '第3节 (copy)' },
      { weekday: 3, startMin: 600, endMin: 700, label: 'other day' },
    ];
    expect(classMinutesOverlap(periods, 2, 590, 700)).toBe(60);
    expect(classMinutesOverlap(periods, 2, 640, 650)).toBe(10);
  });
});

describe('bell schedule validation', () => {
  it('finds nothing wrong with the fixture bell', () => {
    expect(validatePeriods(bell)).toEqual([]);
  });

  it('names broken and overlapping periods by index; touching periods and other weekdays are fine', () => {
    const periods: ClassPeriod[] = [
      { weekday: 1, startMin: 480, endMin: 525, label: '1' },
      { weekday: 1, startMin: 500, endMin: 540, label: 'overlaps 1' },
      { weekday: 2, startMin: 480, endMin: 525, label: 'Tuesday' },
      { weekday: 1, startMin: 600, endMin: 600, label: 'empty' },
      { weekday: 8, startMin: 600, endMin: 645, label: 'no such weekday' },
      { weekday: 3, startMin: 1400, endMin: 1441, label: 'past midnight' },
      { weekday: 1, startMin: 540, endMin: 560, label: 'touches the second' },
    ];
    expect(validatePeriods(periods)).toEqual([
      { path: [3, 'endMin'], messageKey: 'errors.schedule.endNotAfterStart' },
      { path: [4, 'weekday'], messageKey: 'errors.schedule.weekdayInvalid' },
      { path: [5, 'endMin'], messageKey: 'errors.schedule.timeOutOfRange' },
      { path: [1, 'startMin'], messageKey: 'errors.schedule.periodsOverlap', params: { otherIndex: 0 } },
    ]);
  });
});
