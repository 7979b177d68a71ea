import { describe, expect, it } from 'vitest';
import { excerpt, ftsQuery, indexText, matchSpans, parseQuery, snippet, tokenize } from '../../shared/domain/bigram-search';

describe('the bigram tokenizer', () => {
  it('splits a CJK run into overlapping bigrams', () => {
    expect(indexText('焦虑情绪')).toBe('焦虑 虑情 情绪');
    expect(indexText('失眠')).toBe('失眠');
  });

  it('breaks runs at punctuation and spaces, so no bigram spans them, and drops a lone character', () => {
    expect(indexText('焦虑，失眠。我')).toBe('焦虑 失眠');
    expect(indexText('情绪 低落')).toBe('情绪 低落');
    expect(indexText('「早恋」')).toBe('早恋');
  });

  it('lower-cases Latin words and splits letters from digits', () => {
    expect(indexText('PHQ-9 得分 12，GAD7')).toBe('phq 9 得分 12 gad 7');
    expect(indexText('WeChat')).toBe('wechat');
  });

  it('reads full-width letters and digits as ASCII (NFKC) and keeps offsets into the original text', () => {
    const text = 'ＰＨＱ９焦虑';
    expect(tokenize(text)).toEqual([
      { token: 'phq', start: 0, end: 3 },
      { token: '9', start: 3, end: 4 },
      { token: '焦虑', start: 4, end: 6 },
    ]);
  });

  it('treats symbols and emoji as separators and keeps characters outside the BMP whole', () => {
    expect(indexText('开心😀难过')).toBe('开心 难过');
    const ext = '𠀀𠀁'; // CJK Extension B, two UTF-16 units each
    expect(tokenize(ext)).toEqual([{ token: ext, start: 0, end: 4 }]);
  });

  it('handles an empty text and one with nothing to index', () => {
    expect(tokenize('')).toEqual([]);
    expect(indexText('……！？  ')).toBe('');
  });
});

describe('queries', () => {
  it('makes a two-character query one token and a longer one a phrase of bigrams', () => {
    expect(parseQuery('焦虑')).toEqual({ ok: true, phrases: [['焦虑']] });
    expect(parseQuery('情绪低落')).toEqual({ ok: true, phrases: [['情绪', '绪低', '低落']] });
    expect(ftsQuery([['情绪', '绪低', '低落']])).toBe('"情绪 绪低 低落"');
  });

  it('requires every space- or punctuation-separated word, mixed Chinese and English', () => {
    const q = parseQuery('PHQ 焦虑');
    expect(q).toEqual({ ok: true, phrases: [['phq'], ['焦虑']] });
    expect(ftsQuery((q as { phrases: string[][] }).phrases)).toBe('"phq" "焦虑"');
    expect(parseQuery('焦虑，失眠')).toEqual({ ok: true, phrases: [['焦虑'], ['失眠']] });
    expect(parseQuery('焦虑 焦虑')).toEqual({ ok: true, phrases: [['焦虑']] });
  });

  it('turns FTS5 syntax into plain words or separators', () => {
    expect(ftsQuery((parseQuery('AND OR') as { phrases: string[][] }).phrases)).toBe('"and" "or"');
    expect(parseQuery('"焦虑')).toEqual({ ok: true, phrases: [['焦虑']] });
    expect(parseQuery('NEAR(焦虑 失眠)')).toEqual({ ok: true, phrases: [['near'], ['焦虑'], ['失眠']] });
    expect(parseQuery('焦虑* -失眠 ^早恋 body:情绪')).toEqual({ ok: true, phrases: [['焦虑'], ['失眠'], ['早恋'], ['body'], ['情绪']] });
  });

  it('refuses a lone Chinese character and a query with nothing to search', () => {
    expect(parseQuery('焦')).toEqual({ ok: false, reason: 'singleCharacter' });
    expect(parseQuery('焦虑 我')).toEqual({ ok: false, reason: 'singleCharacter' });
    expect(parseQuery('"" *')).toEqual({ ok: false, reason: 'noTerms' });
    expect(parseQuery('   ')).toEqual({ ok: false, reason: 'noTerms' });
  });
});

describe('snippets', () => {
  it('finds the phrase where the index would, across a field boundary never', () => {
    expect(matchSpans('她最近情绪低落，睡不好', [['情绪', '绪低', '低落']])).toEqual([[3, 7]]);
    expect(matchSpans('情绪\n低落', [['情绪', '绪低', '低落']])).toEqual([]);
    expect(matchSpans('PHQ-9 与 phq9', [['phq', '9']])).toEqual([
      [0, 5],
      [8, 12],
    ]);
  });

  it('cuts about 60 characters around the first match and marks every match in it', () => {
    const text = `${'甲'.repeat(100)}焦虑${'乙'.repeat(10)}焦虑${'丙'.repeat(100)}`;
    const s = snippet(text, [['焦虑']]);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(Array.from(s.text.slice(1, -1))).toHaveLength(60);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['焦虑', '焦虑']);
  });

  it('shows the start of a short note whole, with line breaks as spaces', () => {
    const s = snippet('第一行\n学生自述焦虑', [['焦虑']]);
    expect(s).toEqual({ text: '第一行 学生自述焦虑', highlights: [[8, 10]] });
  });

  it('never cuts a character outside the BMP in half', () => {
    const text = `${'𠀀'.repeat(40)}焦虑${'𠀀'.repeat(40)}`;
    const s = snippet(text, [['焦虑']]);
    expect(s.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['焦虑']);
  });

  it('cuts the same snippet from a long note as from the whole note tokenized, wherever the match stands', () => {
    const filler = '与同学关系紧张，情绪波动明显。';
    for (const before of [0, 30, 34, 140, 600]) {
      // PHQ 9 spans a separator; the second match sits just inside the window.
      const text = `${filler.repeat(before)}PHQ-9 得分高，焦虑明显${filler.repeat(300)}`;
      const phrases = [['phq', '9'], ['焦虑']];
      const s = snippet(text, phrases);
      const start = text.indexOf('PHQ') - 20;
      expect(s.highlights.map(([a, b]) => s.text.slice(a, b)), String(before)).toEqual(['PHQ-9', '焦虑']);
      expect(s.text.startsWith(start > 0 ? `…${text.slice(start, start + 5)}` : text.slice(0, 5)), String(before)).toBe(true);
      expect(matchSpans(text, phrases)[0]![0]).toBe(text.indexOf('PHQ'));
    }
  });

  it('keeps HTML as text: the snippet is data, not markup', () => {
    const s = snippet('<img src=x onerror=alert(1)> 焦虑', [['焦虑']]);
    expect(s.text).toBe('<img src=x onerror=alert(1)> 焦虑');
  });

  it('shortens titles to 40 characters on one line', () => {
    expect(excerpt('短\n标题')).toBe('短 标题');
    expect(excerpt('长'.repeat(50))).toBe(`${'长'.repeat(40)}…`);
  });
});
