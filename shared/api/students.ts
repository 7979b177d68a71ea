import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, empty, id, LIMITS, pageInput, requiredText, text } from './fields';
import { MAX_GRADE, MIN_GRADE } from '../domain/grades';

export const STUDENT_STATUSES = ['active', 'graduated', 'transferred', 'suspended'] as const; // 在读/毕业/转出/休学
export const SEXES = ['M', 'F'] as const;

/** Many rosters carry only a parent's phone number, so either a name or a phone is enough. */
export const guardian = z
  .object({
    name: text(LIMITS.name).default(''),
    relation: text(LIMITS.short).default(''),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9+\-() ]*$/, 'errors.field.phone')
      .default(''),
  })
  .strict()
  .refine((g) => g.name !== '' || g.phone !== '', { message: 'errors.field.guardianEmpty', path: ['name'] });

export const grade = z.number().int().min(MIN_GRADE).max(MAX_GRADE);

const studentShape = {
  studentNo: requiredText(LIMITS.code),
  name: requiredText(LIMITS.name),
  sex: z.enum(SEXES),
  birthDate: calendarDate.nullable(),
  grade,
  className: requiredText(LIMITS.short),
  enrollmentYear: z.number().int().min(1990).max(2100).nullable(),
  status: z.enum(STUDENT_STATUSES),
  guardians: z.array(guardian).max(4),
  notes: text(LIMITS.line * 2, { multiline: true }),
};

/** Create: optional fields take their defaults. */
export const studentFields = z
  .object({
    ...studentShape,
    birthDate: studentShape.birthDate.default(null),
    enrollmentYear: studentShape.enrollmentYear.default(null),
    status: studentShape.status.default('active'),
    guardians: studentShape.guardians.default([]),
    notes: studentShape.notes.default(''),
  })
  .strict();
/** Update: only what is given changes; no defaults, so an omitted field is never reset. */
export const studentPatch = z.object(studentShape).partial().extend({ id }).strict();
export type StudentFields = z.output<typeof studentFields>;

export const studentView = studentFields.extend({
  id,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type StudentView = z.output<typeof studentView>;

export const studentListItem = z.object({
  id,
  studentNo: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  grade: z.number().int(),
  className: z.string(),
  status: z.enum(STUDENT_STATUSES),
});
export type StudentListItem = z.output<typeof studentListItem>;

/** Who a data row is about, as the file gives them (the roster's own name for a 学号 an answer sheet names). */
export const importRowStudent = {
  studentNo: z.string().optional(),
  name: z.string().optional(),
};

export const importIssue = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
  /** Values for the message: a first row's number, a maximum length, the other column given the same field. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  ...importRowStudent,
});
export type ImportIssue = z.output<typeof importIssue>;

const importFile = z
  .object({
    fileName: requiredText(LIMITS.line),
    /** The spreadsheet's bytes, base64; 8 MiB of file at most. */
    contentBase64: z.string().min(1).max(11_200_000),
  })
  .strict();

