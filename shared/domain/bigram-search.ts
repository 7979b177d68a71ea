/**
 * Chinese full-text search with the classic CJK bigram approach (DESIGN.md, Storage).
 *
 * SQLite's unicode61 tokenizer does not segment Chinese, and the trigram tokenizer cannot
 * match the two-character queries counselors type most (焦虑, 失眠). So the text is tokenized
 * here and the FTS5 table (unicode61) receives the tokens separated by spaces:
 * - a run of CJK characters becomes its overlapping bigrams: 焦虑情绪 → 焦虑 虑情 情绪
 *   (a lone CJK character between punctuation or Latin text yields no token);
 * - letters and digits become lower-cased words, split where letters meet digits
 *   (PHQ9 → phq 9), so "PHQ" finds "PHQ-9" and "PHQ9" alike;
 * - everything else (spaces, punctuation, symbols, emoji) separates tokens.
 * Each character is NFKC-normalised first: full-width ＰＨＱ and ９ read as PHQ and 9.
 *
 * A query is cut into chunks at spaces and punctuation; each chunk becomes a phrase of its own
 * tokens (情绪低落 → "情绪 绪低 低落", so its characters must stand together in the note), and
 * all chunks must match. A two-character chunk is a single token. A chunk holding a lone CJK
 * character cannot be answered by a bigram index and is refused, as is a query with no token at
 * all. Because the FTS query is built only from these tokens, each quoted, no user input ever
 * reaches FTS5's query syntax: AND, OR, NEAR, quotes and asterisks are just words or separators.
 *
 * The same tokenizer finds the matches again in the original text for the snippet, so what is
 * highlighted is exactly what the index matched, with offsets into the original string.
 */

export interface Token {
  token: string;
  /** UTF-16 offsets into the original text: [start, end). */
  start: number;
  end: number;
}

type CharClass = 'cjk' | 'letter' | 'digit' | 'sep';

interface Unit {
  ch: string;
  cls: CharClass;
  start: number;
  end: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;

function classify(ch: string): CharClass {
  if (CJK.test(ch)) return 'cjk';
  if (LETTER.test(ch)) return 'letter';
  if (DIGIT.test(ch)) return 'digit';
  return 'sep';
}

/**
 * What a code point becomes: its normalised characters and their classes. Remembered, because
 * a note uses a few hundred distinct characters, and normalising and testing Unicode properties
 * for each of its thousands is most of the work of tokenizing it (for the index and for every
 * snippet). Bounded so that odd input cannot grow it forever.
 */
const normalised = new Map<string, { ch: string; cls: CharClass }[]>();
const NORMALISED_MAX = 20_000;

function normaliseCodePoint(cp: string): { ch: string; cls: CharClass }[] {
  let known = normalised.get(cp);
  if (!known) {
    known = Array.from(cp.normalize('NFKC').toLowerCase(), (ch) => ({ ch, cls: classify(ch) }));
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    normalised.set(cp, known);
  }
  return known;
}

/** Normalised characters, each remembering the span of the original code point it came from. */
function unitsOf(text: string): Unit[] {
  const out: Unit[] = [];
  let offset = 0;
  for (const cp of text) {
    const start = offset;
    offset += cp.length;
    for (const { ch, cls } of normaliseCodePoint(cp)) out.push({ ch, cls, start, end: offset });
  }
  return out;
}

/** Maximal runs of units of one class (separators dropped). */
function runsOf(units: Unit[]): { cls: Exclude<CharClass, 'sep'>; units: Unit[] }[] {
  const runs: { cls: Exclude<CharClass, 'sep'>; units: Unit[] }[] = [];
  let i = 0;
  while (i < units.length) {
    const cls = units[i]!.cls;
    let j = i + 1;
    while (j < units.length && units[j]!.cls === cls) j++;
    if (cls !== 'sep') runs.push({ cls, units: units.slice(i, j) });
    i = j;
  }
  return runs;
}

function tokensOfRuns(runs: ReturnType<typeof runsOf>): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    const u = run.units;
    if (run.cls === 'cjk') {
      for (let k = 0; k + 1 < u.length; k++) tokens.push({ token: u[k]!.ch + u[k + 1]!.ch, start: u[k]!.start, end: u[k + 1]!.end });
    } else {
      tokens.push({ token: u.map((x) => x.ch).join(''), start: u[0]!.start, end: u[u.length - 1]!.end });
    }
  }
  return tokens;
}

