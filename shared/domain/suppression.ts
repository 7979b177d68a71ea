/**
 * Small-cell suppression for counts shown to people who may not see the records behind them
 * (a principal, an export, a district package). A count from 1 to K-1 could point at one
 * student, so it is withheld (null). Zero is shown: "nobody" discloses nobody.
 *
 * Withholding the small cells alone is not enough: wherever the reader knows that some figures
 * add up to another (a row total, a column total, the same total printed in a second table of
 * the package), a single unknown among them comes back by subtraction. So the figures a reader
 * sees are modelled as variables with linear equations between them (total = sum of parts), and
 * further cells are withheld (complementary suppression) until no withheld figure can be solved
 * for from what is published. One engine serves every place figures leave the
 * counselor's screen, so a principal's view, an export and a package can never disagree.
 */
export const SMALL_CELL_K = 5;

function isSmall(n: number, k: number): boolean {
  return n > 0 && n < k;
}

/** The reader knows that `total` is the sum of `parts` (all keys of figures). */
export interface SumEquation {
  total: string;
  parts: readonly string[];
}

export interface LinkedFigures {
  /** Every figure by key, including totals that are not printed anywhere. */
  values: ReadonlyMap<string, number>;
  equations: readonly SumEquation[];
  /** Figures the reader learns anyway (published elsewhere): never withheld, always known. */
  fixed?: ReadonlySet<string>;
  /** Figures that exist but are not printed: unknown to the reader without being withheld. */
  unpublished?: ReadonlySet<string>;
}

/**
 * The keys to withhold so that no withheld figure is determined by the published
 * ones through the equations. Small cells first; then, while an equation has exactly one unknown,
 * its smallest other non-zero part (or else its total) is withheld too; finally a linear-algebra
 * check catches what several equations give away together (the 2×2 pattern across tables).
 * Zero is never withheld. A fixed figure may leave a small cell unprotectable (no partner).
 */
export function suppressLinked(figures: LinkedFigures, k = SMALL_CELL_K): Set<string> {
  const { values, equations } = figures;
  const fixed = figures.fixed ?? new Set<string>();
  const unpublished = figures.unpublished ?? new Set<string>();
  const value = (key: string): number => values.get(key) ?? 0;
  const hidden = new Set<string>();
  for (const [key, n] of values) if (isSmall(n, k) && !fixed.has(key)) hidden.add(key);
  const unknown = (key: string) => hidden.has(key) || (unpublished.has(key) && !fixed.has(key));
  const hideable = (key: string) => !unknown(key) && !fixed.has(key) && value(key) > 0;

  /** Withholds one more member of the equation: the smallest non-zero part, else the total. */
  const hidePartner = (eq: SumEquation): boolean => {
    let partner: string | null = null;
    for (const p of eq.parts) if (hideable(p) && (partner === null || value(p) < value(partner))) partner = p;
    if (partner === null && hideable(eq.total)) partner = eq.total;
    if (partner === null) return false;
    hidden.add(partner);
    return true;
  };

  for (let rounds = 0; rounds <= values.size; rounds++) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const eq of equations) {
        const unknowns = [eq.total, ...eq.parts].filter(unknown);
        if (unknowns.length === 1 && hidden.has(unknowns[0]!) && hidePartner(eq)) changed = true;
      }
    }
    // An unpublished total that its printed parts give is no leak; only withheld cells count.
    const target = determinedUnknowns([...values.keys()].filter(unknown), equations, unknown).find((key) => hidden.has(key));
    if (target === undefined) break;
    const widened = equations.filter((eq) => eq.total === target || eq.parts.includes(target)).some(hidePartner);
    if (!widened) break;
  }
  return hidden;
}

/**
 * The unknowns whose value the equations pin down: x is determined exactly when the unit vector
 * of x lies in the row space of the equations restricted to the unknowns, i.e. when some row of
 * the reduced row-echelon form has x as its only non-zero entry.
 */
