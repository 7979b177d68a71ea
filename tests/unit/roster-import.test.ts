import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CounselError } from '../../shared/api/errors';
import { readRosterFile } from '../../electron/services/roster/roster-import';
import { mapHeaders } from '../../electron/services/roster/roster-import/columns';
import {
  excelSerialToIsoDate,
  IMPORT_REASONS,
  normalizeRows,
  parseClassName,
  parseDateCell,
  parseGradeCell,
} from '../../electron/services/roster/roster-import/rows';
import { MAX_DATA_ROWS, parseCsv, parseSpreadsheet } from '../../electron/services/roster/roster-import/spreadsheet';

const FIXTURES = fileURLToPath(new URL('../fixtures/roster/', import.meta.url));
const fixture = (name: string) => readFile(join(FIXTURES, name));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Runs header mapping and row normalisation on an in-memory table (header first). */
function normalize(rows: string[][]) {
  return normalizeRows(rows, mapHeaders(rows[0]!).mapping);
}

const BASE_HEADER = ['学号', '姓名', '性别', '年级', '班级'];
const BASE_ROW = ['2024001', '张三明', '男', '初一', '1'];

/** One valid student row with some columns added or changed. */
function oneRow(extra: Record<string, string>) {
  const header = [...BASE_HEADER, ...Object.keys(extra).filter((k) => !BASE_HEADER.includes(k))];
  const row = header.map((h, i) => extra[h] ?? BASE_ROW[i] ?? '');
  return normalize([header, row]);
}

async function expectCounselError(promise: Promise<unknown>, messageKey: string, detailReason?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CounselError);
  expect((error as CounselError).code).toBe('VALIDATION');
  expect((error as CounselError).messageKey).toBe(messageKey);
  if (detailReason !== undefined) expect((error as CounselError).details).toEqual([{ reason: detailReason }]);
}

/** The first bytes of an OLE2 container: Excel 97–2003, old Word, old PowerPoint. */
const OLE2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

async function xlsxBytes(fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('名单'), workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('dates', () => {
  it.each([
    ['2012/9/1', '2012-09-01'],
    ['2012-09-01', '2012-09-01'],
    ['2012-9-1', '2012-09-01'],
    ['2012.9.1', '2012-09-01'],
    ['2012年9月1日', '2012-09-01'],
    ['2012年9月1', '2012-09-01'],
    ['20120901', '2012-09-01'],
    ['41153', '2012-09-01'],
    ['41153.75', '2012-09-01'],
    ['2012-09-01 00:00:00', '2012-09-01'],
    ['２０１２－０９－０１', '2012-09-01'],
    ['2012/02/29', '2012-02-29'],
  ])('reads %s', (text, iso) => {
    expect(parseDateCell(text)).toEqual({ ok: true, value: iso });
  });

  it.each(['2012-02-30', '2011-02-29', '2012/13/1', '2012-9/1', '20120230', '2012.0.10', '0000-01-01', '2012', '2012年9月', 'abc', '60'])(
    'rejects %s',
    (text) => {
      expect(parseDateCell(text)).toEqual({ ok: false, reason: 'import.reason.badDate' });
    },
  );

  it('counts Excel serials in the 1900 system, including the phantom 1900-02-29', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(41153)).toBe('2012-09-01');
    expect(excelSerialToIsoDate(0)).toBeNull();
  });

  it('leaves an empty birth date as null', () => {
    const { candidates } = oneRow({ 出生日期: '' });
    expect(candidates[0]!.fields.birthDate).toBeNull();
  });
});

