import { describe, expect, it } from 'vitest';
import { groupSpan } from '../../electron/db/group-span';

const groups = [
  { name: 'a', count: 3 },
  { name: 'b', count: 0 },
  { name: 'c', count: 4 },
  { name: 'd', count: 2 },
];
const names = (offset: number, limit: number) => {
  const span = groupSpan(groups, offset, limit);
  return [span.groups.map((g) => g.name).join(''), span.skip];
};

describe('groupSpan', () => {
  it('names the groups a page falls in and the rows of the first before it, passing empty groups', () => {
    expect(names(0, 2)).toEqual(['a', 0]);
    expect(names(0, 3)).toEqual(['a', 0]);
    expect(names(2, 2)).toEqual(['ac', 2]);
    expect(names(3, 4)).toEqual(['c', 0]);
    expect(names(5, 50)).toEqual(['cd', 2]);
    expect(names(8, 1)).toEqual(['d', 1]);
  });

  it('is empty past the end, and for no groups', () => {
    expect(names(9, 5)).toEqual(['', 0]);
    expect(groupSpan([], 0, 50)).toEqual({ groups: [], skip: 0 });
  });

  it('reads every row of the groups it names exactly once over consecutive pages', () => {
    for (const size of [1, 2, 3, 5, 9, 10]) {
      const rows = groups.flatMap((g) => Array.from({ length: g.count }, (_, i) => `${g.name}${i}`));
      const paged = [];
      for (let offset = 0; offset < rows.length; offset += size) {
        const span = groupSpan(groups, offset, size);
        paged.push(...span.groups.flatMap((g) => Array.from({ length: g.count }, (_, i) => `${g.name}${i}`)).slice(span.skip, span.skip + size));
      }
      expect(paged).toEqual(rows);
    }
  });
});
