import type { z } from 'zod';
import { studentFields, type ImportIssue, type StudentFields } from '../../../../shared/api/students';
import { parseGrade } from '../../../../shared/domain/grades';
import { fieldLabel, type ColumnMapping, type RosterField } from './columns';
import { plainStudentFields } from './fast-fields';
import { isBlankRow } from './spreadsheet';

/** Every reason an import issue can carry; the UI checks each has a translation. */
export const IMPORT_REASONS = [
  'import.reason.required',
  'import.reason.missingColumn',
  'import.reason.duplicateColumn',
  'import.reason.sameField',
  'import.reason.duplicateInFile',
  'import.reason.badSex',
  'import.reason.badDate',
  'import.reason.badGrade',
  'import.reason.badStatus',
  'import.reason.badYear',
  'import.reason.badPhone',
  'import.reason.badText',
  'import.reason.tooLong',
  'import.reason.invalid',
  'import.reason.gradeNotInSchool',
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

export interface RosterIssue extends ImportIssue {
  reason: ImportReason;
  /** Values for the message: `firstRow` of a duplicate 学号, `max` length of a too-long cell, the `first` column given a `field`. */
  params?: Readonly<Record<string, number | string>>;
}

export interface Candidate {
  row: number;
  fields: StudentFields;
}

export interface NormalizedRows {
  candidates: Candidate[];
  issues: RosterIssue[];
  /** Data rows that are not blank. */
  totalRows: number;
}

const MAX_VALUE_CHARS = 50;

/** Cut by code points so a rare 姓 outside the BMP is never split in half. */
export function issueValue(text: string): string {
  return Array.from(text).slice(0, MAX_VALUE_CHARS).join('');
}

// ---------------------------------------------------------------- cell parsers

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ImportReason };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: ImportReason): Parsed<never> => ({ ok: false, reason });

/** Full-width digits and punctuation come in from Chinese input methods. */
const halfWidth = (text: string) => text.normalize('NFKC');

function required(text: string): Parsed<string> {
  return text === '' ? fail('import.reason.required') : ok(text);
}

function optional<T>(parse: (text: string) => Parsed<T>): (text: string) => Parsed<T | null> {
  return (text) => (text === '' ? ok(null) : parse(text));
}

function fromTable<T>(table: Readonly<Record<string, T>>, bad: ImportReason): (text: string) => Parsed<T> {
  return (text) => {
    const value = table[halfWidth(text).toLowerCase()];
    return value === undefined ? fail(bad) : ok(value);
  };
}

const SEX_WORDS: Record<string, StudentFields['sex']> = {
  男: 'M', 男生: 'M', 男性: 'M', m: 'M', male: 'M', boy: 'M',
  女: 'F', 女生: 'F', 女性: 'F', f: 'F', female: 'F', girl: 'F',
};

const STATUS_WORDS: Record<string, StudentFields['status']> = {
  在读: 'active', 在校: 'active', 在籍: 'active', active: 'active',
  毕业: 'graduated', 已毕业: 'graduated', graduated: 'graduated',
  转出: 'transferred', 已转出: 'transferred', 转学: 'transferred', transferred: 'transferred',
  休学: 'suspended', suspended: 'suspended',
};

const parseSex = (text: string) => (text === '' ? fail('import.reason.required') : fromTable(SEX_WORDS, 'import.reason.badSex')(text));

const parseStatus = (text: string) => (text === '' ? ok('active' as const) : fromTable(STATUS_WORDS, 'import.reason.badStatus')(text));

export function parseGradeCell(text: string): Parsed<number> {
  if (text === '') return fail('import.reason.required');
  const grade = parseGrade(halfWidth(text));
  return grade === null ? fail('import.reason.badGrade') : ok(grade);
}

/** 3, 03, (3)班 and （3）班 are all "3班"; names such as 七(3)班 or 实验班 stay as written. */
export function parseClassName(text: string): Parsed<string> {
  if (text === '') return fail('import.reason.required');
  const bare = /^(?:\((\d{1,3})\)|(\d{1,3}))班?$/.exec(halfWidth(text).replace(/\s+/g, ''));
  const digits = bare?.[1] ?? bare?.[2];
  return ok(digits === undefined ? text : `${Number(digits)}班`);
}

function parseYear(text: string): Parsed<number> {
  const m = /^(\d{4})[年级]?$/.exec(halfWidth(text));
  return m ? ok(Number(m[1])) : fail('import.reason.badYear');
}

// ---------------------------------------------------------------- dates

const DATE_FORMS = [
  /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})$/,
  /^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日?$/,
  /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
];

/** Exports often append a midnight time to a date. */
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Only 5-digit serials count (1927-05-18 to 2173): a bare 4-digit number in a
 * date column is far likelier a year than a day in the 1900s.
 */
const SERIAL = /^\d{5}(?:\.\d+)?$/;

