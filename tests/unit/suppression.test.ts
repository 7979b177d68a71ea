import { describe, expect, it } from 'vitest';
import { suppressCount, suppressFields, suppressGroup } from '../../shared/domain/suppression';

describe('small-cell suppression', () => {
  it('withholds counts from 1 to 4 and shows zero and counts of 5 or more', () => {
    expect(suppressGroup([0, 3, 4, 5, 12])).toEqual([0, null, null, 5, 12]);
    expect(suppressCount(4)).toBeNull();
    expect(suppressCount(5)).toBe(5);
    expect(suppressCount(0)).toBe(0);
  });

  it('withholds the smallest other non-zero cell when only one cell is small, so subtraction gives nothing back', () => {
    expect(suppressGroup([20, 2, 9, 0])).toEqual([20, null, null, 0]);
  });

  it('leaves a lone small cell alone when no other non-zero cell exists to pair it with', () => {
    expect(suppressGroup([0, 3, 0])).toEqual([0, null, 0]);
  });

  it('takes the threshold as a parameter', () => {
    expect(suppressGroup([10, 10, 3], 11)).toEqual([null, null, null]);
    expect(suppressGroup([1, 7], 2)).toEqual([null, null]);
  });

  it('suppresses named fields of a row as one group and returns only those', () => {
    const row = { done: 20, declined: 2, absent: 9, pending: 0, total: 31 };
    expect(suppressFields(row, ['done', 'declined', 'absent', 'pending'])).toEqual({ done: 20, declined: null, absent: null, pending: 0 });
  });
});
