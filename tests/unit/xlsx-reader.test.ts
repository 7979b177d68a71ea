import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
import { readFirstSheet } from '../../electron/services/roster/roster-import/xlsx/read-sheet';
import { isDateFormat } from '../../electron/services/roster/roster-import/xlsx/styles';
import { ZipTooLarge } from '../../electron/services/roster/roster-import/xlsx/zip';
import { parseSpreadsheet } from '../../electron/services/roster/roster-import/spreadsheet';
import { CounselError } from '../../shared/api/errors';

const MiB = 1024 * 1024;

/**
 * The reference: exceljs's full load and the cell-to-text rules the import applied to it before
 * the focused reader replaced it. Kept here only as the oracle the reader is compared with.
 */
async function exceljsRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([]);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push('');
      cells.push(referenceText(cell.value, cell.numFmt));
    });
    rows.push(cells);
  });
  return rows;
}

function referenceText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return String(Number(value.toPrecision(15)));
    // The old code's toLocaleString, which agrees with String() below 1e21 (and is slow).
    const digits = Math.abs(value) < 1e21 ? String(value) : value.toLocaleString('en-US', { useGrouping: false });
    return value >= 0 && numFmt !== undefined && /^0+$/.test(numFmt) ? digits.padStart(numFmt.length, '0') : digits;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return referenceText(value.text as ExcelJS.CellValue, undefined);
  if ('error' in value) return value.error;
  return referenceText((value as { result?: ExcelJS.CellValue }).result, undefined);
}

const READ_LIMIT = 64 * MiB;

async function compareWithExceljs(fill: (workbook: ExcelJS.Workbook) => void, options?: { useSharedStrings?: boolean }) {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer(options));
  const expected = await exceljsRows(bytes);
  expect(readFirstSheet(bytes, READ_LIMIT)).toEqual(expected);
  return expected;
}

/** Every kind of cell a roster or an answer sheet meets, as exceljs writes it. */
function everyKindOfCell(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet('名单');
  sheet.getRow(1).values = ['学号', '姓名', '出生日期', '备注', '分数', '是否', '公式', '空'];
  sheet.mergeCells('H1:J1');
  sheet.getRow(2).values = [2024070101, { richText: [{ text: '张', font: { bold: true } }, { text: '三明' }] }, new Date(Date.UTC(2012, 8, 1)), { text: '主页', hyperlink: 'https://example.com' }, 0.1 + 0.2, true, { formula: 'A2+1', result: 2024070102 }];
  sheet.getRow(4).values = [1.2345678901234568e21, '  李小红  ', new Date(Date.UTC(2011, 11, 31, 23, 59, 59)), 'a & b < c > "d" \'e\'', -17.5, false, { formula: 'B4', result: '李小红' }];
  sheet.getCell('A5').value = 123;
  sheet.getCell('A5').numFmt = '000000';
  sheet.getCell('B5').value = 45000;
  sheet.getCell('B5').numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getCell('C5').value = 7;
  sheet.getCell('C5').numFmt = '0.00';
  sheet.getCell('D5').value = { error: '#N/A' };
  sheet.getCell('E5').value = { formula: 'DATE(2012,9,1)', result: new Date(Date.UTC(2012, 8, 1)) };
  sheet.getCell('A6').style = { font: { bold: true } };
  sheet.getCell('F7').value = '行尾';
  sheet.mergeCells('A8:B9');
  sheet.getCell('A8').value = '合并';
  sheet.getCell('C8').value = '第一行\n第二行';
  workbook.addWorksheet('第二页').getCell('A1').value = 'ignored';
}

describe('the focused .xlsx reader against exceljs', () => {
  it('reads every kind of cell as exceljs did, with shared strings', async () => {
    const rows = await compareWithExceljs(everyKindOfCell);
    // Spot checks, so the comparison cannot pass on two equally wrong readings.
    expect(rows[0]).toEqual(['学号', '姓名', '出生日期', '备注', '分数', '是否', '公式', '空', '空', '空']);
    expect(rows[1]).toEqual(['2024070101', '张三明', '2012-09-01', '主页', '0.3', 'TRUE', '2024070102']);
    expect(rows[2]).toEqual([]);
    expect(rows[4]).toEqual(['000123', '2023-03-15', '7', '#N/A', '2012-09-01']);
    expect(rows[7]).toEqual(['合并', '合并', '第一行\n第二行']);
    expect(rows[8]).toEqual(['合并', '合并']);
  });

  it('reads every kind of cell as exceljs did, with inline strings', async () => {
    await compareWithExceljs(everyKindOfCell, { useSharedStrings: false });
  });

  it('takes the first sheet in the workbook’s order', async () => {
    const rows = await compareWithExceljs((workbook) => {
      workbook.addWorksheet('一').getCell('A1').value = 'first';
      workbook.addWorksheet('二').getCell('A1').value = 'second';
    });
    expect(rows).toEqual([['first']]);
  });

  it('reads a 3,000-row answer sheet as exceljs does', async () => {
    await compareWithExceljs((workbook) => {
      const sheet = workbook.addWorksheet('答卷');
      sheet.addRow(['学号', '姓名', ...Array.from({ length: 9 }, (_, i) => String(i + 1))]);
      for (let i = 0; i < 3000; i++) sheet.addRow([20240000 + i, `学生${i}`, ...Array.from({ length: 9 }, (_, k) => (i * 7 + k) % 4)]);
    });
  });
});