export function parseDateCell(text: string): Parsed<string> {
  const t = halfWidth(text).replace(TIME_SUFFIX, '');
  const date = SERIAL.test(t) ? excelSerialToIsoDate(Math.floor(Number(t))) : dateFromForms(t);
  return date === null ? fail('import.reason.badDate') : ok(date);
}

function dateFromForms(t: string): string | null {
  for (const form of DATE_FORMS) {
    const g = form.exec(t)?.groups;
    if (g) return isoIfReal(Number(g['y']), Number(g['m']), Number(g['d']));
  }
  return null;
}

function isoIfReal(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  const real = dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  return real ? dt.toISOString().slice(0, 10) : null;
}

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the
 * 1900-02-29 that Lotus 1-2-3 invented and Excel kept. It does not exist, and
 * every later serial is one day ahead of a plain count because of it.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60) return null;
  const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const dt = new Date(epoch + serial * 86_400_000);
  return dt.getUTCFullYear() > 9999 ? null : dt.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- rows

type GuardianField = 'guardianName' | 'guardianRelation' | 'guardianPhone';
type ScalarField = Exclude<RosterField, GuardianField>;

const PARSERS: { [K in ScalarField]: (text: string) => Parsed<StudentFields[K]> } = {
  studentNo: (t) => required(halfWidth(t)),
  name: required,
  sex: parseSex,
  birthDate: optional(parseDateCell),
  grade: parseGradeCell,
  className: parseClassName,
  enrollmentYear: optional(parseYear),
  status: parseStatus,
  notes: ok,
};

/** Zod reports on these fields can only mean one thing to the user. */
const FIELD_REASON: Partial<Record<RosterField, ImportReason>> = {
  sex: 'import.reason.badSex',
  birthDate: 'import.reason.badDate',
  grade: 'import.reason.badGrade',
  enrollmentYear: 'import.reason.badYear',
  status: 'import.reason.badStatus',
};

const GUARDIAN_KEYS: Record<string, GuardianField> = { name: 'guardianName', relation: 'guardianRelation', phone: 'guardianPhone' };

const SCALAR_FIELDS = Object.keys(PARSERS) as ScalarField[];

/** Fields whose cells repeat down a roster (a few sexes, grades and classes, a birth date shared by many). */
const REPEATING: readonly ScalarField[] = ['sex', 'birthDate', 'grade', 'className', 'enrollmentYear', 'status'];

type CellParsers = { [K in ScalarField]: (text: string) => Parsed<StudentFields[K]> };

/**
 * The parsers for one file, each repeating field's remembering what it made of each text: a
 * 5,000-row roster holds a few dozen classes and grades, and normalizing and matching the same
 * text again was a fifth of reading the rows. The parsers are pure, so a remembered result is
 * the one a new parse would give. Per file: nothing of a roster outlives its import.
 */
function parsersForOneFile(): CellParsers {
  const parsers = { ...PARSERS } as Record<ScalarField, (text: string) => Parsed<unknown>>;
  for (const field of REPEATING) {
    const parse = PARSERS[field] as (text: string) => Parsed<unknown>;
    const seen = new Map<string, Parsed<unknown>>();
    parsers[field] = (text) => {
      let parsed = seen.get(text);
      if (parsed === undefined) seen.set(text, (parsed = parse(text)));
      return parsed;
    };
  }
  return parsers as CellParsers;
}

interface RowCell {
  column: string;
  index: number;
  text: string;
}

/** The column each mapped field is read from (the last one given it), worked out once per file. */
type FieldColumns = ReadonlyMap<RosterField, { column: string; index: number }>;

function fieldColumns(mapping: readonly ColumnMapping[]): FieldColumns {
  const columns = new Map<RosterField, { column: string; index: number }>();
  mapping.forEach(({ column, field }, index) => {
    if (field !== null) columns.set(field, { column, index });
  });
  return columns;
}

/**
 * One row's cells by field. A row used to copy every mapped cell into a map of its own; on a
 * 5,000-row roster those allocations were a large part of reading the rows, and the column and
 * position of a cell are only needed to report an issue.
 */
class RowCells {
  constructor(
    private readonly columns: FieldColumns,
    private readonly cells: readonly string[],
  ) {}

  has(field: RosterField): boolean {
    return this.columns.has(field);
  }

  text(field: RosterField): string {
    const at = this.columns.get(field);
    return at === undefined ? '' : (this.cells[at.index] ?? '').trim();
  }

  get(field: RosterField): RowCell | undefined {
    const at = this.columns.get(field);
    return at === undefined ? undefined : { ...at, text: this.text(field) };
  }
}

/** What one data row yields before the row-level checks. */
interface RowDraft {
  row: number;
  cells: RowCells;
  input: Record<string, unknown>;
  /** Fields already reported, so zod does not report them a second time. */
  failed: Set<RosterField>;
  /** With the column's position, to list a row's issues left to right. */
  issues: { index: number; issue: RosterIssue }[];
}

/**
 * Turns spreadsheet rows (header first, as parseSpreadsheet returns them) into
 * student candidates and issues. A row with any issue yields no candidate.
 * Fields without a column are not reported per row: the header issue covers them.
 */