describe('cell values', () => {
  it.each([
    ['男', 'M'],
    ['男生', 'M'],
    ['M', 'M'],
    ['male', 'M'],
    ['女', 'F'],
    ['女生', 'F'],
    ['f', 'F'],
    ['Female', 'F'],
  ])('reads sex %s', (text, sex) => {
    expect(oneRow({ 性别: text }).candidates[0]!.fields.sex).toBe(sex);
  });

  it('reports an unknown and a missing sex differently', () => {
    expect(oneRow({ 性别: '未知' }).issues).toEqual([{ row: 2, column: '性别', value: '未知', reason: 'import.reason.badSex', studentNo: '2024001', name: '张三明' }]);
    expect(oneRow({ 性别: '' }).issues).toEqual([{ row: 2, column: '性别', value: '', reason: 'import.reason.required', studentNo: '2024001', name: '张三明' }]);
  });

  it.each([
    ['7', 7],
    ['七年级', 7],
    ['初一', 7],
    ['高二', 11],
    ['一年级', 1],
    ['１０', 10],
  ])('reads grade %s', (text, grade) => {
    expect(parseGradeCell(text)).toEqual({ ok: true, value: grade });
  });

  it('rejects a grade it cannot read', () => {
    expect(parseGradeCell('2021级')).toEqual({ ok: false, reason: 'import.reason.badGrade' });
    expect(parseGradeCell('13')).toEqual({ ok: false, reason: 'import.reason.badGrade' });
  });

  it.each([
    ['3', '3班'],
    ['03', '3班'],
    ['(3)班', '3班'],
    ['（3）班', '3班'],
    ['3 班', '3班'],
    ['七(3)班', '七(3)班'],
    ['实验班', '实验班'],
  ])('reads class %s', (text, className) => {
    expect(parseClassName(text)).toEqual({ ok: true, value: className });
  });

  it.each([
    ['在读', 'active'],
    ['毕业', 'graduated'],
    ['转出', 'transferred'],
    ['休学', 'suspended'],
    ['Graduated', 'graduated'],
    ['', 'active'],
  ])('reads status %s', (text, status) => {
    expect(oneRow({ 状态: text }).candidates[0]!.fields.status).toBe(status);
  });

  it('rejects an unknown status', () => {
    expect(oneRow({ 状态: '退学' }).issues.map((i) => i.reason)).toEqual(['import.reason.badStatus']);
  });

  it('reads a 4-digit enrollment year and rejects others', () => {
    expect(oneRow({ 入学年份: '2024' }).candidates[0]!.fields.enrollmentYear).toBe(2024);
    expect(oneRow({ 入学年份: '2024年' }).candidates[0]!.fields.enrollmentYear).toBe(2024);
    expect(oneRow({ 入学年份: '' }).candidates[0]!.fields.enrollmentYear).toBeNull();
    expect(oneRow({ 入学年份: '24' }).issues.map((i) => i.reason)).toEqual(['import.reason.badYear']);
    expect(oneRow({ 入学年份: '1980' }).issues.map((i) => i.reason)).toEqual(['import.reason.badYear']);
  });

  it('builds one guardian from a name or a phone, and refuses a relation alone', () => {
    const ok = oneRow({ 家长姓名: '张大明', 关系: '父亲', 联系电话: '138 0000 0001' });
    expect(ok.candidates[0]!.fields.guardians).toEqual([{ name: '张大明', relation: '父亲', phone: '138 0000 0001' }]);
    expect(oneRow({ 家长姓名: '', 关系: '', 联系电话: '' }).candidates[0]!.fields.guardians).toEqual([]);
    expect(oneRow({ 家长姓名: '', 联系电话: '13800000001' }).candidates[0]!.fields.guardians).toEqual([
      { name: '', relation: '', phone: '13800000001' },
    ]);
    expect(oneRow({ 家长姓名: '', 关系: '母亲', 联系电话: '' }).issues).toEqual([
      { row: 2, column: '家长姓名', value: '', reason: 'import.reason.required', studentNo: '2024001', name: '张三明' },
    ]);
  });

  it('turns zod issues into issues under the original header', () => {
    expect(oneRow({ 家长姓名: '张大明', 家长电话: '138-0000/0001' }).issues).toEqual([
      { row: 2, column: '家长电话', value: '138-0000/0001', reason: 'import.reason.badPhone', studentNo: '2024001', name: '张三明' },
    ]);
    const longName = '欧阳'.repeat(30);
    expect(normalize([['Student ID', 'Full Name', 'Gender', 'Grade', 'Class'], ['1', longName, 'F', '7', '1']]).issues).toEqual([
      { row: 2, column: 'Full Name', value: longName.slice(0, 50), reason: 'import.reason.tooLong', params: { max: 50 }, studentNo: '1', name: longName.slice(0, 50) },
    ]);
    const multiline = normalize([['学号', '学生姓名', '性别', '年级', '班级'], ['1', '张三\n明', '男', '7', '1']]);
    expect(multiline.issues).toEqual([{ row: 2, column: '学生姓名', value: '张三\n明', reason: 'import.reason.badText', studentNo: '1', name: '张三\n明' }]);
  });

  it('cuts issue values to 50 characters without splitting a character', () => {
    const value = '𠀀'.repeat(60);
    const { issues } = oneRow({ 出生日期: value });
    expect(Array.from(issues[0]!.value)).toHaveLength(50);
    expect(issues[0]!.value).toBe('𠀀'.repeat(50));
  });

  it('gives every reason key it can produce a place in IMPORT_REASONS', () => {
    expect(new Set(IMPORT_REASONS).size).toBe(IMPORT_REASONS.length);
    expect(IMPORT_REASONS.every((r) => r.startsWith('import.reason.'))).toBe(true);
  });
});

