/**
 * Paging a list that is ordered group by group (a screening's participants class by class, the
 * 学年升级 plan class by class): from each group's size, in list order, the groups a page touches
 * and how many rows of the first of them come before the page. The page's query then reads and
 * sorts only those groups, so a deep page costs what the first one does instead of sorting and
 * skipping every row before it (an OFFSET reads what it skips).
 */
export interface GroupSpan<G> {
  /** The groups the page falls in, in list order; empty when the page starts past the end. */
  groups: G[];
  /** Rows of the first group before the page. */
  skip: number;
}

export function groupSpan<G extends { count: number }>(groups: readonly G[], offset: number, limit: number): GroupSpan<G> {
  const touched: G[] = [];
  let start = 0;
  let skip = 0;
  for (const g of groups) {
    const end = start + g.count;
    if (end > offset && start < offset + limit && g.count > 0) {
      if (touched.length === 0) skip = offset - start;
      touched.push(g);
    }
    if (end >= offset + limit) break;
    start = end;
  }
  return { groups: touched, skip };
}
