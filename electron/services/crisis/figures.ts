import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Period } from '../../../shared/api/statistics';
import { CRISIS_STEPS, CRISIS_TIERS, type CrisisStep, type CrisisTier, isOverdue } from '../../../shared/domain/crisis';
import { addDays, daysBetween } from '../../../shared/domain/dates';
import { schoolDate } from '../common/clinical';
import { alertRaisedAt, casesByTierStatus, currentPlan, firstEntryDates, referralsIn, stepsDueIn, stepsOf } from './crisis-repo';

/**
 * What other areas read of the crisis work (the statistics, the compliance checklist): counts,
 * days and the procedure's version, never a case, a student or a name.
 */

export const CRISIS_STATUSES = ['open', 'monitoring', 'closed'] as const;
type CrisisStatus = (typeof CRISIS_STATUSES)[number];

/** Crisis cases opened in the period, by tier and by where they stand now. */
export function casesByTier(db: Database, p: Period): Record<CrisisTier, Record<CrisisStatus, number>> {
  const rows = casesByTierStatus(db, p.from, p.to);
  const count = (tier: CrisisTier, status: CrisisStatus) => rows.find((r) => r.tier === tier && r.status === status)?.count ?? 0;
  return Object.fromEntries(CRISIS_TIERS.map((t) => [t, Object.fromEntries(CRISIS_STATUSES.map((s) => [s, count(t, s)]))])) as Record<CrisisTier, Record<CrisisStatus, number>>;
}

/** How a step due in the period turned out: done by its due date or after it, still open past it, not yet due, not applicable. */
export const STEP_OUTCOMES = ['onTime', 'late', 'overdue', 'notDue', 'notApplicable'] as const;
type StepOutcome = (typeof STEP_OUTCOMES)[number];

function outcomeOf(s: { state: string; dueOn: string; doneOn: string | null }, today: string): StepOutcome {
  if (s.state === 'notApplicable') return 'notApplicable';
  if (s.state === 'done') return (s.doneOn ?? s.dueOn) <= s.dueOn ? 'onTime' : 'late';
  return isOverdue(s, today) ? 'overdue' : 'notDue';
}

export function stepOutcomes(db: Database, p: Period, today: string): Record<CrisisStep, Record<StepOutcome, number>> {
  const counts = Object.fromEntries(CRISIS_STEPS.map((s) => [s, Object.fromEntries(STEP_OUTCOMES.map((o) => [o, 0]))])) as Record<CrisisStep, Record<StepOutcome, number>>;
  for (const s of stepsDueIn(db, p.from, p.to)) counts[s.step][outcomeOf(s, today)] += 1;
  return counts;
}

/**
 * Calendar days a referral may wait for its first follow-up (the partner's receipt or feedback, a
 * return-to-school review) before it counts as unanswered: two weeks, the longest referral deadline
 * of the default tier rules (ten working days) with its weekends.
 */
export const FOLLOW_UP_GRACE_DAYS = 14;

export interface ReferralCounts {
  referred: number;
  followedUp: number;
  /** Without follow-up yet, but younger than the grace period. */
  awaiting: number;
  /** Without follow-up past the grace period. */
  unanswered: number;
  /** With the partner's feedback on record (part of followedUp). */
  feedback: number;
}

/** Referrals written in the period, as of a school date. */
export function referralCounts(db: Database, p: Period, today: string): ReferralCounts {
  const rows = referralsIn(db, p.from, p.to);
  const cutoff = addDays(today, -FOLLOW_UP_GRACE_DAYS);
  const open = rows.filter((r) => r.followedUp !== 1);
  return {
    referred: rows.length,
    followedUp: rows.length - open.length,
    awaiting: open.filter((r) => r.date > cutoff).length,
    unanswered: open.filter((r) => r.date <= cutoff).length,
    feedback: rows.filter((r) => r.feedback === 1).length,
  };
}

/**
 * Days from the alert a crisis case came from to its first intervention (the first entry of
 * 积极干预, or the day that step was marked done), one figure per case that has had one; with a
 * period, of the cases opened in it.
 */
export function firstInterventionDays(db: Database, opened?: Period): number[] {
  const raised = alertRaisedAt(db, opened);
  const firstEntry = firstEntryDates(db, 'intervention');
  const done = new Map(
    stepsOf(db, raised.map((a) => a.caseId))
      .filter((s) => s.step === 'intervention' && s.doneOn !== null)
      .map((s) => [s.caseId, s.doneOn!]),
  );
  return raised.flatMap(({ caseId, raisedAt }) => {
    const first = [firstEntry.get(caseId), done.get(caseId)].filter((d): d is string => d !== undefined).sort()[0];
    return first === undefined ? [] : [Math.max(0, daysBetween(schoolDate(db, raisedAt), first))];
  });
}

/** The written crisis procedure in force on a date: its version and effective date, no text. */
export function procedureInForce(db: Database, date: string): { version: string; effectiveOn: string } | null {
  const plan = currentPlan(db, date);
  return plan && { version: plan.version, effectiveOn: plan.effectiveOn };
}
