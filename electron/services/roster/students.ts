import { stmt } from '../../db/statements';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { studentFields, type ImportIssue, type ImportPreview, type StudentFields } from '../../../shared/api/students';
import { gradesOfStages } from '../../../shared/domain/grades';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { studentHasClinicalRecords } from '../counseling/cases';
import { changesOf } from './import-changes';
import { mappingMemory } from '../common/import-mappings';
import { headerOf, planRoster, type RosterField } from './roster-import';
import { rosterTemplate, TEMPLATE_FILENAME } from './roster-import/template';
import { base64Bytes, type ParsedSheet, parseSpreadsheet } from './roster-import/spreadsheet';
import { readSchool } from '../accounts/settings-store';
import {
  findIdByStudentNo,
  getStudent,
  idsByStudentNo,
  insertStudent,
  insertStudents,
  listStudents,
  softDeleteStudent,
  updateStudent,
} from './students-repo';

type StudentMethods =
  | 'students.importTemplate'
  | 'students.list'
  | 'students.get'
  | 'students.create'
  | 'students.update'
  | 'students.remove'
  | 'students.classes'
  | 'students.summary'
  | 'students.importPreview'
  | 'students.importCommit';

function requireStudent(db: Database, id: string) {
  const s = getStudent(db, id);
  if (!s) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id' });
  return s;
}

function assertNoUnusedStudentNo(db: Database, studentNo: string, selfId: string | null): void {
  const holder = findIdByStudentNo(db, studentNo);
  if (holder !== null && holder !== selfId) throw new CounselError('CONFLICT', 'errors.student.duplicateNo', { path: 'studentNo', id: holder });
}

/** A junior-high school has no 三年级 of primary: "3" in its roster almost always means 初三. */
function schoolGrades(db: Database): Set<number> {
  return new Set(gradesOfStages(readSchool(db).stages));
}

function assertGradeInSchool(db: Database, grade: number): void {
  if (!schoolGrades(db).has(grade)) {
    throw new CounselError('VALIDATION', 'errors.validation', [{ path: 'grade', reason: 'errors.student.gradeNotInSchool' }]);
  }
}

interface RosterPlan {
  format: 'xlsx' | 'csv';
  encoding: string;
  mapping: ImportPreview['mapping'];
  totalRows: number;
  candidates: { row: number; fields: StudentFields }[];
  issues: ImportIssue[];
}

/** Rows whose grade the school does not teach become issues, naming the file's own grade column. */
function checkAgainstSchool(db: Database, plan: RosterPlan): RosterPlan {
  const grades = schoolGrades(db);
  const column = plan.mapping.find((m) => m.field === 'grade')?.column ?? 'grade';
  const outside = plan.candidates.filter((c) => !grades.has(c.fields.grade));
  if (outside.length === 0) return plan;
  const issues = plan.issues
    .concat(outside.map((c) => ({ row: c.row, column, value: String(c.fields.grade), reason: 'import.reason.gradeNotInSchool' })))
    .sort((a, b) => a.row - b.row);
  return { ...plan, candidates: plan.candidates.filter((c) => grades.has(c.fields.grade)), issues };
}

type RosterImport = ParsedInputOf<'students.importPreview'>;

/** The mappings chosen for a roster's header rows, by the setting the roster import always kept them in. */
const rosterMappings = mappingMemory<RosterField>('rosterImportMappings');

const readImport = (input: RosterImport): Promise<ParsedSheet> => parseSpreadsheet(base64Bytes(input.contentBase64), input.fileName);

/**
 * The file read through the counselor's mapping, or the one remembered for this header row, or
 * its headers; `remembered` says the second applied.
 */
function planImport(db: Database, input: RosterImport, sheet: ParsedSheet): { plan: RosterPlan; remembered: boolean } {
  const remembered = input.mapping === undefined ? rosterMappings.recall(db, headerOf(sheet)) : undefined;
  return { plan: checkAgainstSchool(db, planRoster(sheet, input.mapping ?? remembered)), remembered: remembered !== undefined };
}

function splitCreatesUpdates(db: Database, plan: RosterPlan) {
  const onRoster = idsByStudentNo(db, plan.candidates.map((c) => c.fields.studentNo));
  const existing = plan.candidates.map((c) => ({ ...c, id: onRoster.get(c.fields.studentNo) ?? null }));
  return { existing, creates: existing.filter((c) => c.id === null).length, updates: existing.filter((c) => c.id !== null).length };
}

/** How many students are on the roll now (the home's getting-started list). */
export function activeStudentCount(db: Database): number {
  return listStudents(db, { status: 'active', sort: 'name', page: 1, pageSize: 1 }).total;
}

