import { type CellFormat, readCellFormats } from './styles';
import { attributes, decodeOoxmlEscapes, scanXml } from './xml-scan';
import { openZip, type ZipArchive } from './zip';

/**
 * Reads the first worksheet of an .xlsx into text cells, the way exceljs's full load followed by
 * the import's cell-to-text rules read it, in a fraction of its time and memory: the workbook's
 * sheet order, shared and inline strings (rich text joined), numbers (学号 keep the leading zeros
 * of a "000000" format), dates as YYYY-MM-DD, booleans as TRUE/FALSE, a formula's cached result,
 * and every cell of a merged range carrying the range's first value (as exceljs hands them out).
 * Only what an import needs is read: no other sheet, no formatting beyond number formats.
 *
 * Throws `NotAWorkbook` for a zip that is not a spreadsheet, `ZipTooLarge` (from zip.ts) for a
 * part past `maxPartBytes`, `SheetTooLarge` for merged ranges past MAX_MERGED_CELLS, anything
 * else for a damaged file.
 */
export class NotAWorkbook extends Error {}

/** The sheet would take far more memory than any import needs (see fillMerges). */
export class SheetTooLarge extends Error {}

/** rows[i] is sheet row i + 1; a row without values is []; cells are not yet trimmed. */
export function readFirstSheet(bytes: Uint8Array, maxPartBytes: number): string[][] {
  const zip = openZip(bytes, maxPartBytes);
  const workbookPath = officeDocument(zip);
  const workbook = text(zip, workbookPath);
  if (workbook === null) throw new NotAWorkbook();
  const book = readWorkbook(workbook);
  const parts = relationships(zip, workbookPath);
  const sheetTarget = book.firstSheetRelId === undefined ? undefined : parts.get(book.firstSheetRelId)?.target;
  const sheetXml = sheetTarget === undefined ? null : text(zip, sheetTarget);
  if (sheetXml === null) throw new NotAWorkbook();
  const partOfType = (type: string) => [...parts.values()].find((p) => p.type.endsWith(`/${type}`))?.target;
  const strings = readSharedStrings(text(zip, partOfType('sharedStrings') ?? 'xl/sharedStrings.xml'));
  const formats = readCellFormats(text(zip, partOfType('styles') ?? 'xl/styles.xml'));
  return readSheet(sheetXml, { strings, formats, date1904: book.date1904 });
}

function text(zip: ZipArchive, path: string): string | null {
  return zip.read(path)?.toString('utf8') ?? null;
}

/** The workbook part named by the package's root relationships; xl/workbook.xml by convention. */
function officeDocument(zip: ZipArchive): string {
  const root = relationships(zip, '');
  const doc = [...root.values()].find((p) => p.type.endsWith('/officeDocument'));
  return doc?.target ?? 'xl/workbook.xml';
}

interface Part {
  type: string;
  target: string;
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), targets as zip paths. */
function relationships(zip: ZipArchive, partPath: string): Map<string, Part> {
  const slash = partPath.lastIndexOf('/');
  const folder = partPath.slice(0, slash + 1);
  const xml = text(zip, `${folder}_rels/${partPath.slice(slash + 1)}.rels`);
  const parts = new Map<string, Part>();
  if (xml === null) return parts;
  scanXml(xml, {
    open(name, raw) {
      if (name !== 'Relationship') return;
      const a = attributes(raw);
      if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') return;
      parts.set(a.Id, { type: a.Type ?? '', target: resolvePath(folder, a.Target) });
    },
    close() {},
    text() {},
  });
  return parts;
}

function resolvePath(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function readWorkbook(xml: string): { firstSheetRelId: string | undefined; date1904: boolean } {
  let firstSheetRelId: string | undefined;
  let date1904 = false;
  scanXml(xml, {
    open(name, raw) {
      if (name === 'sheet' && firstSheetRelId === undefined) firstSheetRelId = attributes(raw).id;
      else if (name === 'workbookPr') date1904 = isTrue(attributes(raw).date1904);
    },
    close() {},
    text() {},
  });
  return { firstSheetRelId, date1904 };
}

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** Each <si>: its text, rich-text runs joined; phonetic guides (<rPh>) are not the cell's text. */
function readSharedStrings(xml: string | null): string[] {
  const strings: string[] = [];
  if (xml === null) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _raw, selfClosing) {
      if (selfClosing) {
        if (name === 'si') strings.push('');
        return;
      }
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = true;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(decodeOoxmlEscapes(current.join('')));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(value) {
      if (inText && phonetic === 0 && current !== null) current.push(value);
    },
  });
  return strings;
}

interface SheetContext {
  strings: string[];
  formats: (styleIndex: number) => CellFormat;
  date1904: boolean;
}

interface CellState {
  col: number;
  type: string;
  style: number;
  hasFormula: boolean;
  value: string | null;
  inline: string[] | null;
}