export function normalizeRows(rows: readonly string[][], mapping: readonly ColumnMapping[]): NormalizedRows {
  const candidates: Candidate[] = [];
  const issues: RosterIssue[] = [];
  const firstRowOfNo = new Map<string, number>();
  const parsers = parsersForOneFile();
  const columns = fieldColumns(mapping);
  let totalRows = 0;
  rows.forEach((cells, index) => {
    if (index === 0 || isBlankRow(cells)) return;
    totalRows++;
    const draft = draftRow(index + 1, new RowCells(columns, cells), parsers);
    checkDuplicate(draft, firstRowOfNo);
    const fields = validate(draft);
    if (fields && draft.issues.length === 0) candidates.push({ row: draft.row, fields });
    if (draft.issues.length > 0) issues.push(...issuesLeftToRight(draft));
  });
  return { candidates, issues, totalRows };
}

/** A row's issues in the order of its columns. */
function issuesLeftToRight(draft: RowDraft): RosterIssue[] {
  return draft.issues.sort((a, b) => a.index - b.index).map((entry) => entry.issue);
}

function draftRow(row: number, cells: RowCells, parsers: CellParsers): RowDraft {
  const draft: RowDraft = { row, cells, input: {}, failed: new Set(), issues: [] };
  for (const field of SCALAR_FIELDS) {
    if (!cells.has(field)) continue;
    const parsed = parsers[field](cells.text(field));
    if (parsed.ok) draft.input[field] = parsed.value;
    else report(draft, field, parsed.reason);
  }
  draftGuardian(draft);
  return draft;
}

/** The roster holds at most one guardian, known by a name or a phone (many rosters carry only 家长电话). */
function draftGuardian(draft: RowDraft): void {
  const { cells } = draft;
  const name = cells.text('guardianName');
  const relation = cells.text('guardianRelation');
  const phone = halfWidth(cells.text('guardianPhone'));
  if (name === '' && relation === '' && phone === '') return;
  if (name === '' && phone === '') {
    if (draft.cells.has('guardianName')) report(draft, 'guardianName', 'import.reason.required');
    return;
  }
  draft.input['guardians'] = [{ name, relation, phone }];
}

function checkDuplicate(draft: RowDraft, firstRowOfNo: Map<string, number>): void {
  const studentNo = draft.input['studentNo'];
  if (typeof studentNo !== 'string') return;
  const firstRow = firstRowOfNo.get(studentNo);
  if (firstRow === undefined) firstRowOfNo.set(studentNo, draft.row);
  else report(draft, 'studentNo', 'import.reason.duplicateInFile', { firstRow });
}

function validate(draft: RowDraft): StudentFields | null {
  const plain = plainStudentFields(draft.input);
  if (plain) return plain;
  const result = studentFields.safeParse(draft.input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path);
    if (field === null || draft.failed.has(field) || !draft.cells.has(field)) continue;
    const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
    report(draft, field, zodReason(field, issue), max === undefined ? undefined : { max });
  }
  return null;
}

function fieldOfPath(path: readonly PropertyKey[]): RosterField | null {
  const [head, , key] = path;
  if (head === 'guardians') return GUARDIAN_KEYS[String(key)] ?? 'guardianName';
  return typeof head === 'string' && head in PARSERS ? (head as ScalarField) : null;
}

function zodReason(field: RosterField, issue: z.core.$ZodIssue): ImportReason {
  const specific = FIELD_REASON[field];
  if (specific) return specific;
  if (issue.code === 'too_big') return 'import.reason.tooLong';
  if (issue.code === 'too_small') return 'import.reason.required';
  if (issue.message === 'errors.field.phone') return 'import.reason.badPhone';
  if (issue.message === 'errors.field.controlChars' || issue.message === 'errors.field.lineBreak') return 'import.reason.badText';
  return 'import.reason.invalid';
}

function report(draft: RowDraft, field: RosterField, reason: ImportReason, params?: Record<string, number>): void {
  draft.failed.add(field);
  const cell = draft.cells.get(field);
  const issue: RosterIssue = { row: draft.row, column: cell?.column ?? fieldLabel(field), value: issueValue(cell?.text ?? ''), reason, ...rowStudent(draft) };
  draft.issues.push({ index: cell?.index ?? Number.MAX_SAFE_INTEGER, issue: params ? { ...issue, params } : issue });
}

/**
 * The row's 学号 and 姓名 as written, so a counselor finds the student in the file by who it is and
 * not only by its row number (a sorted or filtered sheet no longer matches the numbers).
 */
function rowStudent(draft: RowDraft): { studentNo?: string; name?: string } {
  const text = (field: RosterField) => issueValue(draft.cells.text(field));
  const [studentNo, name] = [text('studentNo'), text('name')];
  return { ...(studentNo === '' ? {} : { studentNo }), ...(name === '' ? {} : { name }) };
}
