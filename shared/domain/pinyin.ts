import { pinyin } from 'pinyin-pro';

/**
 * Full pinyin ("zhang san ming") and initials ("zsm") of a name, surnames read as surnames (曾 = zeng).
 * The initials are the syllables' first letters, from the same reading: pinyin-pro's own
 * `pattern: 'first'` gives the same, but a second reading of each name was half of a roster
 * import's time.
 *
 * A name of characters that each have one reading only (张, 明, 浩 …: most of a roster) is read
 * character by character from a cache, without pinyin-pro's word segmentation, which was the
 * largest part of a 5,000-row import after the checks: with one reading per character, context
 * cannot change it. A name with a character of several readings (曾, 长, 乐 …), or anything but
 * Chinese characters, is read whole by pinyin-pro as before. The cache holds characters, never
 * names. tests/unit/pinyin-keys.test.ts compares the two readings.
 */
export function pinyinKeys(name: string): { full: string; initials: string } {
  const syllables: string[] = [];
  for (const ch of name) {
    const reading = soleReading(ch);
    if (reading === null) return keysOf(readWhole(name));
    syllables.push(reading);
  }
  return keysOf(syllables);
}

/** pinyin-pro's reading of the whole name, with its segmentation and surname rules. */
export function readWhole(name: string): string[] {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head' })
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

function keysOf(syllables: readonly string[]): { full: string; initials: string } {
  let initials = '';
  for (const s of syllables) initials += s[0] ?? '';
  return { full: syllables.join(' '), initials };
}

const HAN = /^\p{Script=Han}$/u;
const readings = new Map<string, string | null>();

/** The one toneless reading of a Chinese character, or null for a character of several readings or none. */
function soleReading(ch: string): string | null {
  let reading = readings.get(ch);
  if (reading === undefined) {
    const all = HAN.test(ch) ? new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).map((s) => s.trim().toLowerCase())) : new Set<string>();
    reading = all.size === 1 ? [...all][0]! : null;
    if (reading === '') reading = null;
    readings.set(ch, reading);
  }
  return reading;
}