describe('headers', () => {
  it('recognises Chinese and English synonyms, ignoring case, spaces, stars and bracketed hints', () => {
    const header = [
      '学籍号',
      ' Name ',
      'GENDER',
      '出生日期（yyyy-mm-dd）',
      '*年级',
      '班',
      '入学年度',
      '学籍状态',
      '家长',
      '与学生关系',
      '手机',
      'Notes',
      '民族',
    ];
    expect(mapHeaders(header).mapping.map((m) => m.field)).toEqual([
      'studentNo',
      'name',
      'sex',
      'birthDate',
      'grade',
      'className',
      'enrollmentYear',
      'status',
      'guardianName',
      'guardianRelation',
      'guardianPhone',
      'notes',
      null,
    ]);
    expect(mapHeaders(['Student No', 'student_id']).mapping.map((m) => m.field)).toEqual(['studentNo', null]);
    expect(mapHeaders(['生日', 'Birth Date']).duplicates).toEqual([{ column: 'Birth Date', field: 'birthDate', first: '生日' }]);
  });

  it('calls out a header no rule reads that contains a field’s name, without importing it', () => {
    const [phone, ethnic] = mapHeaders(['监护人联系电话', '民族']).mapping;
    expect(phone).toEqual({ column: '监护人联系电话', field: null, guessed: null, suggested: 'guardianPhone' });
    expect(ethnic).toEqual({ column: '民族', field: null, guessed: null, suggested: null });
  });

  it('reads the columns as the counselor maps them, keeping what each header alone says', () => {
    const header = ['学籍号', '姓名', '性别', '年级', '班级', '监护人联系电话', '备注'];
    const chosen = ['studentNo', 'name', 'sex', 'grade', 'className', 'guardianPhone', null] as const;
    const mapped = mapHeaders(header, chosen);
    expect(mapped.mapping.map((m) => [m.field, m.guessed])).toEqual([
      ['studentNo', 'studentNo'], ['name', 'name'], ['sex', 'sex'], ['grade', 'grade'], ['className', 'className'], ['guardianPhone', null], [null, 'notes'],
    ]);
    expect([mapped.missingRequired, mapped.duplicates, mapped.chosen]).toEqual([[], [], true]);
  });

  it('refuses a mapping that gives two columns one field, naming both, or none to a required one', async () => {
    const csv = '学籍号,姓名,性别,年级,班级,监护人联系电话\n1,张三明,男,7,1,13800000001\n';
    const twice = await readRosterFile(utf8(csv), 'a.csv', ['studentNo', 'studentNo', 'sex', 'grade', 'className', 'guardianPhone']);
    expect(twice.issues.filter((i) => i.row === 1)).toEqual([
      { row: 1, column: '姓名', value: '', reason: 'import.reason.missingColumn' },
      { row: 1, column: '姓名', value: '姓名', reason: 'import.reason.sameField', params: { first: '学籍号', field: '学号' } },
    ]);
    expect(twice.candidates).toEqual([]);
    const refused = await readRosterFile(utf8(csv), 'a.csv', ['studentNo', 'name']).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', details: [{ path: 'mapping', reason: 'errors.import.mappingColumns', columns: 6 }] });
  });

  it('lists missing required columns', () => {
    expect(mapHeaders(['姓名', '班级']).missingRequired).toEqual(['studentNo', 'sex', 'grade']);
    expect(mapHeaders(BASE_HEADER).missingRequired).toEqual([]);
  });

  it('requires a guardian name column only when a relation column has no name or phone beside it', () => {
    expect(mapHeaders([...BASE_HEADER, '联系电话']).missingRequired).toEqual([]);
    expect(mapHeaders([...BASE_HEADER, '关系']).missingRequired).toEqual(['guardianName']);
  });

  it('reports missing and duplicated columns on row 1, and nothing per row for the missing ones', async () => {
    const csv = '学号,姓名,班级,电话,手机\n1,张三明,1,13800000001,13800000002\n';
    const result = await readRosterFile(utf8(csv), 'a.csv');
    expect(result.issues).toEqual([
      { row: 1, column: '性别', value: '', reason: 'import.reason.missingColumn' },
      { row: 1, column: '年级', value: '', reason: 'import.reason.missingColumn' },
      { row: 1, column: '手机', value: '手机', reason: 'import.reason.duplicateColumn' },
    ]);
    expect(result.candidates).toEqual([]);
    expect(result.totalRows).toBe(1);
  });
});

