import { describe, expect, it } from 'vitest';
import { type CountTable, determinedUnknowns, suppressCount, suppressFields, suppressGroup, type SuppressedTable, suppressTables } from '../../shared/domain/suppression';

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

/**
 * The reader's side: everything printed, every sum the reader knows (printed totals, and a total
 * printed in one table under the same key as a total of another), and a search over every
 * assignment of the withheld cells. A withheld cell with a single feasible value is disclosed.
 */
function feasibleValues(tables: readonly CountTable[], shown: readonly SuppressedTable[], domain: number): Map<string, Set<number>> {
  const unknowns: { t: number; r: number; c: number }[] = [];
  shown.forEach((s, t) => s.cells.forEach((row, r) => row.forEach((v, c) => v === null && unknowns.push({ t, r, c }))));
  const published = new Map<string, number>();
  const sums: { cells: { t: number; r: number; c: number }[]; key: string }[] = [];
  tables.forEach((tab, t) => {
    const s = shown[t]!;
    const all = tab.cells.flatMap((row, r) => row.map((_, c) => ({ t, r, c })));
    tab.cols.forEach((_, c) => {
      const key = tab.totalKeys?.[`col:${c}`] ?? `${tab.id}|col|${c}`;
      sums.push({ key, cells: all.filter((x) => x.c === c) });
      const v = s.colTotals?.[c];
      if (v !== undefined && v !== null) published.set(key, v);
    });
    if (tab.rowsAdd) {
      tab.rows.forEach((_, r) => {
        const key = tab.totalKeys?.[`row:${r}`] ?? `${tab.id}|row|${r}`;
        sums.push({ key, cells: all.filter((x) => x.r === r) });
        const v = s.rowTotals?.[r];
        if (v !== undefined && v !== null) published.set(key, v);
      });
      const key = tab.totalKeys?.all ?? `${tab.id}|all`;
      sums.push({ key, cells: all });
      if (s.total !== null) published.set(key, s.total);
    }
  });
  const constraints = sums.filter((x) => published.has(x.key)).map((x) => ({ cells: x.cells, value: published.get(x.key)! }));
  const assignment = shown.map((s) => s.cells.map((row) => [...row]));
  const found = new Map(unknowns.map((u) => [`${u.t}|${u.r}|${u.c}`, new Set<number>()]));
  const holds = (final: boolean) =>
    constraints.every(({ cells, value }) => {
      let total = 0;
      for (const x of cells) {
        const v = assignment[x.t]![x.r]![x.c];
        if (v === null || v === undefined) {
          if (final) return false;
          return true;
        }
        total += v;
      }
      return total === value;
    });
  const search = (i: number): void => {
    if (!holds(false)) return;
    if (i === unknowns.length) {
      if (holds(true)) unknowns.forEach((u) => found.get(`${u.t}|${u.r}|${u.c}`)!.add(assignment[u.t]![u.r]![u.c]!));
      return;
    }
    const u = unknowns[i]!;
    for (let v = 0; v <= domain; v++) {
      assignment[u.t]![u.r]![u.c] = v;
      search(i + 1);
    }
    assignment[u.t]![u.r]![u.c] = null;
  };
  search(0);
  return found;
}

const disclosed = (tables: readonly CountTable[], shown: readonly SuppressedTable[], domain = 40) =>
  [...feasibleValues(tables, shown, domain)].filter(([, values]) => values.size < 2).map(([key]) => key);

const table = (id: string, cells: number[][], extra: Partial<CountTable> = {}): CountTable => ({
  id,
  rows: cells.map((_, r) => `r${r}`),
  cols: cells[0]!.map((_, c) => `c${c}`),
  cells,
  colTotals: true,
  rowTotals: true,
  rowsAdd: true,
  ...extra,
});

