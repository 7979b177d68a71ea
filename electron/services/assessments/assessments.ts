import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FormView } from '../../../shared/api/assessments';
import { CounselError } from '../../../shared/api/errors';
import { type EligibilityCheck, type FiredAlert, type FormResult, type ScaleDefinition, answerProblems, alertsForAnswer, checkEligibility, scoreForm } from '../../../shared/domain/scales';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { alertIdsOfForms, alertsOfForm, getAlert, raiseAlerts } from './alerts-repo';
import { answersOf, completeForm, copyAnswers, type FormRow, formsOfStudent, getForm, insertForm, saveAnswer, studentProfile, voidForm } from './assessments-repo';
import { requireCampaignVersion } from './campaign-gate';
import { afterAlertsRaised, afterFormCompleted, afterFormStarted, afterFormVoided } from './campaign-hooks';
import { assertNotFuture, requireStudentRef, schoolDate } from '../common/clinical';
import { type Resolved, requireDefinition } from './scales';
import { missingConsent } from './testing-consent';
import { assertNoProblems } from '../common/validation';
import { linkToCrisis, requireCrisisOfStudent } from '../crisis/attach';

type AssessmentMethods =
  | 'assessments.start'
  | 'assessments.answer'
  | 'assessments.finish'
  | 'assessments.void'
  | 'assessments.get'
  | 'assessments.ofStudent'
  | 'assessments.rescore';

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

/** Guide ETH-05/06: the student and a guardian must both have given consent to testing (individually or on the campaign's list). */
function assertTestingConsent(db: Database, studentId: string, campaignId: string | null): void {
  const missing = missingConsent(db, studentId, campaignId);
  if (missing) throw new CounselError('CONFLICT', 'errors.assessment.noConsent', { path: 'studentId', ...missing });
}

/**
 * Completes a form with its result: stores the fired alerts it has not raised yet and tells its
 * campaign. Returns the new alerts' ids.
 */
export function recordResult(db: Database, f: FormRow, result: FormResult, fired: readonly FiredAlert[], now: number): string[] {
  const raised = raiseAlerts(db, f, fired, now);
  completeForm(db, f.id, result, now);
  afterAlertsRaised(db, f, raised, now);
  afterFormCompleted(db, f, result, now);
  return raised;
}

/** Whole years between two calendar dates. */
function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The scale's age/grade check for a student on a day; an unknown birth date leaves age out. */
export function eligibilityOn(def: ScaleDefinition, student: { grade: number; birthDate: string | null }, date: string): EligibilityCheck {
  return checkEligibility(def, { grade: student.grade, ...(student.birthDate ? { ageYears: ageOn(student.birthDate, date) } : {}) });
}

/** `info` only informs; `warn` needs the counselor's acknowledgement; `block` refuses outright. */
export function eligibleEnough(check: EligibilityCheck, acknowledged: boolean): boolean {
  return check.outcome === 'ok' || check.outcome === 'info' || (check.outcome === 'warn' && acknowledged);
}

function assertNormProfile(d: Resolved, normProfileId: string | null): void {
  if (normProfileId !== null && !d.definition.normProfiles?.some((p) => p.id === normProfileId)) {
    throw new CounselError('VALIDATION', 'errors.scale.unknownNormProfile', [{ path: 'normProfileId', reason: 'errors.scale.unknownNormProfile', id: normProfileId }]);
  }
}

/** The forms a rescoring descends from, itself first: alerts any of them raised are not raised again. */
function lineage(db: Database, f: FormRow): string[] {
  const ids = [f.id];
  for (let from = f.derivedFrom; from !== null; from = requireForm(db, from).derivedFrom) ids.push(from);
  return ids;
}

function assertEligible(db: Database, d: Resolved, studentId: string, date: string, acknowledged: boolean): void {
  const check = eligibilityOn(d.definition, studentProfile(db, studentId), date);
  if (eligibleEnough(check, acknowledged)) return;
  throw new CounselError('CONFLICT', 'errors.assessment.ineligible', { path: 'studentId', outside: check.outside, enforcement: check.outcome });
}