/** The roster fields a file column can be imported as; the guardian ones fill one entry of `guardians`. */
export const ROSTER_IMPORT_FIELDS = [
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

/** The most columns a mapping names; a roster sheet with more is not a roster. */
const MAX_IMPORT_COLUMNS = 200;

const rosterImportFile = importFile.extend({
  /**
   * The counselor's choice for each column of the file, in file order (null: 不导入); without it the
   * columns are read by their headers. It must name every column of the header row.
   */
  mapping: z.array(z.enum(ROSTER_IMPORT_FIELDS).nullable()).max(MAX_IMPORT_COLUMNS).optional(),
});

export const importPreview = z.object({
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string(),
  mapping: z.array(
    z.object({
      column: z.string(),
      /** What the column is imported as (the counselor's choice, else the header's guess); null: not imported. */
      field: z.string().nullable(),
      /** What its header alone says, by the accepted headers (学籍号 → 学号). */
      guessed: z.string().nullable(),
      /** For a column no header rule knows: the field it looks like (监护人联系电话 → 电话), offered, never applied. */
      suggested: z.string().nullable(),
    }),
  ),
  /** The mapping applied is the one chosen when a file with this header row was last imported. */
  remembered: z.boolean(),
  /** Students already on the roster whose fields the import changes, each with those fields (name: as on the roster now). */
  changes: z.array(z.object({ row: z.number().int(), studentNo: z.string(), name: z.string(), fields: z.array(z.string()) })),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  creates: z.number().int(),
  updates: z.number().int(),
  issues: z.array(importIssue),
  sample: z.array(studentListItem.omit({ id: true })).max(20),
});
export type ImportPreview = z.output<typeof importPreview>;

export const rollForwardChange = z.object({
  id,
  studentNo: z.string(),
  name: z.string(),
  fromGrade: z.number().int(),
  toGrade: z.number().int().nullable(),
  toStatus: z.enum(STUDENT_STATUSES),
  fromClassName: z.string(),
  /** The class after the 升级 (renamed or merged by the preview's 分班); the old one for a graduate. */
  toClassName: z.string(),
});

/** A class moving up: 初一1班 → 初二1班, or renamed/merged (分班); toGrade null for a graduating class. */
export const rollForwardClass = z.object({
  fromGrade: z.number().int(),
  fromClassName: z.string(),
  toGrade: z.number().int().nullable(),
  toClassName: z.string(),
  count: z.number().int(),
});

export const ROLL_FORWARD_WARNINGS = ['outsideSummer', 'openCampaign', 'rescreen', 'openCase'] as const;

/**
 * Something the counselor should settle before the 升级: a term still running (or the date outside the
 * summer break), a screening or re-screen of a moving grade still open, a graduating student's open case.
 */
export const rollForwardWarning = z.object({
  kind: z.enum(ROLL_FORWARD_WARNINGS),
  /** The campaign's or term's name, or the graduating student's name. */
  label: z.string(),
  /** A date the warning is about: the term's end, the campaign's end, the re-screen's start; null for a case. */
  date: z.string().nullable(),
  grades: z.array(z.number().int()),
});
export type RollForwardWarning = z.output<typeof rollForwardWarning>;

/** The last 升级 run, revertible on the day it ran while no student it moved has been moved since. */
export const rollForwardRun = z.object({
  id,
  ranAt: z.number().int(),
  ranOn: z.string(),
  promoted: z.number().int(),
  graduated: z.number().int(),
  revertedAt: z.number().int().nullable(),
  revertible: z.boolean(),
});

/** Renaming (or, by giving two classes one name, merging) a class as it moves up; keyed by its grade before the 升级. */
export const classRename = z
  .object({ grade, className: requiredText(LIMITS.short), toClassName: requiredText(LIMITS.short) })
  .strict();

export const studentsApi = {
  'students.list': defineMethod({
    summary: 'Roster page: search by name, pinyin initials or 学号; filter; sorted by pinyin.',
    input: z
      .object({
        query: text(LIMITS.name).optional(),
        grade: grade.optional(),
        className: text(LIMITS.short).optional(),
        status: z.enum(STUDENT_STATUSES).optional(),
        sort: z.enum(['name', 'studentNo', 'grade']).default('name'),
        ...pageInput,
      })
      .strict(),
    output: z.object({ items: z.array(studentListItem), total: z.number().int() }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'students.get': defineMethod({
    summary: 'One student’s record (audited: opening a student’s record).',
    input: z.object({ id }).strict(),
    output: studentView,
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'students.create': defineMethod({
    summary: 'Add a student; 学号 is unique in the school.',
    input: studentFields,
    output: studentView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'students.update': defineMethod({
    summary: 'Change a student’s fields; guardians are replaced as a whole when given.',
    input: studentPatch,
    output: studentView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'students.remove': defineMethod({
    summary: 'Soft-delete a student entered by mistake, with a reason.',
    input: z.object({ id, reason: requiredText(LIMITS.line) }).strict(),
    output: z.object({ ok: z.literal(true) }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'students.classes': defineMethod({
    summary: 'Classes by grade with head counts of active students.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ grade: z.number().int(), className: z.string(), count: z.number().int() })) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'students.summary': defineMethod({
    summary: 'Head counts by grade and status, without names (principal’s view).',
    input: z.object({}).strict(),
    output: z.object({
      total: z.number().int(),
      byGrade: z.array(z.object({ grade: z.number().int(), count: z.number().int() })),
      byStatus: z.array(z.object({ status: z.enum(STUDENT_STATUSES), count: z.number().int() })),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'students.rollForwardPreview': defineMethod({
    summary:
      'What the yearly 升级 would change (classes old → new with the renames given, and one page of the students), the totals per outcome, the warnings to read first, the last run; a token the apply step must echo (it covers the whole roster, not the page).',
    input: z.object({ classRenames: z.array(classRename).max(200).default([]), ...pageInput }).strict(),
    output: z.object({
      token: z.string(),
      /** Totals per outcome over the whole plan; `total` is their sum, the number of students the 升级 moves. */
      promoted: z.number().int(),
      graduated: z.number().int(),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      /** The students of this page, in class order (grade, class, pinyin). */
      changes: z.array(rollForwardChange),
      classes: z.array(rollForwardClass),
      warnings: z.array(rollForwardWarning),
      lastRun: rollForwardRun.nullable(),
    }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'students.rollForward': defineMethod({
    summary:
      'Apply the 升级 previewed with this token and renames, in one transaction, keeping a record of every student it moved. With warnings, CONFLICT errors.rollForward.warnings unless acknowledgeWarnings.',
    input: z
      .object({ token: z.string().max(128), classRenames: z.array(classRename).max(200).default([]), acknowledgeWarnings: z.boolean().default(false) })
      .strict(),
    output: z.object({ id, promoted: z.number().int(), graduated: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
    backupFirst: true,
  }),
  'students.rollForwardRevert': defineMethod({
    summary:
      'Undo the last 升级 on the day it ran: every student it moved gets back the grade, class and status recorded before it. CONFLICT errors.rollForward.notRevertible on a later day, for an earlier run, or once a moved student has been changed since.',
    input: z.object({ id }).strict(),
    output: z.object({ restored: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
    backupFirst: true,
  }),
  'students.importTemplate': defineMethod({
    summary: 'An .xlsx roster template (base64): one column per field under the header the import reads first, an example row, and a sheet listing every header accepted for each field.',
    input: empty,
    output: z.object({ filename: z.string(), base64: z.string() }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'students.importPreview': defineMethod({
    summary:
      'Dry run of a roster .xlsx/.csv import: each column with what it is imported as (by its header, or by the mapping given), every bad row, creates and updates. A mapping that gives two columns one field, or none to a required field, is refused in its issues on row 1, naming the columns.',
    input: rosterImportFile,
    output: importPreview,
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'students.importCommit': defineMethod({
    summary: 'Import a roster file all-or-nothing, read through the same mapping as its preview; updates existing students by 学号.',
    input: rosterImportFile,
    output: z.object({ created: z.number().int(), updated: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
