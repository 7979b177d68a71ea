/*
 * Crisis intervention (六步工作法): risk tiers, the six steps, and their due dates counted in school
 * working days. Pure: the calendar comes in, nothing is read here.
 */
import { addDays } from './dates';
import { isoWeekday, schoolDayLookup, type SchoolCalendar } from './schedule';

/** 一级/红 immediate, 二级/橙 urgent, 三级/黄 watch. */
export const CRISIS_TIERS = ['red', 'orange', 'yellow'] as const;
export type CrisisTier = (typeof CRISIS_TIERS)[number];

/** 测评建档, 师生结对, 积极干预, 同伴跟防, 家校协同, 及时转介, in the order the method names them. */
export const CRISIS_STEPS = ['assess', 'pairing', 'intervention', 'peer', 'family', 'referral'] as const;
export type CrisisStep = (typeof CRISIS_STEPS)[number];

export interface TierRule {
  /** Shown instead of the catalog's name when not empty. */
  name: string;
  /** A CSS colour for the tier's tag. */
  color: string;
  /** Per step, school working days after the case opened (0: the same school day). */
  dueDays: Record<CrisisStep, number>;
  /** Calendar days between case review meetings (研判会). */
  reviewEveryDays: number;
}
export type TierRules = Record<CrisisTier, TierRule>;

/**
 * Red: the guardian informed the same school day, a first intervention within a school day; the
 * others follow the city's practice of "urgent within the week" and "watch within a fortnight".
 */
export const DEFAULT_TIER_RULES: TierRules = {
  red: { name: '', color: '#cf1322', dueDays: { assess: 0, pairing: 1, intervention: 1, peer: 2, family: 0, referral: 2 }, reviewEveryDays: 7 },
  orange: { name: '', color: '#d46b08', dueDays: { assess: 1, pairing: 3, intervention: 2, peer: 5, family: 1, referral: 5 }, reviewEveryDays: 14 },
  yellow: { name: '', color: '#d4b106', dueDays: { assess: 3, pairing: 5, intervention: 5, peer: 10, family: 5, referral: 10 }, reviewEveryDays: 30 },
};

/** Far enough to cross any summer holiday; a calendar that never has a working day stops here. */
const MAX_SCAN_DAYS = 400;

/**
 * Whether school staff are at work on a date: a school day of a term (weekday not a holiday, or a
 * 调休 make-up day); outside every term, Monday to Friday unless the calendar names it a holiday,
 * since a crisis does not wait for the next term.
 */
export function workingDayTest(cal: SchoolCalendar): (date: string) => boolean {
  const info = schoolDayLookup(cal);
  const holidays = new Set(cal.specialDays.filter((d) => d.kind === 'holiday').map((d) => d.date));
  const makeups = new Set(cal.specialDays.filter((d) => d.kind === 'makeupWorkday').map((d) => d.date));
  return (date) => {
    const i = info(date);
    if (i.reason !== 'outsideTerm') return i.schoolDay;
    if (makeups.has(date)) return true;
    return isoWeekday(date) <= 5 && !holidays.has(date);
  };
}

/** The first working day on or after `from`, then `days` working days further. */
export function addWorkingDays(cal: SchoolCalendar, from: string, days: number): string {
  const working = workingDayTest(cal);
  let date = from;
  let left = days;
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++, date = addDays(date, 1)) {
    if (!working(date)) continue;
    if (left === 0) return date;
    left--;
  }
  return date;
}

/** Every step's due date for a tier, counted from the day the case opened or was re-tiered. */
export function stepDueDates(cal: SchoolCalendar, rule: TierRule, from: string): Record<CrisisStep, string> {
  return Object.fromEntries(CRISIS_STEPS.map((s) => [s, addWorkingDays(cal, from, rule.dueDays[s])])) as Record<CrisisStep, string>;
}

/** A step still open whose due date has passed (it may be done on its due date). */
export function isOverdue(step: { state: string; dueOn: string }, today: string): boolean {
  return step.state === 'open' && step.dueOn < today;
}

/** The median of whole or fractional numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
