import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { pinyinKeys } from '../../shared/domain/pinyin';
import { uuidv7 } from '../../shared/ids';

describe('pinyin keys of a name', () => {
  it('reads surnames as surnames and takes the initials from the same reading, as pinyin-pro reads them alone', () => {
    expect(pinyinKeys('曾小贤')).toEqual({ full: 'zeng xiao xian', initials: 'zxx' });
    expect(pinyinKeys('欧阳娜娜')).toEqual({ full: 'ou yang na na', initials: 'oynn' });
    expect(pinyinKeys('单于飞')).toMatchObject({ initials: 'syf' });
    // One reading for both keys gives the same initials as pinyin-pro's own first-letter pattern.
    for (const name of ['张三明', '吕布', '乐嘉', '朴智恩', 'Tom李', '朱Zhu', '张 三', '李1号', '区志强', '解晓东', '查理']) {
      const first = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', pattern: 'first' }).map((s) => s.trim().toLowerCase()).join('');
      expect(pinyinKeys(name).initials, name).toBe(first);
    }
  });
});

describe('UUIDv7 ids', () => {
  it('are version 7, ordered by their millisecond, and distinct across many draws from the random pool', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 500)));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.slice(0, 13)).toBe('018bcfe5-6800');
    expect(ids[1999]! > ids[0]!).toBe(true);
  });
});