describe('rows', () => {
  it('numbers rows as the sheet does and skips blank ones', () => {
    const result = normalize([BASE_HEADER, BASE_ROW, [], ['', ' ', ''], ['2024002', '李小红', '女', '初一', '']]);
    expect(result.totalRows).toBe(2);
    expect(result.candidates.map((c) => c.row)).toEqual([2]);
    expect(result.issues).toEqual([{ row: 5, column: '班级', value: '', reason: 'import.reason.required', studentNo: '2024002', name: '李小红' }]);
  });

  it('lists a row’s issues left to right', () => {
    const { issues } = normalize([BASE_HEADER, ['', '', 'x', 'y', '']]);
    expect(issues.map((i) => i.column)).toEqual(['学号', '姓名', '性别', '年级', '班级']);
  });

  it('flags every later duplicate 学号 with the first row', () => {
    const rows = [BASE_HEADER, BASE_ROW, ['2024002', '李小红', '女', '初一', '1'], BASE_ROW, ['２０２４００１', '王小虎', '男', '7', '2']];
    const { candidates, issues } = normalize(rows);
    expect(candidates.map((c) => c.row)).toEqual([2, 3]);
    expect(issues).toEqual([
      { row: 4, column: '学号', value: '2024001', reason: 'import.reason.duplicateInFile', params: { firstRow: 2 }, studentNo: '2024001', name: '张三明' },
      { row: 5, column: '学号', value: '２０２４００１', reason: 'import.reason.duplicateInFile', params: { firstRow: 2 }, studentNo: '２０２４００１', name: '王小虎' },
    ]);
  });
});

