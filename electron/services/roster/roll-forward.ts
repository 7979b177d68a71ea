import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { CounselError, type ErrorDetail } from '../../../shared/api/errors';
import type { RollForwardWarning } from '../../../shared/api/students';
import { isTopGradeOfStage } from '../../../shared/domain/grades';
import { outsideSummerBreak } from '../../../shared/domain/roll-forward';
import { dbHandler, type HandlerMap, type ServiceContext } from '../../core/handler';
import { groupSpan } from '../../db/group-span';
import { untilChange } from '../../db/until-change';
import { openCampaignsOfGrades } from '../assessments/campaigns';
import { schoolDate } from '../common/clinical';
import { openCasesInGrades } from '../counseling/cases';
import { schoolTerms } from '../schedule/school-calendar';
import { activeClasses, activeStudentsOf, lastRun, movedSince, recordRun, revertRun, type StudentMove } from './roll-forward-repo';

type Renames = ParsedInputOf<'students.rollForwardPreview'>['classRenames'];

const classKey = (grade: number, className: string) => `${grade}\u0000${className}`;

/**
 * The 升级 plan, counted per class: active students move up a grade (into the class the renames
 * give); the last grade of each stage graduates. Built from the classes' counts alone (the
 * students themselves are read a page at a time, planChanges), so opening the dialog after a
 * roster change no longer reads and sorts every student.
 */
function rollForwardPlan(db: Database, renames: Renames) {
  const active = activeClasses(db);
  const renamed = new Map(renames.map((r) => [classKey(r.grade, r.className), r.toClassName]));
  const known = new Set(active.map((k) => classKey(k.grade, k.className)));
  const problems: ErrorDetail[] = [];
  renames.forEach((r, i) => {
    if (!known.has(classKey(r.grade, r.className))) problems.push({ path: `classRenames.${i}.className`, reason: 'errors.rollForward.unknownClass' });
    else if (isTopGradeOfStage(r.grade)) problems.push({ path: `classRenames.${i}.className`, reason: 'errors.rollForward.graduatingClass' });
  });
  if (problems.length > 0) throw new CounselError('VALIDATION', 'errors.validation', problems);
  const classes = active.map((k) => {
    const graduates = isTopGradeOfStage(k.grade);
    return {
      fromGrade: k.grade,
      fromClassName: k.className,
      toGrade: graduates ? null : k.grade + 1,
      toClassName: graduates ? k.className : (renamed.get(classKey(k.grade, k.className)) ?? k.className),
      count: k.count,
    };
  });
  // Any change to an active student after the preview (each student's id and updated_at under
  // their class), or other renames, change the token, so a stale preview is refused.
  const hash = createHash('sha256');
  for (const k of active) hash.update(`${classKey(k.grade, k.className)}\u0000${k.students}\n`);
  const token = hash.update(JSON.stringify([...renamed].sort())).digest('hex');
  const countOf = (graduating: boolean) => classes.reduce((n, k) => n + ((k.toGrade === null) === graduating ? k.count : 0), 0);
  const promoted = countOf(false);
  const graduated = countOf(true);
  return { token, classes, promoted, graduated, total: promoted + graduated };
}

type Plan = ReturnType<typeof rollForwardPlan>;

/**
 * The plan's students from `offset`, `limit` of them, in class order then pinyin. Only the classes
 * the page falls in are read (groupSpan over the classes' counts), so a late page costs what the
 * first does.
 */
function planChanges(db: Database, plan: Plan, offset: number, limit: number) {
  const span = groupSpan(plan.classes, offset, limit);
  const toOf = new Map(span.groups.map((k) => [classKey(k.fromGrade, k.fromClassName), k]));
  const students = activeStudentsOf(db, span.groups.map((k) => ({ grade: k.fromGrade, className: k.fromClassName })), span.skip, limit);
  return students.map((r) => {
    const to = toOf.get(classKey(r.grade, r.class_name))!;
    return {
      id: r.id,
      studentNo: r.student_no,
      name: r.name,
      fromGrade: r.grade,
      fromClassName: r.class_name,
      toGrade: to.toGrade,
      toClassName: to.toClassName,
      toStatus: to.toGrade === null ? ('graduated' as const) : ('active' as const),
    };
  });
}

/** What the counselor should settle first; the 升级 runs over them only when told to. */
function warningsOf(db: Database, plan: Plan, today: string): RollForwardWarning[] {
  const warnings: RollForwardWarning[] = [];
  const timing = outsideSummerBreak(today, schoolTerms(db));
  if (timing) warnings.push({ kind: 'outsideSummer', label: timing.label, date: timing.date, grades: [] });
  const moving = [...new Set(plan.classes.map((k) => k.fromGrade))];
  for (const c of openCampaignsOfGrades(db, moving, today)) {
    const grades = c.grades.filter((g) => moving.includes(g));
    if (c.rescreenOf !== null) warnings.push({ kind: 'rescreen', label: c.name, date: c.startDate, grades });
    else warnings.push({ kind: 'openCampaign', label: c.name, date: c.endDate, grades });
  }
  const graduating = [...new Set(plan.classes.filter((k) => k.toGrade === null).map((k) => k.fromGrade))];
  for (const k of openCasesInGrades(db, graduating)) warnings.push({ kind: 'openCase', label: k.name, date: null, grades: [k.grade] });
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
      // The plan's classes, totals, token and warnings cover the whole roster and are kept until
      // anything in the archive changes (previewOf): paging through the dialog asks for them again
      // and again. Only the page's students are read, from the classes it falls in.
      const { plan, warnings, lastRun } = previewOf(db, JSON.stringify([input.classRenames, today]), () => {
        const built = rollForwardPlan(db, input.classRenames);
        return { plan: built, warnings: warningsOf(db, built, today), lastRun: lastRunView(db, today) };
      });
      const { page, pageSize } = input;
      const changes = planChanges(db, plan, (page - 1) * pageSize, pageSize);
      const { token, classes, promoted, graduated, total } = plan;
      return { token, classes, promoted, graduated, total, changes, page, pageSize, warnings, lastRun };
    },
  }),

  'students.rollForward': dbHandler<'students.rollForward'>({
    check: (ctx, input) => void checkedPlan(ctx, input),
    run: (ctx, input) => {
      const { db, now, actor } = ctx;
      const today = schoolDate(db, now);
      const { plan, warnings } = checkedPlan(ctx, input);
      const moves = planChanges(db, plan, 0, plan.total).map(
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
