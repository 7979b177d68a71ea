import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FormView } from '../../shared/api/assessments';
import { CounselError } from '../../shared/api/errors';
import { type FormResult, answerProblems, alertsForAnswer, checkEligibility, scoreForm } from '../../shared/domain/scales';
import { dbHandler, type HandlerMap } from '../core/handler';
import { alertsOfForm, getAlert, raiseAlerts } from './alerts-repo';
import { answersOf, completeForm, type FormRow, formsOfStudent, getForm, insertForm, saveAnswer, studentProfile, voidForm } from './assessments-repo';
import { assertNotFuture, requireStudentRef, schoolDate } from './clinical';
import { latestConsent } from './contacts-repo';
import { type Resolved, requireDefinition } from './scales';
import { assertNoProblems } from './validation';

type AssessmentMethods =
  | 'assessments.start'
  | 'assessments.answer'
  | 'assessments.finish'
  | 'assessments.void'
  | 'assessments.get'
  | 'assessments.ofStudent';

function resultView(r: FormResult): NonNullable<FormView['result']> {
  return {
    valid: r.validity.valid,
    invalidReasons: r.validity.reasons.map((x) => (x.kind === 'rule' ? `rule:${x.id}` : `missing:${x.scale}`)),
    scales: Object.entries(r.scales).map(([id, s]) => ({
      id,
      raw: s.raw,
      score: s.score,
      answered: s.answered,
      missing: s.missing,
      band: s.band?.code ?? null,
      bandLabel: s.band?.labelKey ?? null,
      flag: s.band?.flag ?? false,
    })),
    followUps: r.followUps.map((f) => f.scaleId),
    normProfileId: r.normProfile,
  };
}

function formView(db: Database, f: FormRow): FormView {
  const { result, ...rest } = f;
  return { ...rest, answers: answersOf(db, f.id), alerts: alertsOfForm(db, f.id), result: result && resultView(result) };
}

function requireForm(db: Database, id: string): FormRow {
  const f = getForm(db, id);
  if (!f) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'formId', id });
  return f;
}

function requireInProgress(db: Database, id: string): FormRow {
  const f = requireForm(db, id);
  if (f.status !== 'inProgress') throw new CounselError('CONFLICT', 'errors.assessment.notInProgress', { path: 'formId', id, status: f.status });
  return f;
}

/**
 * The definition the form was started with. A built-in is identified by id and version only, so an
 * update that changed it without a new version would score old answers by new rules: refused.
 */
function definitionOf(db: Database, f: FormRow): Resolved {
  const d = requireDefinition(db, f.scaleId, f.version, 'formId');
  if (d.hash !== f.definitionHash) throw new CounselError('CONFLICT', 'errors.assessment.definitionChanged', { path: 'formId', id: f.id });
  return d;
}

/** Guide ETH-05/06: the student and a guardian must both have given consent to testing, as last recorded. */
function assertTestingConsent(db: Database, studentId: string): void {
  const student = latestConsent(db, studentId, 'testing', 'student')?.outcome ?? null;
  const guardian = latestConsent(db, studentId, 'testing', 'guardian')?.outcome ?? null;
  if (student !== 'given' || guardian !== 'given') throw new CounselError('CONFLICT', 'errors.assessment.noConsent', { path: 'studentId', student, guardian });
}

/** Whole years between two calendar dates. */
function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** `info` only informs; `warn` needs the counselor's acknowledgement; `block` refuses outright. */
function assertEligible(db: Database, d: Resolved, studentId: string, date: string, acknowledged: boolean): void {
  const { grade, birthDate } = studentProfile(db, studentId);
  const check = checkEligibility(d.definition, { grade, ...(birthDate ? { ageYears: ageOn(birthDate, date) } : {}) });
  if (check.outcome === 'ok' || check.outcome === 'info' || (check.outcome === 'warn' && acknowledged)) return;
  throw new CounselError('CONFLICT', 'errors.assessment.ineligible', { path: 'studentId', outside: check.outside, enforcement: check.outcome });
}

