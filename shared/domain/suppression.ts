/**
 * Small-cell suppression for counts shown to people who may not see the records behind them
 * (a principal, later a district). A count from 1 to K-1 could point at one student, so it is
 * withheld (null). When a group's cells add up to a total that is shown, withholding one cell
 * alone gives it back by subtraction, so the smallest other non-zero cell is withheld too
 * (complementary suppression). Zero is shown: "nobody" discloses nobody.
 */
export const SMALL_CELL_K = 5;

function isSmall(n: number, k: number): boolean {
  return n > 0 && n < k;
}

/** Withholds the small cells of one group whose sum is known to the reader. */
export function suppressGroup(counts: readonly number[], k = SMALL_CELL_K): (number | null)[] {
  const hidden = counts.map((n) => isSmall(n, k));
  if (hidden.filter(Boolean).length === 1) {
    let partner = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (partner < 0 || n < counts[partner]!)) partner = i;
    });
    if (partner >= 0) hidden[partner] = true;
  }
  return counts.map((n, i) => (hidden[i] ? null : n));
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
