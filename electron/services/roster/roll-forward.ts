import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { CounselError, type ErrorDetail } from '../../../shared/api/errors';
import type { RollForwardWarning } from '../../../shared/api/students';
import { isTopGradeOfStage } from '../../../shared/domain/grades';
import { outsideSummerBreak } from '../../../shared/domain/roll-forward';
import { dbHandler, type HandlerMap, type ServiceContext } from '../../core/handler';
import { untilChange } from '../../db/until-change';
import { openCampaignsOfGrades } from '../assessments/campaigns';
import { schoolDate } from '../common/clinical';
import { openCasesOfStudents } from '../counseling/cases';
import { schoolTerms } from '../schedule/school-calendar';
import { activeStudents, lastRun, movedSince, recordRun, revertRun, type StudentMove } from './roll-forward-repo';

type Renames = ParsedInputOf<'students.rollForwardPreview'>['classRenames'];

const classKey = (grade: number, className: string) => `${grade}\u0000${className}`;

/** The 升级 plan: active students move up a grade (into the class the renames give); the last grade of each stage graduates. */
function rollForwardPlan(db: Database, renames: Renames) {
  const rows = activeStudents(db);
  const renamed = new Map(renames.map((r) => [classKey(r.grade, r.className), r.toClassName]));
  const known = new Set(rows.map((r) => classKey(r.grade, r.class_name)));
  const problems: ErrorDetail[] = [];
  renames.forEach((r, i) => {
    if (!known.has(classKey(r.grade, r.className))) problems.push({ path: `classRenames.${i}.className`, reason: 'errors.rollForward.unknownClass' });
    else if (isTopGradeOfStage(r.grade)) problems.push({ path: `classRenames.${i}.className`, reason: 'errors.rollForward.graduatingClass' });
  });
  if (problems.length > 0) throw new CounselError('VALIDATION', 'errors.validation', problems);
  const changes = rows.map((r) => {
    const graduates = isTopGradeOfStage(r.grade);
    return {
      id: r.id,
      studentNo: r.student_no,
      name: r.name,
      fromGrade: r.grade,
      fromClassName: r.class_name,
      toGrade: graduates ? null : r.grade + 1,
      toClassName: graduates ? r.class_name : (renamed.get(classKey(r.grade, r.class_name)) ?? r.class_name),
      toStatus: graduates ? ('graduated' as const) : ('active' as const),
    };
  });
  const classes = new Map<string, { fromGrade: number; fromClassName: string; toGrade: number | null; toClassName: string; count: number }>();
  for (const c of changes) {
    const key = classKey(c.fromGrade, c.fromClassName);
    const cls = classes.get(key) ?? { fromGrade: c.fromGrade, fromClassName: c.fromClassName, toGrade: c.toGrade, toClassName: c.toClassName, count: 0 };
    cls.count += 1;
    classes.set(key, cls);
  }
  // Any change to an active student after the preview, or other renames, change the token, so a stale preview is refused.
  const token = createHash('sha256')
    .update(rows.map((r) => `${r.id}:${r.grade}:${r.updated_at}`).join('\n'))
    .update(JSON.stringify([...renamed].sort()))
    .digest('hex');
  return {
    token,
    changes,
    classes: [...classes.values()],
    promoted: changes.filter((c) => c.toGrade !== null).length,
    graduated: changes.filter((c) => c.toGrade === null).length,
  };
}

type Plan = ReturnType<typeof rollForwardPlan>;

/** What the counselor should settle first; the 升级 runs over them only when told to. */
function warningsOf(db: Database, plan: Plan, today: string): RollForwardWarning[] {
  const warnings: RollForwardWarning[] = [];
  const timing = outsideSummerBreak(today, schoolTerms(db));
  if (timing) warnings.push({ kind: 'outsideSummer', label: timing.label, date: timing.date, grades: [] });
  const moving = [...new Set(plan.changes.map((c) => c.fromGrade))];
  for (const c of openCampaignsOfGrades(db, moving, today)) {
    const grades = c.grades.filter((g) => moving.includes(g));
    if (c.rescreenOf !== null) warnings.push({ kind: 'rescreen', label: c.name, date: c.startDate, grades });
    else warnings.push({ kind: 'openCampaign', label: c.name, date: c.endDate, grades });
  }
  const graduating = new Map(plan.changes.filter((c) => c.toGrade === null).map((c) => [c.id, c.fromGrade]));
  for (const k of openCasesOfStudents(db, [...graduating.keys()])) {
    warnings.push({ kind: 'openCase', label: k.name, date: null, grades: [graduating.get(k.studentId)!] });
  }
  return warnings;
}