function readSheet(xml: string, ctx: SheetContext): string[][] {
  const rows: string[][] = [];
  const merges: string[] = [];
  let row: string[] | null = null;
  let rowNumber = 0;
  let col = 0;
  let cell: CellState | null = null;
  let textTarget: 'v' | 't' | null = null;
  let phonetic = 0;

  const finishCell = () => {
    if (cell === null) return;
    const value = cellText(cell, ctx);
    if (value !== null && row !== null) {
      while (row.length < cell.col - 1) row.push('');
      row[cell.col - 1] = value;
    }
    cell = null;
  };
  const startRow = (raw: string) => {
    const r = Number(attributes(raw).r);
    rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
    while (rows.length < rowNumber) rows.push([]);
    row = rows[rowNumber - 1]!;
    col = 0;
  };

  scanXml(xml, {
    open(name, raw, selfClosing) {
      switch (name) {
        case 'row':
          startRow(raw);
          if (selfClosing) row = null;
          break;
        case 'c': {
          const a = attributes(raw);
          col = a.r === undefined ? col + 1 : columnOf(a.r);
          cell = { col, type: a.t ?? 'n', style: Number(a.s ?? 0), hasFormula: false, value: null, inline: null };
          if (selfClosing) finishCell();
          break;
        }
        case 'f':
          if (cell !== null) cell.hasFormula = true;
          break;
        case 'v':
          if (!selfClosing) textTarget = 'v';
          break;
        case 'is':
          if (cell !== null) cell.inline = [];
          break;
        case 'rPh':
          if (!selfClosing) phonetic++;
          break;
        case 't':
          if (!selfClosing) textTarget = 't';
          break;
        case 'mergeCell': {
          const ref = attributes(raw).ref;
          if (ref !== undefined) merges.push(ref);
          break;
        }
      }
    },
    close(name) {
      if (name === 'c') finishCell();
      else if (name === 'row') row = null;
      else if (name === 'v' || name === 't') textTarget = null;
      else if (name === 'rPh') phonetic--;
    },
    text(value) {
      if (cell === null) return;
      if (textTarget === 'v') cell.value = (cell.value ?? '') + value;
      else if (textTarget === 't' && cell.inline !== null && phonetic === 0) cell.inline.push(value);
    },
  });
  fillMerges(rows, merges);
  return rows;
}

/** "BC12" → 55: the letters of an A1 reference as a 1-based column. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  return col;
}

function rowOf(ref: string): number {
  return Number(ref.replace(/^[A-Za-z]+/, ''));
}

/** null: the cell holds no value (formatting only) and is skipped as exceljs skips it. */
function cellText(cell: CellState, ctx: SheetContext): string | null {
  if (cell.inline !== null) return decodeOoxmlEscapes(cell.inline.join(''));
  if (cell.value === null) return cell.hasFormula ? '' : null;
  const raw = cell.value;
  switch (cell.type) {
    case 's':
      return ctx.strings[Number(raw)] ?? '';
    case 'str':
    case 'inlineStr':
      return decodeOoxmlEscapes(raw);
    case 'b':
      return Number(raw) !== 0 ? 'TRUE' : 'FALSE';
    case 'e':
      return raw;
    case 'd':
      return raw.slice(0, 10);
    default: {
      const n = Number.parseFloat(raw);
      if (Number.isNaN(n)) return raw;
      const format = ctx.formats(cell.style);
      if (format.isDate) return isoDate(excelToDate(n, ctx.date1904));
      // A formula's number shows without the cell's zero padding, as exceljs gives its result.
      return numberText(n, cell.hasFormula ? undefined : format.numFmt);
    }
  }
}

/** exceljs's conversion, to the millisecond, so a date-time cell falls on the same calendar day. */
function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** The UTC parts of a serial's date are the sheet's calendar date (serials carry no zone). */
function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const LONG_INTEGER = new Intl.NumberFormat('en-US', { useGrouping: false });

/**
 * Integers print without an exponent however long (String(n) gives "1e+21" from
 * 22 digits on). A format of zeros ("000000") is how Excel shows 学号 with
 * leading zeros, so we keep them. Fractions are cut to the 15 digits Excel shows.
 */
function numberText(n: number, numFmt: string | undefined): string {
  if (!Number.isInteger(n)) return String(Number(n.toPrecision(15)));
  // String(n) is exact below 1e21; toLocaleString builds an ICU formatter per call, which
  // was most of the time of reading a sheet of numbers.
  const digits = Math.abs(n) < 1e21 ? String(n) : LONG_INTEGER.format(n);
  const zeroPadded = n >= 0 && numFmt !== undefined && /^0+$/.test(numFmt);
  return zeroPadded ? digits.padStart(numFmt.length, '0') : digits;
}

/** Cells a sheet's merged ranges may fill in all; a roster's header merges fill a few dozen. */
const MAX_MERGED_CELLS = 1_000_000;

/**
 * Every cell of a merged range reads as the range's first cell, as exceljs hands them out.
 * A range is cut at the last row with a value (filling blank rows past the data would only add
 * rows the import drops), and a sheet whose ranges would fill more than MAX_MERGED_CELLS (a
 * whole-sheet merge, say) is too large rather than a million blank cells in memory.
 */
function fillMerges(rows: string[][], refs: readonly string[]): void {
  let budget = MAX_MERGED_CELLS;
  for (const ref of refs) {
    const [from, to = from] = ref.split(':') as [string, string?];
    const top = rowOf(from);
    const left = columnOf(from);
    const bottom = Math.min(rowOf(to), rows.length);
    const right = columnOf(to);
    if (!(top >= 1 && left >= 1 && bottom >= top && right >= left)) continue;
    budget -= (bottom - top + 1) * (right - left + 1);
    if (budget < 0) throw new SheetTooLarge();
    const master = rows[top - 1]?.[left - 1] ?? '';
    for (let r = top; r <= bottom; r++) {
      const cells = rows[r - 1]!;
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        while (cells.length < c - 1) cells.push('');
        cells[c - 1] = master;
      }
    }
  }
}