export function tokenize(text: string): Token[] {
  return tokensOfRuns(runsOf(unitsOf(text)));
}

/** What the FTS5 table is fed for a note: its tokens, separated by spaces. */
export function indexText(text: string): string {
  return tokenize(text)
    .map((t) => t.token)
    .join(' ');
}

export type ParsedQuery = { ok: true; phrases: string[][] } | { ok: false; reason: 'noTerms' | 'singleCharacter' };

/** Chunks at whitespace and punctuation; each chunk is a phrase of its tokens. */
export function parseQuery(query: string): ParsedQuery {
  const units = unitsOf(query);
  const phrases: string[][] = [];
  let i = 0;
  while (i < units.length) {
    if (units[i]!.cls === 'sep') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < units.length && units[j]!.cls !== 'sep') j++;
    const runs = runsOf(units.slice(i, j));
    if (runs.some((r) => r.cls === 'cjk' && r.units.length === 1)) return { ok: false, reason: 'singleCharacter' };
    const phrase = tokensOfRuns(runs).map((t) => t.token);
    if (!phrases.some((p) => p.join(' ') === phrase.join(' '))) phrases.push(phrase);
    i = j;
  }
  return phrases.length === 0 ? { ok: false, reason: 'noTerms' } : { ok: true, phrases };
}

/** The FTS5 MATCH expression: every phrase quoted, all of them required. */
export function ftsQuery(phrases: string[][]): string {
  return phrases.map((p) => `"${p.join(' ').replaceAll('"', '""')}"`).join(' ');
}

/** Spans of the original text where a phrase's tokens stand consecutively, sorted and merged. */
export function matchSpans(text: string, phrases: string[][]): [number, number][] {
  const tokens = tokenize(text);
  const spans: [number, number][] = [];
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((p, k) => tokens[i + k]!.token === p)) spans.push([tokens[i]!.start, tokens[i + phrase.length - 1]!.end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

export interface Snippet {
  /** Plain text (line breaks shown as spaces), '…' where the note was cut. */
  text: string;
  /** [start, end) UTF-16 offsets into `text` of each match, for the UI to wrap; never HTML. */
  highlights: [number, number][];
}

/** Where a prefix of the note may be cut: the first whitespace or common punctuation at or after `at`. */
const SEPARATOR = /[\s,.;:!?，。；：！？、]/g;
function cutAt(text: string, at: number): number {
  if (at >= text.length) return text.length;
  SEPARATOR.lastIndex = at;
  return SEPARATOR.exec(text)?.index ?? text.length;
}

/**
 * The match spans a snippet needs (the first, and all that start in the `width` after it),
 * tokenizing only as much of the note as that takes: a page of hits on a frequent word would
 * otherwise tokenize 20 whole notes (~0.5 ms each). Cut at a separator, a prefix yields the same
 * tokens as the whole note up to the cut, because a token never spans a separator; the margin
 * after the window covers a phrase whose tokens stand on both sides of the cut.
 */
function leadingSpans(text: string, phrases: string[][], width: number): [number, number][] {
  const MARGIN = 200;
  for (let want = 512; ; want *= 4) {
    const cut = cutAt(text, want);
    const spans = matchSpans(text.slice(0, cut), phrases);
    if (cut === text.length) return spans;
    if (spans.length === 0) continue;
    const need = spans[0]![0] + width + MARGIN;
    return need <= cut ? spans : matchSpans(text.slice(0, cutAt(text, need)), phrases);
  }
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** About `width` characters of the note around its first match, starting a little before it. */
export function snippet(text: string, phrases: string[][], width = 60): Snippet {
  const spans = leadingSpans(text, phrases, width);
  const lead = Math.floor(width / 3);
  let start = spans.length > 0 ? Math.max(0, spans[0]![0] - lead) : 0;
  let end = Math.min(text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const prefix = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/[\r\n\t]/g, ' ');
  const shift = prefix.length - start;
  const highlights = spans
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): [number, number] => [Math.max(s, start) + shift, Math.min(e, end) + shift]);
  return { text: prefix + body + (end < text.length ? '…' : ''), highlights };
}

/** The first `max` characters (code points) of a text on one line, for titles. */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}