// ------------------------------------------------------------ hand-made workbooks

interface ZipFile {
  name: string;
  text: string;
  stored?: boolean;
}

/** A little-endian record: [offset, width in bytes, value] for each field set. */
function record(size: number, fields: [number, 2 | 4, number][]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/** A zip as other writers make them: deflated or stored entries, a central directory, no ZIP64. */
function zip(files: ZipFile[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = Buffer.from(f.text, 'utf8');
    const body = f.stored ? data : deflateRawSync(data);
    const method = f.stored ? 0 : 8;
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, method], [14, 4, crc32(data)], [18, 4, body.length], [22, 4, data.length], [26, 2, name.length]]);
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, method], [16, 4, crc32(data)], [20, 4, body.length], [24, 4, data.length], [28, 2, name.length], [42, 4, offset]]);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, files.length], [10, 2, files.length], [12, 4, directory.length], [16, 4, offset]]);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface BookParts {
  sheet: string;
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
  /** Where the workbook's relationship points at the sheet (relative or absolute). */
  sheetTarget?: string;
  sharedStringsPath?: string;
  stored?: boolean;
}

function workbook(p: BookParts): Uint8Array {
  const sheetTarget = p.sheetTarget ?? 'worksheets/sheet1.xml';
  const sheetPath = sheetTarget.startsWith('/') ? sheetTarget.slice(1) : `xl/${sheetTarget}`;
  const sstPath = p.sharedStringsPath ?? 'sharedStrings.xml';
  const files: ZipFile[] = [
    { name: '[Content_Types].xml', text: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', text: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0"?><workbook ${NS}>${p.workbookPr ?? ''}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${REL}/worksheet" Target="${sheetTarget}"/><Relationship Id="rId8" Type="${REL}/sharedStrings" Target="${sstPath}"/><Relationship Id="rId9" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId10" Type="${REL}/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`,
    },
    { name: sheetPath, text: p.sheet },
  ];
  if (p.sharedStrings !== undefined) files.push({ name: `xl/${sstPath}`, text: p.sharedStrings });
  if (p.styles !== undefined) files.push({ name: 'xl/styles.xml', text: p.styles });
  return zip(files.map((f) => ({ ...f, stored: p.stored })));
}

const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;

