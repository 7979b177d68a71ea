import { CounselError } from '../../../../shared/api/errors';
import { ROSTER_IMPORT_FIELDS as ROSTER_FIELDS } from '../../../../shared/api/students';

/** The spreadsheet columns we understand (the contract's list); the guardian columns fill one entry of `guardians`. */
export { ROSTER_FIELDS };
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const REQUIRED_FIELDS: readonly RosterField[] = ['studentNo', 'name', 'sex', 'grade', 'className'];

export interface ColumnMapping {
  /** The header text as written in the file. */
  column: string;
  field: RosterField | null;
  /** What the header alone says. */
  guessed: RosterField | null;
  /** For a header no rule knows, the field whose name it contains (监护人联系电话 → guardianPhone); shown, not applied. */
  suggested: RosterField | null;
}

export interface HeaderMapping {
  /** One entry per column, in file order; a duplicate column maps to null so the first one wins. */
  mapping: ColumnMapping[];
  missingRequired: RosterField[];
  /** Columns ignored because an earlier column already maps to the same field (`first`: that column). */
  duplicates: { column: string; field: RosterField; first: string }[];
  /** Whether the counselor chose the fields: then a duplicate is their mistake to fix, not a column to skip. */
  chosen: boolean;
}

/** Header synonyms; the first one is the label we show when a column is missing. */
const SYNONYMS: Record<RosterField, readonly string[]> = {
  studentNo: ['学号', '学籍号', '学生学号', '学生编号', 'student no', 'student number', 'student id', 'studentno'],
  name: ['姓名', '学生姓名', 'name', 'student name', 'full name'],
  sex: ['性别', 'sex', 'gender'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', 'birth date', 'birthday', 'date of birth', 'dob'],
  grade: ['年级', 'grade'],
  className: ['班级', '班', '班别', '班级名称', 'class', 'class name'],
  enrollmentYear: ['入学年份', '入学年度', '入学年', 'enrollment year', 'enrolment year', 'entry year'],
  status: ['状态', '学籍状态', '在校状态', 'status'],
  guardianName: ['监护人姓名', '监护人', '家长', '家长姓名', 'guardian', 'guardian name', 'parent', 'parent name'],
  guardianRelation: ['关系', '与学生关系', '监护人关系', '家长关系', 'relation', 'relationship'],
  guardianPhone: ['联系电话', '电话', '手机', '手机号', '手机号码', '家长电话', '家长手机', '监护人电话', 'phone', 'mobile', 'telephone', 'tel', 'guardian phone'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks', 'comment', 'comments'],
};

/**
 * Folds the ways one header gets written: full-width forms, case, spaces and
 * separators, a "*" marking required columns in school templates, and hints
 * in brackets such as 出生日期（yyyy-mm-dd）.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【][^)\]】]*[)\]】]/g, '')
    .replace(/[\s_\-*:.#]/g, '');
}

const FIELD_BY_KEY: ReadonlyMap<string, RosterField> = new Map(
  ROSTER_FIELDS.flatMap((field) => SYNONYMS[field].map((s) => [headerKey(s), field] as const)),
);

/** The roster field a header names (学号, 学籍号, Student No …), or null. */
export function fieldOfHeader(header: string): RosterField | null {
  return FIELD_BY_KEY.get(headerKey(header)) ?? null;
}

/** Every header the import reads as this field, as a school would write it. */
export function acceptedHeaders(field: RosterField): readonly string[] {
  return SYNONYMS[field];
}

export function fieldLabel(field: RosterField): string {
  return SYNONYMS[field][0]!;
}

/**
 * Synonyms of two characters or more, longest first: a header that contains one (监护人联系电话
 * contains 联系电话) probably means that field, though no rule reads it so.
 */
const SUGGESTIONS: readonly (readonly [string, RosterField])[] = [...FIELD_BY_KEY.entries()]
  .filter(([key]) => Array.from(key).length >= 2)
  .sort((a, b) => b[0].length - a[0].length);

function suggestedField(header: string): RosterField | null {
  const key = headerKey(header);
  return SUGGESTIONS.find(([synonym]) => key.includes(synonym))?.[1] ?? null;
}

/**
 * Each column's field: the counselor's `chosen` one when given (one entry per column, null for 不导入),
 * else the header's. A chosen list of another length than the header row is refused: it was made
 * for another file.
 */
export function mapHeaders(header: readonly string[], chosen?: readonly (RosterField | null)[]): HeaderMapping {
  if (chosen !== undefined) checkMappingFits(header, chosen);
  const firstColumnOf = new Map<RosterField, string>();
  const duplicates: HeaderMapping['duplicates'] = [];
  const mapping = header.map((column, index): ColumnMapping => {
    const guessed = fieldOfHeader(column);
    const base = { column, guessed, suggested: guessed === null ? suggestedField(column) : null };
    const field = chosen === undefined ? guessed : chosen[index]!;
    if (field === null) return { ...base, field };
    const first = firstColumnOf.get(field);
    if (first !== undefined) {
      duplicates.push({ column, field, first });
      return { ...base, field: null };
    }
    firstColumnOf.set(field, column);
    return { ...base, field };
  });
  return { mapping, missingRequired: requiredFieldsMissing(new Set(firstColumnOf.keys())), duplicates, chosen: chosen !== undefined };
}

/** A guardian is a name or a phone; a relation column with neither cannot be stored, so the name column becomes required. */
function requiredFieldsMissing(present: ReadonlySet<RosterField>): RosterField[] {
  const relationOnly = present.has('guardianRelation') && !present.has('guardianPhone');
  const required = relationOnly ? [...REQUIRED_FIELDS, 'guardianName' as const] : REQUIRED_FIELDS;
  return required.filter((f) => !present.has(f));
}

/** A hand-made mapping (the roster's or the answer sheet's) names every column of the file it was made for. */
export function checkMappingFits(header: readonly string[], chosen: readonly unknown[]): void {
  if (chosen.length !== header.length) {
    throw new CounselError('VALIDATION', 'errors.import.mappingColumns', [{ path: 'mapping', reason: 'errors.import.mappingColumns', columns: header.length }]);
  }
}
