import { describe, expect, it } from 'vitest';
import { formatTime, isoWeekday, parseTime } from '../../../shared/domain/schedule';

describe('times of day', () => {
  it('reads HH:MM as minutes since midnight, up to 24:00', () => {
    expect(parseTime('08:05')).toBe(485);
    expect(parseTime('00:00')).toBe(0);
    expect(parseTime('23:59')).toBe(1439);
    expect(parseTime('24:00')).toBe(1440);
  });

  it('refuses anything but two-digit hours and minutes within a day', () => {
    for (const bad of ['24:01', '25:00', '8:5', '8:05', '08:5', '08:60', '0805', ' 08:05', '08:05:00', '']) {
      expect(parseTime(bad), bad).toBeNull();
    }
  });

  it('writes minutes back as HH:MM and throws on a value that is no time of day', () => {
    expect(formatTime(485)).toBe('08:05');
    expect(formatTime(0)).toBe('00:00');
    expect(formatTime(1440)).toBe('24:00');
    expect(() => formatTime(-1)).toThrow(RangeError);
    expect(() => formatTime(1441)).toThrow(RangeError);
    expect(() => formatTime(8.5)).toThrow(RangeError);
  });

  it('numbers weekdays the ISO way, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-09-26')).toBe(6);
    expect(isoWeekday('2026-09-27')).toBe(7);
    expect(isoWeekday('2026-09-28')).toBe(1);
    expect(isoWeekday('2026-10-01')).toBe(4);
  });
});