describe('csv', () => {
  it('parses quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF and a trailing newline', () => {
    const text = 'a,"b,c","say ""hi"""\r\n"line1\r\nline2", d ,\n\n x\n';
    expect(parseCsv(text)).toEqual([['a', 'b,c', 'say "hi"'], ['line1\nline2', 'd', ''], [], ['x']]);
  });

  it('keeps a stray quote inside an unquoted field', () => {
    expect(parseCsv('5"3,x')).toEqual([['5"3', 'x']]);
  });

  it('refuses an unclosed quote', async () => {
    await expectCounselError(parseSpreadsheet(utf8('a,b\n"oops,c\n'), 'a.csv'), 'import.error.unreadable', 'import.error.unclosedQuote');
  });

  it('decodes the GBK fixture as GB18030', async () => {
    const result = await readRosterFile(await fixture('roster-gbk.csv'), 'roster-gbk.csv');
    expect(result.format).toBe('csv');
    expect(result.encoding).toBe('gb18030');
    expect(result.issues).toEqual([]);
    expect(result.candidates.map((c) => c.fields.name)).toEqual(['欧阳娜娜', '张三明', '李小红']);
    expect(result.candidates[0]!.fields).toMatchObject({ birthDate: '2011-03-05', grade: 8, className: '2班' });
    expect(result.candidates[2]!.fields).toMatchObject({ birthDate: '2011-01-20', className: '3班' });
  });

  it('reads the UTF-8 BOM fixture with English headers, serial dates and quoted notes', async () => {
    const result = await readRosterFile(await fixture('roster-utf8-bom.csv'), 'roster-utf8-bom.csv');
    expect(result.encoding).toBe('utf-8');
    expect(result.mapping[0]).toEqual({ column: 'Student No', field: 'studentNo', guessed: 'studentNo', suggested: null });
    expect(result.issues).toEqual([]);
    expect(result.candidates.map((c) => [c.row, c.fields.birthDate, c.fields.notes])).toEqual([
      [2, '2018-03-14', '喜欢足球,也喜欢篮球'],
      [3, '2018-07-02', '第一行\n第二行'],
      [4, '2017-12-25', '她说"你好"'],
    ]);
  });

  it('reads UTF-16 with either BOM, tab-separated as Excel saves "Unicode text"', async () => {
    const text = '学号\t姓名\n1\t李小红\n';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    expect(await parseSpreadsheet(le, 'a.txt')).toEqual({ format: 'csv', encoding: 'utf-16le', rows: [['学号', '姓名'], ['1', '李小红']] });
    expect((await parseSpreadsheet(be, 'a.txt')).encoding).toBe('utf-16be');
  });

  it('prefers UTF-8 when the bytes are valid UTF-8', async () => {
    expect(await parseSpreadsheet(utf8('姓名\n张三明\n'), 'a.csv')).toMatchObject({ encoding: 'utf-8', rows: [['姓名'], ['张三明']] });
  });

  it('refuses binary files, whatever their name', async () => {
    await expectCounselError(parseSpreadsheet(OLE2, 'notes.doc'), 'import.error.unreadable');
    await expectCounselError(parseSpreadsheet(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a, 0, 0xff]), 'renamed.csv'), 'import.error.unreadable');
    await expectCounselError(parseSpreadsheet(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'a.csv'), 'import.error.unreadable');
  });

  it('asks for .xlsx when given an Excel 97–2003 workbook', async () => {
    await expectCounselError(parseSpreadsheet(OLE2, '学生名单.XLS'), 'import.error.unreadable', 'import.error.oldExcel');
  });

  it('refuses a zip that is not a workbook', async () => {
    await expectCounselError(parseSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 'a.xlsx'), 'import.error.unreadable');
  });

  it('refuses files over 8 MiB and over 20,000 data rows', async () => {
    await expectCounselError(parseSpreadsheet(new Uint8Array(8 * 1024 * 1024 + 1).fill(0x41), 'big.csv'), 'import.error.tooLarge');
    const rows = (n: number) => 'no\n' + '1\n'.repeat(n);
    expect((await parseSpreadsheet(utf8(rows(MAX_DATA_ROWS)), 'a.csv')).rows).toHaveLength(MAX_DATA_ROWS + 1);
    await expectCounselError(parseSpreadsheet(utf8(rows(MAX_DATA_ROWS + 1)), 'a.csv'), 'import.error.tooLarge');
  });

  it('refuses an empty file', async () => {
    await expectCounselError(readRosterFile(utf8('\n\n'), 'a.csv'), 'import.error.unreadable', 'import.error.empty');
  });
});

