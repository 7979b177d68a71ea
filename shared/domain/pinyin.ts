import { pinyin } from 'pinyin-pro';

/** Full pinyin ("zhang san ming") and initials ("zsm") of a name, surnames read as surnames (曾 = zeng). */
export function pinyinKeys(name: string): { full: string; initials: string } {
  const opts = { toneType: 'none', type: 'array', surname: 'head' } as const;
  const syllables = pinyin(name, opts).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const initials = pinyin(name, { ...opts, pattern: 'first' }).map((s) => s.trim().toLowerCase()).join('');
  return { full: syllables.join(' '), initials };
}