export function determinedUnknowns(unknowns: readonly string[], equations: readonly SumEquation[], isUnknown: (key: string) => boolean): string[] {
  const index = new Map(unknowns.map((key, i) => [key, i]));
  const rows: number[][] = [];
  for (const eq of equations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    const add = (key: string, c: number) => {
      if (!isUnknown(key)) return;
      const i = index.get(key)!;
      row[i] = row[i]! + c;
      any = true;
    };
    add(eq.total, 1);
    for (const p of eq.parts) add(p, -1);
    if (any) rows.push(row);
  }
  const eps = 1e-9;
  let lead = 0;
  for (let col = 0; col < unknowns.length && lead < rows.length; col++) {
    let pivot = -1;
    for (let r = lead; r < rows.length; r++) if (Math.abs(rows[r]![col]!) > eps) pivot = pivot < 0 || Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!) ? r : pivot;
    if (pivot < 0) continue;
    [rows[lead], rows[pivot]] = [rows[pivot]!, rows[lead]!];
    const p = rows[lead]!;
    const scale = p[col]!;
    for (let c = 0; c < p.length; c++) p[c] = p[c]! / scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === lead) continue;
      const f = rows[r]![col]!;
      if (Math.abs(f) > eps) for (let c = 0; c < p.length; c++) rows[r]![c] = rows[r]![c]! - f * p[c]!;
    }
    lead++;
  }
  return rows.flatMap((row) => {
    const nonZero = row.flatMap((v, i) => (Math.abs(v) > eps ? [i] : []));
    return nonZero.length === 1 ? [unknowns[nonZero[0]!]!] : [];
  });
}

/**
 * A table of counts as the statistics build it, before suppression. Row and column totals are
 * figures too, printed or not: `totalKeys` names a total that is the same quantity as a figure of
 * another table in the package (sessions by grade and sessions by kind share their grand total),
 * which is what lets the engine see a subtraction across tables.
 */
export interface CountTable {
  id: string;
  rows: readonly string[];
  cols: readonly string[];
  cells: readonly (readonly number[])[];
  /** Whether the sum of each column is printed (a total row). */
  colTotals: boolean;
  /** Whether the sum of each row is printed (a total column); only where the columns add up. */
  rowTotals: boolean;
  /** Whether the columns of a row add up at all (people by band do; sessions and students do not). */
  rowsAdd: boolean;
  /** A column that is the sum of other columns of its row (participants = done + declined + …). */
  rowSums?: readonly { total: number; parts: readonly number[] }[];
  /** Package-wide keys for totals: `col:<c>` for a column total, `row:<r>`, `all` for the grand total. */
  totalKeys?: Readonly<Record<string, string>>;
  /** Counts of adults or of hours, not of children: printed as they are. */
  exempt?: boolean;
}

export interface SuppressedTable {
  id: string;
  rows: string[];
  cols: string[];
  cells: (number | null)[][];
  /** Null when not printed; a null inside means withheld. */
  colTotals: (number | null)[] | null;
  rowTotals: (number | null)[] | null;
  total: number | null;
  suppressed: boolean;
}

const cellKey = (t: string, r: number, c: number) => `${t}|${r}|${c}`;

/**
 * Suppresses the tables of one package (or one view) together. Tables marked exempt take no part.
 * Returns each table with withheld cells as null.
 */
