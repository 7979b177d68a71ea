import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../shared/api/fields';

/** What isRealDate answered when it built a Date: the reference its arithmetic must match. */
function byDate(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2100) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isRealDate', () => {
  it('agrees with the calendar on every day 1899-2101 and on the impossible days of each month', () => {
    const disagree: string[] = [];
    for (let y = 1899; y <= 2101; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const v = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (isRealDate(v) !== byDate(v)) disagree.push(v);
        }
      }
    }
    expect(disagree).toEqual([]);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2100-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
  });

  it('reads any other text as before (the schema checks the format apart)', () => {
    const odd = ['2024-2-9', '2024-1.5-01', ' 2024-01-01', '2024-01-01-7', '+2024-01-01', '2024-01-1e1', 'abc', '', '2024', '2024--01', '2024-04-31', '2024-0x-01', '20240101', '2024/01/01'];
    expect(odd.map((v) => [v, isRealDate(v)])).toEqual(odd.map((v) => [v, byDate(v)]));
  });
});
