import { CounselError } from '../../../../shared/api/errors';
import { readFirstSheet, SheetTooLarge } from './xlsx/read-sheet';
import { ZipTooLarge } from './xlsx/zip';

export type SheetFormat = 'xlsx' | 'csv';

export interface ParsedSheet {
  format: SheetFormat;
  encoding: string;
  /** Every cell as trimmed text; rows[0] is the header; rows[i] is sheet row i + 1. */
  rows: string[][];
}

export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 container of Excel 97–2003 .xls files, and of .doc and .ppt. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads a roster spreadsheet into text cells. The format comes from the bytes:
 * schools rename files freely, so a .csv may well be an xlsx and vice versa.
 */
export async function parseSpreadsheet(bytes: Uint8Array, fileName: string): Promise<ParsedSheet> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge();
  if (startsWith(bytes, OLE2_MAGIC)) throw oldFormat(fileName);
  const sheet = startsWith(bytes, ZIP_MAGIC) ? readXlsx(bytes) : readCsv(bytes);
  const rows = dropTrailingBlankRows(sheet.rows);
  if (rows.length - 1 > MAX_DATA_ROWS) throw tooLarge();
  return { ...sheet, rows };
}

/** The file bytes an import method receives as base64. */
export function base64Bytes(contentBase64: string): Uint8Array {
  const bytes = Buffer.from(contentBase64, 'base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** `why` is an i18n key for the detail line, when we know more than "unreadable". */
export function unreadable(why?: string): CounselError {
  return new CounselError('VALIDATION', 'import.error.unreadable', why === undefined ? undefined : [{ reason: why }]);
}

/**
 * Many school systems still export Excel 97–2003 workbooks; their users need to
 * hear "save it as .xlsx", which would be puzzling advice for a stray .doc.
 */
function oldFormat(fileName: string): CounselError {
  return unreadable(/\.xls$/i.test(fileName) ? 'import.error.oldExcel' : undefined);
}

function tooLarge(): CounselError {
  return new CounselError('VALIDATION', 'import.error.tooLarge', { maxBytes: MAX_FILE_BYTES, maxRows: MAX_DATA_ROWS });
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function dropTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && isBlankRow(rows[end - 1]!)) end--;
  return rows.slice(0, end);
}

// ---------------------------------------------------------------- xlsx

/**
 * Each part of the workbook once inflated may be this large: a sheet of 20,000 rows of a wide
 * roster is ~30 MB of XML, and a zip bomb is refused without inflating further.
 */
const MAX_XLSX_PART_BYTES = 64 * 1024 * 1024;

function readXlsx(bytes: Uint8Array): ParsedSheet {
  let rows: string[][];
  try {
    rows = readFirstSheet(bytes, MAX_XLSX_PART_BYTES);
  } catch (e) {
    if (e instanceof ZipTooLarge || e instanceof SheetTooLarge) throw tooLarge();
    // Any zip that is not a workbook (a .docx, a damaged download) lands here.
    throw unreadable();
  }
  return { format: 'xlsx', encoding: 'utf-8', rows: rows.map((row) => row.map((cell) => cell.trim())) };
}

// ---------------------------------------------------------------- csv

const NEWLINE = 0x0a;
const QUOTE = 0x22;

const BOMS: { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function readCsv(bytes: Uint8Array): ParsedSheet {
  const { text, encoding } = decodeText(bytes);
  // Binary files are mostly valid UTF-8 or GB18030 byte-wise, but text never holds NUL.
  if (text.includes('\u0000')) throw unreadable();
  return { format: 'csv', encoding, rows: parseCsv(text, sniffDelimiter(text)) };
}

function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  // Without a BOM: Excel on Chinese Windows saves "CSV" in GBK, and GB18030 is its superset.
  const attempts = bom
    ? [{ encoding: bom.encoding, body: bytes.subarray(bom.bytes.length) }]
    : ['utf-8', 'gb18030'].map((encoding) => ({ encoding, body: bytes }));
  for (const { encoding, body } of attempts) {
    const text = decodeStrict(body, encoding);
    if (text !== null) return { text, encoding };
  }
  throw unreadable();
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Excel's "Unicode text" export is tab-separated; everything else we meet uses commas. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/**
 * RFC 4180, leniently: a stray quote inside an unquoted field is kept as text.
 * Line ends become "\n" everywhere, inside quoted cells too, so a note typed
 * with Alt+Enter reads the same whichever program saved the file.
 *
 * Text between the characters that matter (the delimiter, a quote, a line end) is taken a run at
 * a time: adding a cell's characters one by one was most of reading a 5,000-row roster. The
 * delimiter is one character (sniffDelimiter's comma or tab).
 */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const text = csv.replace(/\r\n?/g, '\n');
  const out = new CsvCells();
  let quoted = false;
  const separator = delimiter.charCodeAt(0);
  let i = 0;
  while (i < text.length) {
    if (quoted) {
      const quote = text.indexOf('"', i);
      if (quote === -1) {
        out.field += text.slice(i);
        break;
      }
      out.field += text.slice(i, quote);
      if (text[quote + 1] === '"') out.field += '"';
      else quoted = false;
      i = quote + (quoted ? 2 : 1);
      continue;
    }
    let end = i;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === separator || c === NEWLINE || c === QUOTE) break;
      end++;
    }
    out.field += text.slice(i, end);
    if (end === text.length) break;
    const ch = text[end];
    if (ch === '"' && out.field.trim() === '') {
      out.field = '';
      quoted = true;
    } else if (ch === '"') out.field += ch;
    else if (ch === delimiter) out.endField();
    else out.endRow();
    i = end + 1;
  }
  if (quoted) throw unreadable('import.error.unclosedQuote');
  return out.finish();
}

/** The rows a CSV reader collects: each cell trimmed, a row of blank cells kept as an empty row. */
export class CsvCells {
  /** The cell being read. */
  field = '';
  private row: string[] = [];
  private readonly rows: string[][] = [];

  endField(): void {
    this.row.push(this.field.trim());
    this.field = '';
  }

  endRow(): void {
    this.endField();
    this.rows.push(isBlankRow(this.row) ? [] : this.row);
    this.row = [];
  }

  /** The rows, the last one ended if the text did not end with a line end. */
  finish(): string[][] {
    if (this.field !== '' || this.row.length > 0) this.endRow();
    return this.rows;
  }
}
