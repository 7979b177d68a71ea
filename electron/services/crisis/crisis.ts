import type { Database } from 'better-sqlite3-multiple-ciphers';
import { STEP_OF_ENTRY, type CrisisDetail, type EntryInput, type StepView } from '../../../shared/api/crisis';
import type { ClientSource } from '../../../shared/api/sources';
import { CounselError } from '../../../shared/api/errors';
import { addDays, weekOf } from '../../../shared/domain/dates';
import {
  CRISIS_TIERS,
  isOverdue,
  median,
  stepDueDates,
  type CrisisStep,
  type CrisisTier,
  type TierRules,
} from '../../../shared/domain/crisis';
import { suppressCount, suppressGroup, SMALL_CELL_K } from '../../../shared/domain/suppression';
import { dbHandler, type HandlerMap, type ServiceContext } from '../../core/handler';
import { readSchool, writeSetting } from '../accounts/settings-store';
import { assertActiveOrAcknowledged, assertNotFuture, requireCounselor, requireStudentRef, schoolDate } from '../common/clinical';
import { invalid } from '../common/validation';
import { closeCaseChecked, insertCase, requireOpenCase } from '../counseling/cases';
import { requireAppointment } from '../schedule/appointments';
import { loadCalendar } from '../schedule/school-calendar';
import { attachCrisis, RULES_KEY, tierRules, type CrisisSource } from './attach';
import { firstInterventionDays } from './figures';
import {
  activeCrises,
  changesOf,
  closeCrisis,
  countEntries,
  entriesOf,
  getCrisis,
  getEntryHead,
  getPartner,
  getPeer,
  formStudentOf,
  peerAssigned,
  insertChange,
  insertEntry,
  insertReview,
  lastReviews,
  reviewsOf,
  setCrisisField,
  sourceAlertOf,
  stepsOf,
  updateStep,
  type CrisisRow,
  type EntryRefs,
  type StepRow,
} from './crisis-repo';

type CrisisMethods =
  | 'crisis.open'
  | 'crisis.attach'
  | 'crisis.get'
  | 'crisis.board'
  | 'crisis.redOverdue'
  | 'crisis.setTier'
  | 'crisis.setStatus'
  | 'crisis.updateStep'
  | 'crisis.addEntry'
  | 'crisis.addReview'
  | 'crisis.close'
  | 'crisis.referralExport'
  | 'crisis.summary'
  | 'crisis.rules'
  | 'crisis.updateRules';

/**
 * The case's 来源 (the shared list) for a crisis reported by each source: the ones the shared list
 * names keep their own (a screening, a teacher, a guardian), the rest are 危机跟进. Migration 019
 * applies the same mapping to the crisis cases it found.
 */
const CASE_SOURCE: Record<CrisisSource, ClientSource> = {
  screening: 'screening',
  session: 'crisis',
  teacher: 'teacherReferral',
  peer: 'crisis',
  guardian: 'guardianReferral',
  selfReport: 'crisis',
  other: 'crisis',
};

function requireCrisis(db: Database, caseId: string): CrisisRow {
  const k = getCrisis(db, caseId);
  if (!k) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'caseId', id: caseId });
  return k;
}

/** A crisis case still taking changes. */
function requireActive(db: Database, caseId: string): CrisisRow {
  const k = requireCrisis(db, caseId);
  if (k.status === 'closed') throw new CounselError('CONFLICT', 'errors.crisis.closed', { path: 'caseId', id: caseId });
  return k;
}

function stepViews(k: CrisisRow, steps: readonly StepRow[], today: string): StepView[] {
  return steps
    .filter((s) => s.caseId === k.caseId)
    .map(({ caseId: _c, ...s }) => ({ ...s, overdue: k.status !== 'closed' && isOverdue(s, today) }));
}

function reviewDue(k: CrisisRow, rules: TierRules, last: { date: string; nextReviewOn: string | null } | undefined): string | null {
  if (k.status === 'closed') return null;
  return last?.nextReviewOn ?? addDays(last?.date ?? k.openedOn, rules[k.tier].reviewEveryDays);
}

function head(k: CrisisRow, steps: readonly StepRow[], today: string, rules: TierRules, last: ReturnType<typeof lastReviews>) {
  return {
    caseId: k.caseId,
    studentId: k.studentId,
    studentName: k.studentName,
    grade: k.grade,
    className: k.className,
    source: k.source as CrisisSource,
    tier: k.tier,
    reason: k.reason,
    status: k.status,
    openedOn: k.openedOn,
    counselorId: k.counselorId,
    counselorName: k.counselorName,
    steps: stepViews(k, steps, today),
    reviewDueOn: reviewDue(k, rules, last.get(k.caseId)),
  };
}