export const assessmentHandlers: HandlerMap<AssessmentMethods> = {
  'assessments.start': dbHandler<'assessments.start'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const student = requireStudentRef(db, input.studentId, 'studentId');
      const d = requireDefinition(db, input.scaleId, input.version, 'scaleId');
      const date = input.date ?? schoolDate(db, now);
      assertNotFuture(date, schoolDate(db, now), 'date');
      const normProfileId = input.normProfileId ?? null;
      if (normProfileId !== null && !d.definition.normProfiles?.some((p) => p.id === normProfileId)) {
        throw new CounselError('VALIDATION', 'errors.scale.unknownNormProfile', [{ path: 'normProfileId', reason: 'errors.scale.unknownNormProfile', id: normProfileId }]);
      }
      assertTestingConsent(db, student.id);
      assertEligible(db, d, student.id, date, input.acknowledgeIneligible);
      const { id: scaleId, version } = d.definition;
      const id = insertForm(db, { studentId: student.id, scaleId, version, definitionHash: d.hash, mode: input.mode, date, normProfileId, administeredBy: actor.userId }, now);
      ctx.audit = { targetType: 'form', targetId: id, details: { studentId: student.id, scaleId, version, mode: input.mode } };
      return formView(db, requireForm(db, id));
    },
  }),

  // Saved on every tap, and a critical answer is stored as an alert in the same transaction.
  'assessments.answer': dbHandler<'assessments.answer'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const f = requireInProgress(db, input.formId);
      const { definition } = definitionOf(db, f);
      const { itemId, code } = input;
      if (code !== null) {
        assertNoProblems(answerProblems(definition, { [itemId]: code }), (p) => (p.messageKey === 'errors.scale.answerUnknownItem' ? 'itemId' : 'code'));
      }
      const before = answersOf(db, f.id);
      saveAnswer(db, f.id, itemId, code, now);
      const raised = code === null ? [] : raiseAlerts(db, f, alertsForAnswer(definition, itemId, code, before), now);
      ctx.audit = { targetType: 'form', targetId: f.id, details: { formId: f.id, itemId, alerts: raised } };
      return { raised: raised.map((id) => getAlert(db, id)!) };
    },
  }),

  // Answer-time alerts already stand; scoring raises the submit-time ones (a blank critical item, a high total).
  'assessments.finish': dbHandler<'assessments.finish'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const f = requireInProgress(db, input.formId);
      const { definition } = definitionOf(db, f);
      const result = scoreForm(definition, answersOf(db, f.id), f.normProfileId);
      const raised = raiseAlerts(db, f, result.alerts, now);
      completeForm(db, f.id, result, now);
      ctx.audit = { targetType: 'form', targetId: f.id, details: { studentId: f.studentId, definitionHash: f.definitionHash, alerts: raised } };
      return formView(db, requireForm(db, f.id));
    },
  }),

  'assessments.void': dbHandler<'assessments.void'>({
    run: (ctx, input) => {
      const { db } = ctx;
      const f = requireForm(db, input.formId);
      if (f.status === 'voided') throw new CounselError('CONFLICT', 'errors.assessment.voided', { path: 'formId', id: f.id });
      voidForm(db, f.id, input.reason);
      ctx.audit = { targetType: 'form', targetId: f.id, details: { studentId: f.studentId, was: f.status } };
      return formView(db, requireForm(db, f.id));
    },
  }),

  'assessments.get': dbHandler<'assessments.get'>({
    run: (ctx, input) => {
      const f = requireForm(ctx.db, input.formId);
      ctx.audit = { targetType: 'form', targetId: f.id, details: { studentId: f.studentId } };
      return formView(ctx.db, f);
    },
  }),

  'assessments.ofStudent': dbHandler<'assessments.ofStudent'>({
    run: (ctx, input) => {
      const { db } = ctx;
      const student = requireStudentRef(db, input.studentId, 'studentId');
      const scaleId = input.scaleId ?? null;
      const { rows, total } = formsOfStudent(db, { studentId: student.id, scaleId, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
      ctx.audit = { targetType: 'student', targetId: student.id, details: { scaleId, count: rows.length } };
      return { items: rows.map((f) => formView(db, f)), total };
    },
  }),
};