export const studentHandlers: HandlerMap<StudentMethods> = {
  'students.list': dbHandler<'students.list'>({ run: ({ db }, input) => listStudents(db, input) }),

  'students.get': dbHandler<'students.get'>({
    run: (ctx, input) => {
      const s = requireStudent(ctx.db, input.id);
      ctx.audit = { targetType: 'student', targetId: s.id, details: null };
      return s;
    },
  }),

  'students.create': dbHandler<'students.create'>({
    run: (ctx, input) => {
      assertGradeInSchool(ctx.db, input.grade);
      assertNoUnusedStudentNo(ctx.db, input.studentNo, null);
      const id = insertStudent(ctx.db, input, ctx.now);
      ctx.audit = { targetType: 'student', targetId: id, details: null };
      return getStudent(ctx.db, id)!;
    },
  }),

  'students.update': dbHandler<'students.update'>({
    run: (ctx, input) => {
      const { id, ...patch } = input;
      const before = requireStudent(ctx.db, id);
      const merged = studentFields.parse({ ...fieldsOf(before), ...definedOnly(patch) });
      if (patch.grade !== undefined) assertGradeInSchool(ctx.db, merged.grade);
      assertNoUnusedStudentNo(ctx.db, merged.studentNo, id);
      updateStudent(ctx.db, id, merged, ctx.now);
      ctx.audit = { targetType: 'student', targetId: id, details: { changed: Object.keys(definedOnly(patch)) } };
      return getStudent(ctx.db, id)!;
    },
  }),

  'students.remove': dbHandler<'students.remove'>({
    run: (ctx, input) => {
      // A roster row with counseling material is history, not a mistake: graduate or transfer it instead.
      if (studentHasClinicalRecords(ctx.db, input.id)) throw new CounselError('CONFLICT', 'errors.student.hasRecords', { path: 'id', id: input.id });
      if (!softDeleteStudent(ctx.db, input.id, input.reason, ctx.now)) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id' });
      ctx.audit = { targetType: 'student', targetId: input.id, details: null };
      return { ok: true as const };
    },
  }),

  'students.classes': dbHandler<'students.classes'>({
    run: ({ db }) => ({
      items: db
        .prepare(
          `SELECT grade, class_name AS className, count(*) AS count FROM students
           WHERE deleted_at IS NULL AND status = 'active' GROUP BY grade, class_name ORDER BY grade, length(class_name), class_name`,
        )
        .all() as { grade: number; className: string; count: number }[],
    }),
  }),

  'students.summary': dbHandler<'students.summary'>({
    run: ({ db }) => ({
      total: (stmt(db, `SELECT count(*) AS n FROM students WHERE deleted_at IS NULL`).get() as { n: number }).n,
      byGrade: db
        .prepare(`SELECT grade, count(*) AS count FROM students WHERE deleted_at IS NULL AND status = 'active' GROUP BY grade ORDER BY grade`)
        .all() as { grade: number; count: number }[],
      byStatus: db
        .prepare(`SELECT status, count(*) AS count FROM students WHERE deleted_at IS NULL GROUP BY status ORDER BY status`)
        .all() as { status: StudentFields['status']; count: number }[],
    }),
  }),

  // Written before the transaction: the template holds no data of the archive.
  'students.importTemplate': dbHandler<'students.importTemplate', string>({
    prepare: rosterTemplate,
    run: (_ctx, _input, base64) => ({ filename: TEMPLATE_FILENAME, base64 }),
  }),

  'students.importPreview': dbHandler<'students.importPreview', ParsedSheet>({
    prepare: readImport,
    run: ({ db }, input, sheet) => {
      const { plan, remembered } = planImport(db, input, sheet);
      const { existing, creates, updates } = splitCreatesUpdates(db, plan);
      const changes = changesOf(db, existing.flatMap((c) => (c.id === null ? [] : [{ ...c, id: c.id }])));
      return {
        format: plan.format,
        encoding: plan.encoding,
        mapping: plan.mapping,
        remembered,
        changes,
        totalRows: plan.totalRows,
        validRows: plan.candidates.length,
        creates,
        updates,
        issues: plan.issues,
        sample: plan.candidates.slice(0, 20).map(({ fields: f }) => ({
          studentNo: f.studentNo, name: f.name, sex: f.sex, grade: f.grade, className: f.className, status: f.status,
        })),
      };
    },
  }),

  // All or nothing: any bad row refuses the whole file, and the writes share one transaction.
  'students.importCommit': dbHandler<'students.importCommit', ParsedSheet>({
    prepare: readImport,
    run: (ctx, input, sheet) => {
      const { plan } = planImport(ctx.db, input, sheet);
      if (plan.issues.length > 0) throw new CounselError('VALIDATION', 'errors.import.invalid', plan.issues);
      if (input.mapping !== undefined) rosterMappings.remember(ctx.db, headerOf(sheet), input.mapping);
      const { existing, creates, updates } = splitCreatesUpdates(ctx.db, plan);
      insertStudents(ctx.db, existing.filter((c) => c.id === null).map((c) => c.fields), ctx.now);
      for (const c of existing) if (c.id !== null) updateStudent(ctx.db, c.id, c.fields, ctx.now);
      ctx.audit = { targetType: 'roster', targetId: null, details: { format: plan.format, created: creates, updated: updates } };
      return { created: creates, updated: updates };
    },
  }),
};

function fieldsOf(s: ReturnType<typeof requireStudent>): StudentFields {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = s;
  return fields;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