/** A crisis case in full with its student's name: what a referral carries (the district package reads it here). */
export function referralRecord(db: Database, caseId: string, now: number): CrisisDetail {
  return detail(db, caseId, now);
}

function detail(db: Database, caseId: string, now: number): CrisisDetail {
  const k = requireCrisis(db, caseId);
  const today = schoolDate(db, now);
  return {
    ...head(k, stepsOf(db, [k.caseId]), today, tierRules(db), lastReviews(db)),
    sourceAlert: k.sourceAlertId === null ? null : sourceAlertOf(db, k.sourceAlertId),
    closedOn: k.closedOn,
    closedReason: k.closedReason,
    entries: entriesOf(db, k.caseId),
    reviews: reviewsOf(db, k.caseId),
    history: changesOf(db, k.caseId),
  };
}

/** Changes the tier or status of an active case, kept with the value before it and audited so. */
function changeCaseField(ctx: ServiceContext, caseId: string, field: 'tier' | 'status', to: string, reason: string): CrisisRow {
  const k = requireActive(ctx.db, caseId);
  if (k[field] === to) throw invalid(field, field === 'tier' ? 'errors.crisis.sameTier' : 'errors.crisis.sameStatus');
  setCrisisField(ctx.db, k.caseId, field, to, ctx.now);
  insertChange(ctx.db, { caseId: k.caseId, field, step: null, from: k[field], to, reason, by: ctx.actor.userId }, ctx.now);
  ctx.audit = { targetType: 'case', targetId: k.caseId, details: { field, from: k[field], to } };
  return k;
}

function requireStep(db: Database, caseId: string, step: CrisisStep): StepRow {
  return stepsOf(db, [caseId]).find((s) => s.step === step)!;
}

/** Writes a step's new values, keeping each changed field with its previous value; returns what changed, for the audit row. */
function changeStep(ctx: ServiceContext, before: StepRow, after: StepRow, reason: string) {
  const fields = [
    ['owner', 'ownerId'],
    ['dueOn', 'dueOn'],
    ['state', 'state'],
  ] as const;
  const changed = fields.filter(([, key]) => before[key] !== after[key]);
  if (changed.length === 0 && before.stateReason === after.stateReason) return [];
  updateStep(ctx.db, after);
  for (const [field, key] of changed) {
    insertChange(ctx.db, { caseId: before.caseId, field, step: before.step, from: before[key], to: after[key], reason, by: ctx.actor.userId }, ctx.now);
  }
  return changed.map(([field, key]) => ({ step: before.step, field, from: before[key], to: after[key] }));
}

function markDone(ctx: ServiceContext, caseId: string, step: CrisisStep, on: string) {
  const s = requireStep(ctx.db, caseId, step);
  return s.state === 'open' ? changeStep(ctx, s, { ...s, state: 'done', doneOn: on }, '') : [];
}

/** The rows an entry names, each checked: VALIDATION on the entry's field when it does not fit the case. */
function entryRefs(db: Database, k: CrisisRow, entry: EntryInput): EntryRefs {
  const refs: EntryRefs = { partnerId: null, peerId: null, referralId: null, appointmentId: null };
  if ('partnerId' in entry) {
    const p = getPartner(db, entry.partnerId);
    if (!p) throw invalid('entry.partnerId', 'errors.crisis.unknownPartner');
    if (!p.active) throw invalid('entry.partnerId', 'errors.crisis.partnerInactive');
    refs.partnerId = p.id;
  }
  if ('referralId' in entry) {
    const r = getEntryHead(db, entry.referralId);
    if (!r || r.caseId !== k.caseId || r.kind !== 'referral') throw invalid('entry.referralId', 'errors.crisis.notAReferral');
    if (entry.date < r.date) throw invalid('entry.date', 'errors.crisis.beforeReferral', { referralDate: r.date });
    refs.referralId = r.id;
  }
  if ('peerId' in entry) {
    const p = getPeer(db, entry.peerId);
    if (!p || !p.active) throw invalid('entry.peerId', 'errors.crisis.unknownPeer');
    if (p.grade !== k.grade || p.className !== k.className) throw invalid('entry.peerId', 'errors.crisis.peerOtherClass');
    if (entry.kind === 'peerReport' && !peerAssigned(db, k.caseId, p.id)) throw invalid('entry.peerId', 'errors.crisis.peerNotAssigned');
    if (entry.kind === 'peerAssigned' && peerAssigned(db, k.caseId, p.id)) throw invalid('entry.peerId', 'errors.crisis.peerAlreadyAssigned');
    refs.peerId = p.id;
  }
  if ('formId' in entry && formStudentOf(db, entry.formId) !== k.studentId) throw invalid('entry.formId', 'errors.crisis.formNotOfStudent');
  if ('appointmentId' in entry) {
    const a = requireAppointment(db, entry.appointmentId, 'entry.appointmentId');
    if (a.studentId !== k.studentId) throw invalid('entry.appointmentId', 'errors.crisis.appointmentNotOfStudent');
    refs.appointmentId = a.id;
  }
  return refs;
}