describe('complementary suppression across rows, columns and tables', () => {
  it('withholds a second cell in the row and in the column of a small cell, so neither total gives it back', () => {
    const t = table('t', [
      [3, 12, 20],
      [10, 15, 9],
      [8, 7, 30],
    ]);
    const [shown] = suppressTables([t]);
    expect(shown!.cells[0]![0]).toBeNull();
    expect(shown!.cells.flat().filter((v) => v === null).length).toBeGreaterThanOrEqual(4);
    expect(shown!.colTotals).toEqual([21, 34, 59]);
    expect(shown!.rowTotals).toEqual([35, 34, 45]);
    expect(disclosed([t], [shown!], 25)).toEqual([]);
  });

  it('the subtraction attack on a naive suppression: a single withheld cell comes back from its row total', () => {
    const t = table('t', [
      [3, 12],
      [10, 15],
    ]);
    const naive: SuppressedTable = { ...suppressTables([t])[0]!, cells: [[null, 12], [10, 15]] };
    expect(disclosed([t], [naive])).toEqual(['0|0|0']);
  });

  it('protects a small cell whose complement must itself be a total when the row has no other non-zero cell', () => {
    const t = table('t', [
      [3, 0],
      [10, 15],
    ]);
    const [shown] = suppressTables([t]);
    expect(disclosed([t], [shown!], 30)).toEqual([]);
    expect(shown!.cells[1]).not.toEqual([10, 15]);
  });

  it('sees a total printed in another table of the package: suppressed alone each table leaks, together none does', () => {
    // Sessions by grade print no total; sessions by kind print theirs, which is the same number.
    const byGrade = table('byGrade', [[3], [10], [12]], { colTotals: false, rowTotals: false, rowsAdd: false, totalKeys: { 'col:0': 'sessions' } });
    const byKind = table('byKind', [[9], [16]], { rowTotals: false, rowsAdd: false, totalKeys: { 'col:0': 'sessions' } });
    const alone = [suppressTables([byGrade])[0]!, suppressTables([byKind])[0]!];
    expect(alone[0]!.cells).toEqual([[null], [10], [12]]);
    expect(alone[1]!.colTotals).toEqual([25]);
    expect(disclosed([byGrade, byKind], alone)).toEqual(['0|0|0']);

    const together = suppressTables([byGrade, byKind]);
    expect(together[0]!.cells).toEqual([[null], [null], [12]]);
    expect(disclosed([byGrade, byKind], together)).toEqual([]);
  });

  it('withholds a shared total everywhere once it is withheld in one table', () => {
    const a = table('a', [[2], [1]], { rowTotals: false, rowsAdd: false, totalKeys: { 'col:0': 'x' } });
    const b = table('b', [[0], [3]], { rowTotals: false, rowsAdd: false, totalKeys: { 'col:0': 'x' } });
    const [sa, sb] = suppressTables([a, b]);
    expect(sa!.colTotals).toEqual([null]);
    expect(sb!.colTotals).toEqual([null]);
  });

  it('catches what several equations give away together (withheld cells in a chain of rows and columns)', () => {
    const t = table('t', [
      [3, 20, 20, 20],
      [20, 3, 20, 20],
      [20, 20, 3, 20],
      [20, 20, 20, 3],
    ]);
    const [shown] = suppressTables([t]);
    expect(disclosed([t], [shown!], 21)).toEqual([]);
  });

  it('keeps a column that is the sum of others in its row consistent (participants = done + declined)', () => {
    const t = table('cov', [
      [30, 28, 2],
      [40, 40, 0],
    ], { rowTotals: false, rowsAdd: false, rowSums: [{ total: 0, parts: [1, 2] }] });
    const [shown] = suppressTables([t]);
    expect(shown!.cells[0]![2]).toBeNull();
    // 30 - 28 would give the 2 back: one of them is withheld too.
    expect(shown!.cells[0]![0] === null || shown!.cells[0]![1] === null).toBe(true);
  });

  it('takes a larger k and leaves tables of adults or hours as they are', () => {
    const t = table('t', [[6, 40], [30, 30]]);
    expect(suppressTables([t], 10)[0]!.cells[0]![0]).toBeNull();
    expect(suppressTables([{ ...t, cells: [[1, 2], [3, 4]], exempt: true }])[0]!.cells).toEqual([[1, 2], [3, 4]]);
  });

  it('finds the withheld cells that a set of equations determines', () => {
    const eqs = [{ total: 'T', parts: ['a', 'b'] }, { total: 'U', parts: ['b', 'c'] }];
    expect(determinedUnknowns(['a', 'b', 'c'], eqs, (k) => ['a', 'b', 'c'].includes(k))).toEqual([]);
    // With c printed, U - c gives b, and T - b gives a.
    expect(determinedUnknowns(['a', 'b'], eqs, (k) => k === 'a' || k === 'b').sort()).toEqual(['a', 'b']);
  });
});
