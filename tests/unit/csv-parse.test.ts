import { describe, expect, it } from 'vitest';
import { CsvCells, parseCsv } from '../../electron/services/roster/roster-import/spreadsheet';

/** The parser as it was, a character at a time: the one that reads runs of text must answer the same. */
function byCharacter(csv: string, delimiter = ','): string[][] | 'unclosed' {
  const text = csv.replace(/\r\n?/g, '\n');
  const out = new CsvCells();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') out.field += ch;
      else if (text[i + 1] !== '"') quoted = false;
      else {
        out.field += '"';
        i++;
      }
    } else if (ch === '"' && out.field.trim() === '') {
      out.field = '';
      quoted = true;
    } else if (ch === delimiter) out.endField();
    else if (ch === '\n') out.endRow();
    else out.field += ch;
  }
  return quoted ? 'unclosed' : out.finish();
}

const parsed = (csv: string, delimiter?: string) => {
  try {
    return parseCsv(csv, delimiter);
  } catch {
    return 'unclosed';
  }
};

describe('parseCsv', () => {
  it('reads quoted cells, doubled quotes, stray quotes, blank rows and every line end as before', () => {
    const cases = [
      '学号,姓名\r\n1,张三\r\n',
      'a,"b,c",d\n"say ""hi""",e',
      'a, "quoted after blanks" ,b',
      'a,b"c,d',
      '"a"b,c',
      '"a" "b",c',
      '"multi\r\nline",x\r\n\r\n,,\n',
      '"unclosed,a\nb',
      '',
      ',',
      '\n\n',
      'tab\tseparated\t"x\ty"',
    ];
    for (const csv of cases) expect([csv, parsed(csv)]).toEqual([csv, byCharacter(csv)]);
    expect(parsed(cases[11]!, '\t')).toEqual(byCharacter(cases[11]!, '\t'));
  });

  it('agrees with the character-by-character reading on 3,000 random texts of the characters that matter', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const alphabet = ['a', '张', ' ', ',', '\t', '"', '""', '\n', '\r\n', '\r'];
    for (let n = 0; n < 3000; n++) {
      const csv = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const delimiter = next() < 0.8 ? ',' : '\t';
      expect([csv, parsed(csv, delimiter)]).toEqual([csv, byCharacter(csv, delimiter)]);
    }
  });
});
