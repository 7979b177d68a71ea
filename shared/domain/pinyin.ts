import { pinyin } from 'pinyin-pro';

/**
 * Full pinyin ("zhang san ming") and initials ("zsm") of a name, surnames read as surnames (曾 = zeng).
 * The initials are the syllables' first letters, from the same reading: pinyin-pro's own
 * `pattern: 'first'` gives the same, but a second reading of each name was half of a roster
 * import's time.
 */
export function pinyinKeys(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' })
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  return { full: syllables.join(' '), initials: syllables.map((s) => s[0]).join('') };
}