/** What a principal may see of the counts: small cells withheld, and no median drawn from fewer than five cases. */
function summaryFor(role: string, c: { byTier: { tier: CrisisTier; count: number }[]; overdueSteps: number; days: number[] }) {
  const med = median(c.days);
  if (role === 'counselor') return { byTier: c.byTier, overdueSteps: c.overdueSteps, medianDaysToFirstIntervention: med };
  const shown = suppressGroup(c.byTier.map((t) => t.count));
  return {
    byTier: c.byTier.map((t, i) => ({ tier: t.tier, count: shown[i] ?? null })),
    overdueSteps: suppressCount(c.overdueSteps),
    medianDaysToFirstIntervention: c.days.length < SMALL_CELL_K ? null : med,
  };
}

/** The active crises with their steps, read once for the board, the banner and the summary. */
function activeWithSteps(db: Database) {
  const crises = activeCrises(db);
  return { crises, steps: stepsOf(db, crises.map((k) => k.caseId)) };
}

export const crisisHandlers: HandlerMap<CrisisMethods> = {
  'crisis.open': dbHandler<'crisis.open'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const student = requireStudentRef(db, input.studentId, 'studentId');
      assertActiveOrAcknowledged(student, input.acknowledgeInactive, 'errors.case.studentInactive', 'studentId');
      const today = schoolDate(db, now);
      const openedOn = input.openedOn ?? today;
      assertNotFuture(openedOn, today, 'openedOn');
      const caseId = insertCase(
        db,
        {
          clientKind: 'student',
          studentId: student.id,
          clientLabel: '',
          source: CASE_SOURCE[input.source],
          sourceNote: '',
          appointmentId: null,
          categories: ['crisis'],
          goals: '',
          openedOn,
          counselorId: actor.userId,
          createdBy: actor.userId,
        },
        now,
      );
      attachCrisis(db, { caseId, ownerId: actor.userId, source: input.source, sourceAlertId: null, tier: input.tier, reason: input.reason, openedOn }, now);
      ctx.audit = { targetType: 'case', targetId: caseId, details: { studentId: student.id, tier: input.tier, source: input.source } };
      return detail(db, caseId, now);
    },
  }),

  // Cases of category crisis opened before the details were required: given them now, due from today.
  'crisis.attach': dbHandler<'crisis.attach'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const c = requireOpenCase(db, input.caseId, 'caseId');
      if (!c.categories.includes('crisis')) throw invalid('caseId', 'errors.crisis.notCrisisCategory');
      if (c.studentId === null) throw invalid('caseId', 'errors.case.crisisNotStudent');
      if (getCrisis(db, c.id)) throw new CounselError('CONFLICT', 'errors.crisis.alreadyAttached', { path: 'caseId', id: c.id });
      const { caseId: _c, ...details } = input;
      attachCrisis(db, { caseId: c.id, ownerId: c.counselorId, sourceAlertId: null, openedOn: schoolDate(db, now), ...details }, now);
      ctx.audit = { targetType: 'case', targetId: c.id, details: { studentId: c.studentId, tier: input.tier, source: input.source } };
      return detail(db, c.id, now);
    },
  }),

  'crisis.get': dbHandler<'crisis.get'>({
    run: (ctx, input) => {
      const d = detail(ctx.db, input.caseId, ctx.now);
      ctx.audit = { targetType: 'case', targetId: d.caseId, details: { studentId: d.studentId } };
      return d;
    },
  }),

  'crisis.board': dbHandler<'crisis.board'>({
    run: ({ db, now }) => {
      const today = schoolDate(db, now);
      const weekEnd = weekOf(today).end;
      const rules = tierRules(db);
      const last = lastReviews(db);
      const { crises, steps } = activeWithSteps(db);
      const items = crises.map((k) => {
        const h = head(k, steps, today, rules, last);
        const open = h.steps.filter((s) => s.state === 'open');
        return { ...h, overdueSteps: open.filter((s) => s.overdue).length, nextDueOn: open.map((s) => s.dueOn).sort()[0] ?? null };
      });
      const tierRank = (t: CrisisTier) => CRISIS_TIERS.indexOf(t);
      items.sort((a, b) => b.overdueSteps - a.overdueSteps || tierRank(a.tier) - tierRank(b.tier) || (a.nextDueOn ?? '~').localeCompare(b.nextDueOn ?? '~'));
      const openSteps = items.flatMap((i) => i.steps.filter((s) => s.state === 'open'));
      return {
        today,
        weekEnd,
        items,
        dueToday: openSteps.filter((s) => s.dueOn === today).length,
        dueThisWeek: openSteps.filter((s) => s.dueOn >= today && s.dueOn <= weekEnd).length,
        overdue: openSteps.filter((s) => s.overdue).length,
      };
    },
  }),

  'crisis.redOverdue': dbHandler<'crisis.redOverdue'>({
    run: ({ db, now }) => {
      const today = schoolDate(db, now);
      const { crises, steps } = activeWithSteps(db);
      const red = new Set(crises.filter((k) => k.tier === 'red').map((k) => k.caseId));
      const late = steps.filter((s) => red.has(s.caseId) && isOverdue(s, today));
      return { steps: late.length, cases: new Set(late.map((s) => s.caseId)).size };
    },
  }),

  'crisis.setTier': dbHandler<'crisis.setTier'>({
    run: (ctx, input) => {
      const k = changeCaseField(ctx, input.caseId, 'tier', input.tier, input.reason);
      // The new tier's deadlines run from the day it was set, for what is still to do.
      const due = stepDueDates(loadCalendar(ctx.db), tierRules(ctx.db)[input.tier], schoolDate(ctx.db, ctx.now));
      for (const s of stepsOf(ctx.db, [k.caseId])) if (s.state === 'open') updateStep(ctx.db, { ...s, dueOn: due[s.step] });
      return detail(ctx.db, k.caseId, ctx.now);
    },
  }),

  'crisis.setStatus': dbHandler<'crisis.setStatus'>({
    run: (ctx, input) => detail(ctx.db, changeCaseField(ctx, input.caseId, 'status', input.status, input.reason).caseId, ctx.now),
  }),

  'crisis.updateStep': dbHandler<'crisis.updateStep'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const k = requireActive(db, input.caseId);
      const today = schoolDate(db, now);
      const before = requireStep(db, k.caseId, input.step);
      const after = { ...before };
      if (input.ownerId !== undefined) {
        requireCounselor(db, input.ownerId, 'ownerId');
        after.ownerId = input.ownerId;
      }
      if (input.dueOn !== undefined) {
        if (input.dueOn < today) throw invalid('dueOn', 'errors.crisis.dueInPast');
        after.dueOn = input.dueOn;
      }
      if (input.state !== undefined && input.state !== before.state) {
        if (input.state === 'notApplicable' && input.reason === '') throw invalid('reason', 'errors.crisis.reasonRequired');
        after.state = input.state;
        after.stateReason = input.state === 'notApplicable' ? input.reason : '';
        after.doneOn = input.state === 'done' ? today : null;
      }
      const changes = changeStep(ctx, before, after, input.reason);
      ctx.audit = { targetType: 'case', targetId: k.caseId, details: { changes }, nothingChanged: changes.length === 0 };
      return detail(db, k.caseId, now);
    },
  }),

  'crisis.addEntry': dbHandler<'crisis.addEntry'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const k = requireActive(db, input.caseId);
      const { entry } = input;
      assertNotFuture(entry.date, schoolDate(db, now), 'entry.date');
      if (entry.date < k.openedOn) throw invalid('entry.date', 'errors.crisis.beforeOpened', { openedOn: k.openedOn });
      const step = entry.kind === 'note' ? entry.step : STEP_OF_ENTRY[entry.kind];
      const refs = entryRefs(db, k, entry);
      const id = insertEntry(db, { caseId: k.caseId, step, entry, refs, by: ctx.actor.userId }, now);
      // A return to school that is decided ends the referral step; "not yet" keeps it open.
      const changes = entry.kind === 'returnReview' && entry.decision !== 'notYet' ? markDone(ctx, k.caseId, 'referral', entry.date) : [];
      ctx.audit = {
        targetType: 'case',
        targetId: k.caseId,
        details: { entryId: id, step, kind: entry.kind, ...Object.fromEntries(Object.entries(refs).filter(([, v]) => v !== null)), changes },
      };
      return detail(db, k.caseId, now);
    },
  }),

  'crisis.addReview': dbHandler<'crisis.addReview'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const k = requireActive(db, input.caseId);
      const today = schoolDate(db, now);
      assertNotFuture(input.date, today, 'date');
      if (input.nextReviewOn !== null && input.nextReviewOn < input.date) throw invalid('nextReviewOn', 'errors.crisis.nextReviewBeforeMeeting');
      insertReview(db, { caseId: k.caseId, date: input.date, attendees: input.attendees, decision: input.decision, nextReviewOn: input.nextReviewOn, by: ctx.actor.userId }, now);
      ctx.audit = { targetType: 'case', targetId: k.caseId, details: { review: input.date } };
      return detail(db, k.caseId, now);
    },
  }),

  'crisis.close': dbHandler<'crisis.close'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const k = requireActive(db, input.caseId);
      const open = stepsOf(db, [k.caseId]).filter((s) => s.state === 'open');
      const missing = open.filter((s) => input.stepReasons[s.step] === undefined);
      if (missing.length > 0) {
        throw new CounselError(
          'VALIDATION',
          'errors.crisis.stepReasonRequired',
          missing.map((s) => ({ path: `stepReasons.${s.step}`, reason: 'errors.crisis.stepReasonRequired' })),
        );
      }
      if (k.tier === 'red' && reviewsOf(db, k.caseId).length === 0 && countEntries(db, k.caseId, 'returnReview') === 0) {
        throw invalid('caseId', 'errors.crisis.redNeedsReview');
      }
      const closed = closeCaseChecked(db, { id: k.caseId, closingSummary: input.reason, closedOn: input.closedOn }, now, 'caseId');
      const changes = open.flatMap((s) => changeStep(ctx, s, { ...s, state: 'notApplicable', stateReason: input.stepReasons[s.step]! }, input.stepReasons[s.step]!));
      closeCrisis(db, k.caseId, closed.closedOn!, input.reason, now);
      insertChange(db, { caseId: k.caseId, field: 'status', step: null, from: k.status, to: 'closed', reason: '', by: ctx.actor.userId }, now);
      ctx.audit = { targetType: 'case', targetId: k.caseId, details: { field: 'status', from: k.status, to: 'closed', changes } };
      return detail(db, k.caseId, now);
    },
  }),

  // One read, in the same transaction as its audit row: what is printed is what was recorded as exported.
  'crisis.referralExport': dbHandler<'crisis.referralExport'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const crisis = detail(db, input.caseId, now);
      ctx.audit = { targetType: 'case', targetId: crisis.caseId, details: { purpose: 'referral', studentId: crisis.studentId, entries: crisis.entries.length } };
      return { schoolName: readSchool(db).name, exportedAt: now, crisis };
    },
  }),

  'crisis.summary': dbHandler<'crisis.summary'>({
    run: ({ db, actor, now }) => {
      const today = schoolDate(db, now);
      const { crises, steps } = activeWithSteps(db);
      const byTier = CRISIS_TIERS.map((tier) => ({ tier, count: crises.filter((k) => k.tier === tier).length }));
      const overdueSteps = steps.filter((s) => isOverdue(s, today)).length;
      const days = firstInterventionDays(db);
      return summaryFor(actor.role, { byTier, overdueSteps, days });
    },
  }),

  'crisis.rules': dbHandler<'crisis.rules'>({ run: ({ db }) => tierRules(db) }),

  'crisis.updateRules': dbHandler<'crisis.updateRules'>({
    run: (ctx, input) => {
      writeSetting(ctx.db, RULES_KEY, input);
      ctx.audit = { targetType: 'settings', targetId: null, details: { changed: [RULES_KEY] } };
      return tierRules(ctx.db);
    },
  }),
};
