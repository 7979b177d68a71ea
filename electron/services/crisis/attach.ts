import type { Database } from 'better-sqlite3-multiple-ciphers';
import { STEP_OF_ENTRY, type CRISIS_SOURCES, type EntryInput } from '../../../shared/api/crisis';
import { CounselError } from '../../../shared/api/errors';
import { CRISIS_STEPS, DEFAULT_TIER_RULES, stepDueDates, type CrisisTier, type TierRules } from '../../../shared/domain/crisis';
import { readSetting } from '../accounts/settings-store';
import { schoolDate } from '../common/clinical';
import { invalid } from '../common/validation';
import { loadCalendar } from '../schedule/school-calendar';
import { getCrisis, insertCrisis, insertEntry, insertStep, stepsOf, updateStep } from './crisis-repo';

/**
 * What other areas call to make a case a crisis case or to link their rows to one: opening a case
 * (counseling), a screening alert (assessments), a booking (schedule), a form started from the
 * 测评建档 step. Kept apart from the crisis handlers, which open cases through counseling/cases,
 * so those areas can import this without importing that.
 */

export const RULES_KEY = 'crisisTierRules';

export function tierRules(db: Database): TierRules {
  return readSetting(db, RULES_KEY, DEFAULT_TIER_RULES);
}

export type CrisisSource = (typeof CRISIS_SOURCES)[number];

/**
 * Gives a case of category crisis its crisis details and six steps, owned by the counselor in charge
 * and due by the tier's rules from the opening day. A case opened from a screening alert has its
 * assessment already: 测评建档 is done on that day.
 */
export function attachCrisis(
  db: Database,
  k: { caseId: string; ownerId: string; source: CrisisSource; sourceAlertId: string | null; tier: CrisisTier; reason: string; openedOn: string },
  now: number,
): void {
  insertCrisis(db, k, now);
  const due = stepDueDates(loadCalendar(db), tierRules(db)[k.tier], k.openedOn);
  for (const step of CRISIS_STEPS) insertStep(db, { caseId: k.caseId, step, ownerId: k.ownerId, dueOn: due[step] });
  if (k.sourceAlertId !== null) {
    const [assess] = stepsOf(db, [k.caseId]).filter((s) => s.step === 'assess');
    updateStep(db, { ...assess!, state: 'done', doneOn: k.openedOn });
  }
}

/** The tier a screening alert's severity calls for. */
export function tierOfSeverity(severity: string): CrisisTier {
  return severity === 'critical' ? 'red' : severity === 'urgent' ? 'orange' : 'yellow';
}

/** A row another area creates from a step of a crisis case: a booking (积极干预) or a form (测评建档). */
export type CrisisLink = { kind: 'appointmentLink'; appointmentId: string } | { kind: 'assessmentLink'; formId: string };

/**
 * Checks the crisis case a booking or a form is made from, before anything is written: a crisis
 * case still taking changes, of the same student. VALIDATION on the caller's field otherwise.
 */
export function requireCrisisOfStudent(db: Database, caseId: string, studentId: string | null, path: string): void {
  const k = getCrisis(db, caseId);
  if (!k) throw invalid(path, 'errors.crisis.notACrisisCase');
  if (k.status === 'closed') throw new CounselError('CONFLICT', 'errors.crisis.closed', { path, id: caseId });
  if (k.studentId !== studentId) throw invalid(path, 'errors.crisis.linkNotOfStudent');
}

/** Whether the case carries crisis details (rows that are closed, never deleted). */
export function isCrisisCase(db: Database, caseId: string): boolean {
  return getCrisis(db, caseId) !== null;
}

/** Writes the link into its step as an entry of today, so the step lists what was started from it. Returns the entry's id. */
export function linkToCrisis(db: Database, caseId: string, link: CrisisLink, by: string, now: number): string {
  const entry: EntryInput = { ...link, date: schoolDate(db, now) };
  const step = STEP_OF_ENTRY[link.kind];
  const appointmentId = link.kind === 'appointmentLink' ? link.appointmentId : null;
  return insertEntry(db, { caseId, step, entry, refs: { partnerId: null, peerId: null, referralId: null, appointmentId }, by }, now);
}
