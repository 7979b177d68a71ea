/** The spreadsheet columns we understand; the guardian columns fill one entry of `guardians`. */
export const ROSTER_FIELDS = [
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
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const REQUIRED_FIELDS: readonly RosterField[] = ['studentNo', 'name', 'sex', 'grade', 'className'];

export interface ColumnMapping {
  /** The header text as written in the file. */
  column: string;
  field: RosterField | null;
}

export interface HeaderMapping {
  /** One entry per column, in file order; a duplicate column maps to null so the first one wins. */
  mapping: ColumnMapping[];
  missingRequired: RosterField[];
  /** Columns ignored because an earlier column already maps to the same field. */
  duplicates: { column: string; field: RosterField }[];
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

export function fieldLabel(field: RosterField): string {
  return SYNONYMS[field][0]!;
}

export function mapHeaders(header: readonly string[]): HeaderMapping {
  const seen = new Set<RosterField>();
  const duplicates: HeaderMapping['duplicates'] = [];
  const mapping = header.map((column): ColumnMapping => {
    const field = fieldOfHeader(column);
    if (field === null) return { column, field };
    if (seen.has(field)) {
      duplicates.push({ column, field });
      return { column, field: null };
    }
    seen.add(field);
    return { column, field };
  });
  return { mapping, missingRequired: requiredFieldsMissing(seen), duplicates };
}

/** A guardian is a name or a phone; a relation column with neither cannot be stored, so the name column becomes required. */
function requiredFieldsMissing(present: ReadonlySet<RosterField>): RosterField[] {
  const relationOnly = present.has('guardianRelation') && !present.has('guardianPhone');
  const required = relationOnly ? [...REQUIRED_FIELDS, 'guardianName' as const] : REQUIRED_FIELDS;
  return required.filter((f) => !present.has(f));
}