describe('workbooks from other writers', () => {
  it('reads inline strings, rows and cells without references, entities and _xHHHH_ escapes', () => {
    const bytes = workbook({
      sheet: sheetXml(
        '<row><c t="inlineStr"><is><t>学号</t></is></c><c t="inlineStr"><is><r><t>姓</t></r><r><rPr><b/></rPr><t xml:space="preserve">名 </t></r></is></c></row>' +
          '<row><c><v>2024001</v></c><c t="inlineStr"><is><t>A&amp;B&#x5F20;&#24352;_x000D_</t></is></c></row>' +
          '<row r="5"><c r="C5" t="str"><f>A2&amp;""</f><v>2024001</v></c><c r="D5" t="b"><v>0</v></c><c r="E5" t="e"><v>#DIV/0!</v></c><c r="F5"><f>1/0</f></c></row>',
      ),
    });
    expect(readFirstSheet(bytes, READ_LIMIT)).toEqual([['学号', '姓名 '], ['2024001', 'A&B张张\r'], [], [], ['', '', '2024001', 'FALSE', '#DIV/0!', '']]);
  });

  it('reads shared strings with phonetic guides left out, and namespace prefixes as WPS and the OpenXML SDK write them', () => {
    const bytes = workbook({
      sheet:
        '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
      sharedStrings:
        `<?xml version="1.0"?><sst ${NS} count="3" uniqueCount="3"><si><t>学号</t></si>` +
        '<si><r><t>曾</t></r><r><t>小明</t></r><rPh sb="0" eb="1"><t>zeng</t></rPh><phoneticPr fontId="1"/></si><si/></sst>',
      sharedStringsPath: 'SharedStrings.xml',
    });
    expect(readFirstSheet(bytes, READ_LIMIT)).toEqual([['学号', '曾小明', '']]);
  });

  it('reads the Chinese built-in date formats, custom date formats and 学号 formats, in both date systems', () => {
    const styles =
      `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="00000000"/></numFmts>` +
      '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="31"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="49"/></cellXfs></styleSheet>';
    const row = '<row r="1"><c r="A1" s="1"><v>41153</v></c><c r="B1" s="2"><v>41153</v></c><c r="C1" s="3"><v>41153.75</v></c><c r="D1" s="4"><v>2024001</v></c><c r="E1" s="5"><v>41153</v></c><c r="F1" s="9"><v>41153</v></c></row>';
    expect(readFirstSheet(workbook({ sheet: sheetXml(row), styles }), READ_LIMIT)).toEqual([['2012-09-01', '2012-09-01', '2012-09-01', '02024001', '41153', '41153']]);
    const in1904 = workbook({ sheet: sheetXml(row), styles, workbookPr: '<workbookPr date1904="1"/>' });
    expect(readFirstSheet(in1904, READ_LIMIT)[0]!.slice(0, 3)).toEqual(['2016-09-02', '2016-09-02', '2016-09-02']);
  });

  it('reads stored entries, an absolute sheet path, and merged header cells across rows and columns', () => {
    const bytes = workbook({
      stored: true,
      sheetTarget: '/xl/worksheets/data.xml',
      sheet:
        `<?xml version="1.0"?><worksheet ${NS}><sheetData>` +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>基本信息</t></is></c><c r="B1" s="0"/><c r="D1" t="inlineStr"><is><t>备注</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>学号</t></is></c><c r="B2" t="inlineStr"><is><t>姓名</t></is></c><c r="C2" t="inlineStr"><is><t>班级</t></is></c></row>' +
        '<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>张三</t></is></c><c r="C3"><v>2</v></c><c r="D3" t="inlineStr"><is><t>x</t></is></c></row>' +
        '</sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="D1:D2"/><mergeCell ref="A100:B1048576"/></mergeCells></worksheet>',
    });
    expect(readFirstSheet(bytes, READ_LIMIT)).toEqual([
      ['基本信息', '基本信息', '基本信息', '备注'],
      ['学号', '姓名', '班级', '备注'],
      ['1', '张三', '2', 'x'],
    ]);
  });

  it('recognises date formats as exceljs does: date and time parts outside quotes and brackets', () => {
    expect(['yyyy-mm-dd', 'm/d/yy h:mm', '[$-804]yyyy"年"m"月"d"日"', 'h:mm:ss'].every(isDateFormat)).toBe(true);
    expect(['0', '000000', '0.00', '#,##0', '@', 'General', '"年"0', '[Red]0.00'].some(isDateFormat)).toBe(false);
  });
});

describe('files the reader refuses', () => {
  async function refusal(bytes: Uint8Array): Promise<string> {
    const error = await parseSpreadsheet(bytes, 'x.xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CounselError);
    return (error as CounselError).messageKey;
  }

  it('refuses a zip bomb without inflating it: a part past the cap is "too large"', async () => {
    const sheet = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'0'.repeat(2 * MiB)}</t></is></c></row>`);
    const bytes = workbook({ sheet });
    expect(bytes.byteLength).toBeLessThan(64 * 1024);
    expect(() => readFirstSheet(bytes, MiB)).toThrow(ZipTooLarge);
    expect(readFirstSheet(bytes, 4 * MiB)[0]![0]).toHaveLength(2 * MiB);
  });

  it('calls a sheet whose merged ranges would fill a million cells too large', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const sheet = (ref: string) => `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells></worksheet>`;
    expect(await refusal(workbook({ sheet: sheet('A1:XFD1048576') }))).toBe('import.error.tooLarge');
    // The same merge down to the last row with a value but only 26 columns wide is read.
    expect(readFirstSheet(workbook({ sheet: sheet('A1:Z1048576') }), READ_LIMIT)[99]).toEqual(Array.from({ length: 26 }, () => '0'));
  });

  it('calls a zip that is not a workbook, a truncated workbook and an encrypted entry unreadable', async () => {
    expect(await refusal(zip([{ name: 'word/document.xml', text: '<w:document/>' }]))).toBe('import.error.unreadable');
    const whole = workbook({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') });
    expect(await refusal(whole.slice(0, whole.byteLength - 30))).toBe('import.error.unreadable');
    const encrypted = Buffer.from(whole);
    // Set the encryption flag of every central directory entry.
    for (let at = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      encrypted.writeUInt16LE(encrypted.readUInt16LE(at + 8) | 1, at + 8);
    }
    expect(await refusal(new Uint8Array(encrypted))).toBe('import.error.unreadable');
  });

  it('calls a workbook whose first sheet is missing unreadable', async () => {
    const files = workbook({ sheet: sheetXml(''), sheetTarget: 'worksheets/elsewhere.xml' });
    const withoutSheet = zip([{ name: '_rels/.rels', text: '<Relationships/>' }, { name: 'xl/workbook.xml', text: `<workbook ${NS}><sheets/></workbook>` }]);
    expect(readFirstSheet(files, READ_LIMIT)).toEqual([]);
    expect(await refusal(withoutSheet)).toBe('import.error.unreadable');
  });
});