function lastRunView(db: Database, today: string) {
  const run = lastRun(db);
  if (!run) return null;
  return { ...run, revertible: run.revertedAt === null && run.ranOn === today && movedSince(db, run.id) === 0 };
}

/**
 * Previews already built, by their class renames and school date, while the archive is unchanged:
 * a few, for a counselor trying renames back and forth. The apply step never reads them.
 */
const previewOf = untilChange<{ plan: Plan; warnings: RollForwardWarning[]; lastRun: ReturnType<typeof lastRunView> }>(4);

/** The plan the counselor confirmed, still current, with its warnings acknowledged. */
function checkedPlan({ db, now }: ServiceContext, input: ParsedInputOf<'students.rollForward'>) {
  const plan = rollForwardPlan(db, input.classRenames);
  if (plan.token !== input.token) throw new CounselError('CONFLICT', 'errors.rollForward.stale');
  const warnings = warningsOf(db, plan, schoolDate(db, now));
  if (warnings.length > 0 && !input.acknowledgeWarnings) {
    throw new CounselError('CONFLICT', 'errors.rollForward.warnings', { path: 'acknowledgeWarnings', kinds: [...new Set(warnings.map((w) => w.kind))] });
  }
  return { plan, warnings };
}

/** Today's 升级, if it is the one named and can still be undone. */
function revertibleRun({ db, now }: ServiceContext, id: string) {
  const run = lastRunView(db, schoolDate(db, now));
  if (run?.id !== id || !run.revertible) throw new CounselError('CONFLICT', 'errors.rollForward.notRevertible', { path: 'id', id });
  return run;
}

export const rollForwardHandlers: HandlerMap<'students.rollForwardPreview' | 'students.rollForward' | 'students.rollForwardRevert'> = {
  'students.rollForwardPreview': dbHandler<'students.rollForwardPreview'>({
    run: ({ db, now }, input) => {
      const today = schoolDate(db, now);
      // The whole plan is needed for the token, the totals and the warnings; only one page of it
      // crosses to the screen (6,000 students' rows were most of this call's time and memory).
      // Paging through the dialog asks for the same plan again and again: it is built once and
      // kept until anything in the archive changes (previewOf), so the next page only slices it.
      const { plan, warnings, lastRun } = previewOf(db, JSON.stringify([input.classRenames, today]), () => {
        const built = rollForwardPlan(db, input.classRenames);
        return { plan: built, warnings: warningsOf(db, built, today), lastRun: lastRunView(db, today) };
      });
      const { page, pageSize } = input;
      const changes = plan.changes.slice((page - 1) * pageSize, page * pageSize);
      return { ...plan, changes, total: plan.changes.length, page, pageSize, warnings, lastRun };
    },
  }),

  'students.rollForward': dbHandler<'students.rollForward'>({
    check: (ctx, input) => void checkedPlan(ctx, input),
    run: (ctx, input) => {
      const { db, now, actor } = ctx;
      const today = schoolDate(db, now);
      const { plan, warnings } = checkedPlan(ctx, input);
      const moves = plan.changes.map(
        (c): StudentMove => ({
          studentId: c.id,
          fromGrade: c.fromGrade,
          fromClassName: c.fromClassName,
          fromStatus: 'active',
          toGrade: c.toGrade ?? c.fromGrade,
          toClassName: c.toClassName,
          toStatus: c.toStatus,
        }),
      );
      const id = recordRun(db, { by: actor.userId, on: today, promoted: plan.promoted, graduated: plan.graduated }, moves, now);
      ctx.audit = {
        targetType: 'roster',
        targetId: id,
        details: { promoted: plan.promoted, graduated: plan.graduated, classesRenamed: input.classRenames.length, warnings: warnings.map((w) => w.kind) },
      };
      return { id, promoted: plan.promoted, graduated: plan.graduated };
    },
  }),

  'students.rollForwardRevert': dbHandler<'students.rollForwardRevert'>({
    check: (ctx, input) => void revertibleRun(ctx, input.id),
    run: (ctx, input) => {
      const { db, now, actor } = ctx;
      const run = revertibleRun(ctx, input.id);
      const restored = revertRun(db, run.id, actor.userId, now);
      ctx.audit = { targetType: 'roster', targetId: run.id, details: { restored, promoted: run.promoted, graduated: run.graduated } };
      return { restored };
    },
  }),
};