describe('xlsx', () => {
  it('reads the happy-path fixture into 10 candidates', async () => {
    const result = await readRosterFile(await fixture('roster-ok.xlsx'), 'roster-ok.xlsx');
    expect(result).toMatchObject({ format: 'xlsx', totalRows: 10, issues: [] });
    expect(result.candidates).toHaveLength(10);
    expect(result.candidates[0]).toEqual({
      row: 2,
      fields: {
        studentNo: '2024070101',
        name: '张三明',
        sex: 'M',
        birthDate: '2012-09-01',
        grade: 7,
        className: '1班',
        enrollmentYear: 2024,
        status: 'active',
        guardians: [{ name: '张大明', relation: '父亲', phone: '13800000001' }],
        notes: '',
      },
    });
    expect(result.candidates.map((c) => c.fields.grade)).toEqual([7, 7, 7, 7, 8, 8, 8, 9, 9, 9]);
    expect(result.candidates[3]!.fields.guardians).toEqual([]);
    expect(result.candidates[6]!.fields.status).toBe('suspended');
  });

  it('reports exactly the two problems of the bad-row fixture, each naming the row’s 学号 and 姓名', async () => {
    const result = await readRosterFile(await fixture('roster-one-bad-row.xlsx'), 'roster-one-bad-row.xlsx');
    expect(result.issues).toEqual([
      { row: 7, column: '性别', value: '未知', reason: 'import.reason.badSex', studentNo: '2023070106', name: '陈思思' },
      { row: 7, column: '出生日期', value: '2012-02-30', reason: 'import.reason.badDate', studentNo: '2023070106', name: '陈思思' },
    ]);
    expect(result.candidates).toHaveLength(9);
    expect(result.totalRows).toBe(10);
  });

  it('goes by the bytes, not the name', async () => {
    const asCsv = await parseSpreadsheet(await fixture('roster-ok.xlsx'), 'roster.csv');
    expect(asCsv.format).toBe('xlsx');
    const textNamedXlsx = await parseSpreadsheet(utf8('学号,姓名\n1,张三明\n'), 'roster.xlsx');
    expect(textNamedXlsx).toMatchObject({ format: 'csv', rows: [['学号', '姓名'], ['1', '张三明']] });
  });

  it('turns every kind of cell into text and keeps sheet row numbers', async () => {
    const bytes = await xlsxBytes((sheet, workbook) => {
      sheet.getCell('A1').value = '学号';
      sheet.getCell('B1').value = '姓名';
      sheet.getCell('C1').value = '出生日期';
      sheet.getCell('D1').value = '备注';
      sheet.getRow(2).values = [1.2345678901234568e21, { richText: [{ text: '张' }, { text: '三明' }] }, new Date(Date.UTC(2012, 8, 1))];
      sheet.getCell('D2').value = { text: '主页', hyperlink: 'https://example.com' };
      sheet.getRow(4).values = [{ formula: '1+1', result: 2 }, '  李小红  ', 0.1 + 0.2, true];
      sheet.getCell('A5').value = 123;
      sheet.getCell('A5').numFmt = '000000';
      sheet.getCell('A6').style = { font: { bold: true } };
      workbook.addWorksheet('第二页').getCell('A1').value = 'ignored';
    });
    const result = await parseSpreadsheet(bytes, 'x.xlsx');
    expect(result.rows).toEqual([
      ['学号', '姓名', '出生日期', '备注'],
      ['1234567890123456800000', '张三明', '2012-09-01', '主页'],
      [],
      ['2', '李小红', '0.3', 'TRUE'],
      ['000123'],
    ]);
  });

  it('refuses more than 20,000 data rows', async () => {
    const bytes = await xlsxBytes((sheet) => {
      sheet.addRow(['学号']);
      for (let i = 0; i <= MAX_DATA_ROWS; i++) sheet.addRow([i]);
    });
    await expectCounselError(parseSpreadsheet(bytes, 'big.xlsx'), 'import.error.tooLarge');
  });
});
