import { attributes, scanXml } from './xml-scan';

/** What a cell's style tells the reader: its number format, and whether that shows a date. */
export interface CellFormat {
  numFmt: string | undefined;
  isDate: boolean;
}

const GENERAL: CellFormat = { numFmt: undefined, isDate: false };

/** Built-in formats that have a fixed code (ECMA-376 §18.8.30); 学号 may use "0" (id 1). */
const BUILTIN_CODES: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Built-in ids whose code depends on the locale: the East Asian date and time formats that
 * Chinese Excel gives a date typed as 2012年9月1日 (ids 27–36 and 50–58). They are dates
 * whatever the locale, so they need no code to be recognised.
 */
function isLocaleDateId(id: number): boolean {
  return (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/** A format shows a date when, outside quoted text and [brackets], it has a date or time part. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** The format of every cell style (`s` attribute, index into cellXfs) of styles.xml. */
export function readCellFormats(xml: string | null): (styleIndex: number) => CellFormat {
  if (xml === null) return () => GENERAL;
  const custom = new Map<number, string>();
  const formats: CellFormat[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, raw, selfClosing) {
      if (name === 'numFmt') {
        const a = attributes(raw);
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) formats.push(formatOf(Number(attributes(raw).numFmtId ?? 0), custom));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return (styleIndex) => formats[styleIndex] ?? GENERAL;
}

function formatOf(id: number, custom: Map<number, string>): CellFormat {
  const code = custom.get(id) ?? BUILTIN_CODES[id];
  if (code !== undefined) return { numFmt: code, isDate: isDateFormat(code) };
  return { numFmt: undefined, isDate: isLocaleDateId(id) };
}
