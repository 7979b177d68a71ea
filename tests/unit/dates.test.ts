import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, daysBetween, weekOf } from '../../shared/domain/dates';

describe('school calendar dates', () => {
  it('takes the date of an instant in the school’s time zone, not UTC', () => {
    const lateUtc = Date.UTC(2025, 2, 9, 17, 30); // 01:30 on 10 March in Shanghai
    expect(dateInZone(lateUtc, 'Asia/Shanghai')).toBe('2025-03-10');
    expect(dateInZone(lateUtc, 'UTC')).toBe('2025-03-09');
  });

  it('counts days and crosses months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-12-31', '2025-01-30')).toBe(30);
    expect(daysBetween('2025-01-30', '2024-12-31')).toBe(-30);
  });

  it('gives the Monday-to-Sunday week of a date', () => {
    expect(weekOf('2025-03-12')).toEqual({ start: '2025-03-10', end: '2025-03-16' }); // a Wednesday
    expect(weekOf('2025-03-16')).toEqual({ start: '2025-03-10', end: '2025-03-16' }); // Sunday
    expect(weekOf('2025-03-10')).toEqual({ start: '2025-03-10', end: '2025-03-16' }); // Monday
  });
});