export function suppressTables(tables: readonly CountTable[], k = SMALL_CELL_K): SuppressedTable[] {
  const values = new Map<string, number>();
  const equations: SumEquation[] = [];
  const published = new Set<string>();
  const alias = (t: CountTable, local: string, fallback: string) => t.totalKeys?.[local] ?? fallback;
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const keysOf = tables.map((t) => {
    const cells = t.cells.map((row, r) => row.map((_, c) => cellKey(t.id, r, c)));
    const colTotal = t.cols.map((_, c) => alias(t, `col:${c}`, `${t.id}|*|${c}`));
    const rowTotal = t.rows.map((_, r) => alias(t, `row:${r}`, `${t.id}|${r}|*`));
    const grand = alias(t, 'all', `${t.id}|*|*`);
    if (t.exempt) return { cells, colTotal, rowTotal, grand };
    t.cells.forEach((row, r) => row.forEach((n, c) => values.set(cells[r]![c]!, n)));
    cells.flat().forEach((key) => published.add(key));
    t.cols.forEach((_, c) => {
      values.set(colTotal[c]!, sum(t.cells.map((row) => row[c] ?? 0)));
      equations.push({ total: colTotal[c]!, parts: cells.map((row) => row[c]!) });
      if (t.colTotals) published.add(colTotal[c]!);
    });
    if (t.rowsAdd) {
      t.rows.forEach((_, r) => {
        values.set(rowTotal[r]!, sum(t.cells[r]!));
        equations.push({ total: rowTotal[r]!, parts: cells[r]! });
        if (t.rowTotals) published.add(rowTotal[r]!);
      });
      values.set(grand, sum(t.cells.flat()));
      equations.push({ total: grand, parts: colTotal }, { total: grand, parts: rowTotal });
      if (t.rowTotals && t.colTotals) published.add(grand);
    }
    for (const s of t.rowSums ?? []) {
      cells.forEach((row) => equations.push({ total: row[s.total]!, parts: s.parts.map((c) => row[c]!) }));
      equations.push({ total: colTotal[s.total]!, parts: s.parts.map((c) => colTotal[c]!) });
    }
    return { cells, colTotal, rowTotal, grand };
  });
  const unpublished = new Set([...values.keys()].filter((key) => !published.has(key)));
  const hidden = suppressLinked({ values, equations, unpublished }, k);
  const show = (key: string, n: number) => (hidden.has(key) ? null : n);
  return tables.map((t, i) => {
    const keys = keysOf[i]!;
    const cells = t.cells.map((row, r) => row.map((n, c) => (t.exempt ? n : show(keys.cells[r]![c]!, n))));
    const colSums = t.cols.map((_, c) => sum(t.cells.map((row) => row[c] ?? 0)));
    const rowSums = t.cells.map(sum);
    const grand = sum(rowSums);
    return {
      id: t.id,
      rows: [...t.rows],
      cols: [...t.cols],
      cells,
      colTotals: t.colTotals ? colSums.map((n, c) => (t.exempt ? n : show(keys.colTotal[c]!, n))) : null,
      rowTotals: t.rowTotals && t.rowsAdd ? rowSums.map((n, r) => (t.exempt ? n : show(keys.rowTotal[r]!, n))) : null,
      total: t.rowTotals && t.colTotals && t.rowsAdd ? (t.exempt ? grand : show(keys.grand, grand)) : null,
      suppressed: !t.exempt,
    };
  });
}

/** Withholds the small cells of one group whose sum is known to the reader. */
export function suppressGroup(counts: readonly number[], k = SMALL_CELL_K): (number | null)[] {
  const values = new Map(counts.map((n, i) => [String(i), n]));
  values.set('sum', counts.reduce((a, b) => a + b, 0));
  const hidden = suppressLinked({ values, equations: [{ total: 'sum', parts: counts.map((_, i) => String(i)) }], fixed: new Set(['sum']) }, k);
  return counts.map((n, i) => (hidden.has(String(i)) ? null : n));
}

/** A single count standing alone (a total): withheld when small. */
export function suppressCount(n: number, k = SMALL_CELL_K): number | null {
  return isSmall(n, k) ? null : n;
}

/** The named fields of a row, one group, each withheld as suppressGroup would. */
export function suppressFields<K extends string>(row: Readonly<Record<K, number>>, keys: readonly K[], k = SMALL_CELL_K): Record<K, number | null> {
  const shown = suppressGroup(
    keys.map((key) => row[key]),
    k,
  );
  return Object.fromEntries(keys.map((key, i) => [key, shown[i] ?? null])) as Record<K, number | null>;
}