export const assessmentHandlers: HandlerMap<AssessmentMethods> = {
  'assessments.start': dbHandler<'assessments.start'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const student = requireStudentRef(db, input.studentId, 'studentId');
      const campaignId = input.campaignId ?? null;
      const d = requireDefinition(db, input.scaleId, campaignId === null ? input.version : requireCampaignVersion(db, campaignId, input), 'scaleId');
      const date = input.date ?? schoolDate(db, now);
      assertNotFuture(date, schoolDate(db, now), 'date');
      const normProfileId = input.normProfileId ?? null;
      assertNormProfile(d, normProfileId);
      assertTestingConsent(db, student.id, campaignId);
      assertEligible(db, d, student.id, date, input.acknowledgeIneligible);
      if (input.crisisCaseId !== undefined) requireCrisisOfStudent(db, input.crisisCaseId, student.id, 'crisisCaseId');
      const { id: scaleId, version } = d.definition;
      const id = insertForm(
        db,
        { studentId: student.id, scaleId, version, definitionHash: d.hash, mode: input.mode, date, normProfileId, administeredBy: actor.userId, campaignId },
        now,
      );
      afterFormStarted(db, { campaignId });
      const crisisCaseId = input.crisisCaseId ?? null;
      if (crisisCaseId !== null) linkToCrisis(db, crisisCaseId, { kind: 'assessmentLink', formId: id }, actor.userId, now);
      ctx.audit = { targetType: 'form', targetId: id, details: { studentId: student.id, scaleId, version, mode: input.mode, campaignId, crisisCaseId } };
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
      afterAlertsRaised(db, f, raised, now);
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
      const raised = recordResult(db, f, result, result.alerts, now);
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
      afterFormVoided(db, f, ctx.now);
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
      const status = input.status ?? null;
      const { rows, total } = formsOfStudent(db, { studentId: student.id, scaleId, status, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
      ctx.audit = { targetType: 'student', targetId: student.id, details: { scaleId, status, count: rows.length } };
      return { items: rows.map((f) => formView(db, f)), total };
    },
  }),

  // A new derived form: the original's result stays as it was scored, and who administered it and when stay its facts.
  'assessments.rescore': dbHandler<'assessments.rescore'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const original = requireForm(db, input.formId);
      if (original.status !== 'completed') throw new CounselError('CONFLICT', 'errors.assessment.notCompleted', { path: 'formId', id: original.id, status: original.status });
      const d = requireDefinition(db, original.scaleId, input.version, 'version');
      const normProfileId = input.normProfileId ?? original.normProfileId;
      assertNormProfile(d, normProfileId);
      if (d.definition.version === original.version && normProfileId === original.normProfileId) {
        throw new CounselError('CONFLICT', 'errors.assessment.rescoreSame', { path: 'version', id: original.id, version: original.version });
      }
      const answers = answersOf(db, original.id);
      assertNoProblems(answerProblems(d.definition, answers), () => 'version', (p) => ({ itemId: p.path.join('.'), ...p.params }));
      const { studentId, scaleId, mode, date, administeredBy, campaignId } = original;
      const { version } = d.definition;
      const id = insertForm(db, { studentId, scaleId, version, definitionHash: d.hash, mode, date, normProfileId, administeredBy, campaignId, derivedFrom: original.id }, now);
      copyAnswers(db, original.id, id);
      const result = scoreForm(d.definition, answers, normProfileId);
      const already = alertIdsOfForms(db, lineage(db, original));
      const raised = recordResult(db, requireForm(db, id), result, result.alerts.filter((a) => !already.has(a.id)), now);
      ctx.audit = { targetType: 'form', targetId: id, details: { derivedFrom: original.id, studentId, scaleId, version, normProfileId, alerts: raised } };
      return formView(db, requireForm(db, id));
    },
  }),
};
