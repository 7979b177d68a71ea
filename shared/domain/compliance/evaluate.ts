import { suppressCount } from '../suppression';
import { METRIC_SPECS, type MetricId, type Pack, type PackItem, type Threshold, gradeOf } from './pack';

/**
 * The automatic metrics, as pure functions of the figures the service gathers from the other areas.
 * Every figure is a count, an area, a number of hours or days: never a student's name or id.
 */

export type ZoneKind = 'individual' | 'group' | 'office' | 'assessment' | 'relaxation' | 'selfHelp' | 'sandplay' | 'other';
export type Stage = 'primary' | 'junior' | 'senior';

export interface ComplianceFacts {
  /** Active rooms of the counseling centre. */
  rooms(): readonly { name: string; zoneType: ZoneKind; areaM2: number }[];
  /** The term the run looks at, with schedule.metrics' figures for it; null with no term on the calendar. */
  opening(): {
    termName: string;
    schoolDays: number;
    daysWithOpening: number;
    outsideClassShare: number | null;
    withoutDuty: number;
    weeklyOpenHours: number;
    weekStart: string;
  } | null;
  school(): { enrollment: number; stages: readonly Stage[] };
  /** Active counseling teachers in the staff register. */
  counselingTeachers(): { fullTime: number; partTime: number; unspecified: number };
  /** Training hours of each active counseling teacher, summed over the last `years` calendar years. */
  trainingHours(years: number): readonly number[];
  /** Signed session records of the school year, and how many fill every field of the guide's structure. */
  records(): { signed: number; complete: number };
  /** The grades each screening campaign of the school year covered. */
  screenings(): readonly { grades: readonly number[] }[];
  /**
   * The audit chain as the checklist verifies it (from its checkpoint on): the first broken row's
   * seq when it is not intact, and the school date of the last walk from its first row (null if
   * never), since rows before the checkpoint are walked again only then.
   */
  storage(): { encrypted: boolean; roleBasedAccess: boolean; auditIntact: boolean; auditRows: number; firstBrokenSeq: number | null; lastFullWalk: string | null };
  /** Forms of the school year, and how many started without the student's and guardian's consent on record. */
  testing(): { forms: number; withoutConsent: number };
  /** The written crisis procedure in force on the run's date (version and date); null when none is stored. */
  crisisProcedure(): { version: string; effectiveOn: string } | null;
  /**
   * Referrals of the school year: followed up (receipt, feedback or return review), still within
   * the grace period for a first follow-up, and past it without one.
   */
  referrals(): { referred: number; followedUp: number; awaiting: number; unanswered: number };
}

export type AutoStatus = 'pass' | 'partial' | 'fail' | 'manual';

/** A figure is an i18n key with its numbers; the source names the register it came from (compliance.source.*). */
export interface MetricOutcome {
  status: AutoStatus;
  figure: { key: string; params: Record<string, string | number> };
  source: string;
}

const out = (status: AutoStatus, key: string, params: Record<string, string | number>, source: string): MetricOutcome => ({ status, figure: { key, params }, source });
const round1 = (n: number) => Math.round(n * 10) / 10;
/** Counts drawn from students' records leave the counselor's screen here, so small ones are withheld. */
const shown = (n: number): string | number => suppressCount(n) ?? '<5';
const within = (v: number, t: Threshold) => (t.min === undefined || v >= t.min) && (t.max === undefined || v <= t.max);
/** All pass, none pass, or some in between. */
const share = (ok: number, total: number): AutoStatus => (ok === total ? 'pass' : ok === 0 ? 'fail' : 'partial');

const REQUIRED_ZONES: readonly ZoneKind[] = ['individual', 'group', 'office'];
/** 小学高年级 (4–6), 初中 (7–9), 高中 (10–12): the bands the 2021 notice screens yearly. */
const SCREENING_BANDS: Record<Stage, readonly number[]> = { primary: [4, 5, 6], junior: [7, 8, 9], senior: [10, 11, 12] };

function roomsInZone(facts: ComplianceFacts, zone: 'individual' | 'group', t: Threshold, source: string): MetricOutcome {
  const rooms = facts.rooms().filter((r) => r.zoneType === zone);
  if (rooms.length === 0) return out('fail', zone === 'individual' ? 'compliance.figure.noIndividualRoom' : 'compliance.figure.noGroupRoom', {}, source);
  const ok = rooms.filter((r) => within(r.areaM2, t)).length;
  const areas = rooms.map((r) => `${r.name} ${r.areaM2} m²`).join('，');
  return out(share(ok, rooms.length), 'compliance.figure.roomAreas', { ok, total: rooms.length, areas }, source);
}

type Evaluator = (facts: ComplianceFacts, t: Threshold | undefined) => MetricOutcome;

const need = (t: Threshold | undefined): Threshold => {
  if (!t) throw new Error('a validated pack gives this metric a threshold');
  return t;
};

const EVALUATORS: Record<MetricId, Evaluator> = {
  'rooms.zoneTypes': (f) => {
    const present = new Set(f.rooms().map((r) => r.zoneType));
    const found = REQUIRED_ZONES.filter((z) => present.has(z)).length;
    return out(share(found, REQUIRED_ZONES.length), 'compliance.figure.zones', { found, total: REQUIRED_ZONES.length, rooms: f.rooms().length }, 'rooms');
  },
  'rooms.individualArea': (f, t) => roomsInZone(f, 'individual', need(t), 'rooms'),
  'rooms.groupArea': (f, t) => roomsInZone(f, 'group', need(t), 'rooms'),
  'rooms.totalArea': (f, t) => {
    const total = round1(f.rooms().reduce((s, r) => s + r.areaM2, 0));
    return out(within(total, need(t)) ? 'pass' : 'fail', 'compliance.figure.totalArea', { total, rooms: f.rooms().length }, 'rooms');
  },
  'open.everySchoolDay': (f) => {
    const o = f.opening();
    if (!o) return out('manual', 'compliance.figure.noTerm', {}, 'calendar');
    if (o.schoolDays === 0) return out('manual', 'compliance.figure.noSchoolDays', { term: o.termName }, 'schedule');
    // "Every school day": one day without an opening already misses it.
    return out(o.daysWithOpening === o.schoolDays ? 'pass' : 'fail', 'compliance.figure.schoolDays', { term: o.termName, open: o.daysWithOpening, days: o.schoolDays }, 'schedule');
  },
  'open.outsideClass': (f) => {
    const o = f.opening();
    if (!o) return out('manual', 'compliance.figure.noTerm', {}, 'calendar');
    if (o.outsideClassShare === null) return out('fail', 'compliance.figure.noOpenTime', { term: o.termName }, 'schedule');
    const percent = Math.round(o.outsideClassShare * 100);
    return out(o.outsideClassShare > 0 ? 'pass' : 'fail', 'compliance.figure.outsideClass', { term: o.termName, percent }, 'schedule');
  },
  'open.duty': (f) => {
    const o = f.opening();
    if (!o) return out('manual', 'compliance.figure.noTerm', {}, 'calendar');
    if (o.schoolDays > 0 && o.daysWithOpening === 0) return out('fail', 'compliance.figure.noOpenTime', { term: o.termName }, 'schedule');
    return out(o.withoutDuty === 0 ? 'pass' : 'fail', 'compliance.figure.withoutDuty', { term: o.termName, count: o.withoutDuty }, 'schedule');
  },
  'open.weeklyHours': (f, t) => {
    const o = f.opening();
    if (!o) return out('manual', 'compliance.figure.noTerm', {}, 'calendar');
    return out(within(o.weeklyOpenHours, need(t)) ? 'pass' : 'fail', 'compliance.figure.weeklyHours', { hours: o.weeklyOpenHours, week: o.weekStart }, 'schedule');
  },
  'staff.counselingTeachers': (f, t) => {
    const c = f.counselingTeachers();
    const count = c.fullTime + c.partTime + c.unspecified;
    return out(within(count, need(t)) ? 'pass' : 'fail', 'compliance.figure.teachers', { count, fullTime: c.fullTime, partTime: c.partTime }, 'staff');
  },
  'staff.ratio': (f, t) => ratio(f, need(t), false),
  'staff.fullTimeRatio': (f, t) => ratio(f, need(t), true),
  'staff.fullTimeTrigger': (f, t) => {
    const { enrollment } = f.school();
    const { fullTime } = f.counselingTeachers();
    const applies = enrollment >= (need(t).min ?? 0);
    return out(!applies || fullTime >= 1 ? 'pass' : 'fail', 'compliance.figure.fullTimeTrigger', { enrollment, fullTime }, 'staffEnrollment');
  },
  'staff.trainingHours': (f, t) => {
    const years = t?.years ?? 1;
    const hours = f.trainingHours(years);
    if (hours.length === 0) return out('fail', 'compliance.figure.noTeachers', {}, 'training');
    const enough = (h: number) => (t ? within(h, t) : h > 0);
    const ok = hours.filter(enough).length;
    return out(share(ok, hours.length), 'compliance.figure.training', { ok, total: hours.length, least: round1(Math.min(...hours)), years }, 'training');
  },
  'records.complete': (f) => {
    const { signed, complete } = f.records();
    if (signed === 0) return out('manual', 'compliance.figure.noRecords', {}, 'records');
    return out(share(complete, signed), 'compliance.figure.records', { complete: shown(complete), signed: shown(signed) }, 'records');
  },
  'screening.yearly': (f) => {
    const covered = new Set(f.screenings().flatMap((c) => c.grades));
    const bands = f.school().stages;
    const ok = bands.filter((s) => SCREENING_BANDS[s].some((g) => covered.has(g))).length;
    return out(share(ok, bands.length), 'compliance.figure.screening', { ok, total: bands.length, campaigns: f.screenings().length }, 'campaigns');
  },
  'storage.secure': (f) => {
    const s = f.storage();
    const pass = s.encrypted && s.roleBasedAccess && s.auditIntact;
    if (!s.auditIntact) return out('fail', 'compliance.figure.auditBroken', { rows: s.auditRows, seq: s.firstBrokenSeq ?? '?' }, 'audit');
    const key = s.lastFullWalk === null ? 'compliance.figure.storageNoFullWalk' : 'compliance.figure.storage';
    return out(pass ? 'pass' : 'fail', key, { rows: s.auditRows, ...(s.lastFullWalk === null ? {} : { fullWalk: s.lastFullWalk }) }, 'audit');
  },
  'consent.beforeTest': (f) => {
    const { forms, withoutConsent } = f.testing();
    return out(withoutConsent === 0 ? 'pass' : 'fail', 'compliance.figure.consent', { forms: shown(forms), withoutConsent: shown(withoutConsent) }, 'consent');
  },
  'crisis.procedure': (f) => {
    const plan = f.crisisProcedure();
    return plan ? out('pass', 'compliance.figure.crisisPlan', { ...plan }, 'crisisPlan') : out('fail', 'compliance.figure.noCrisisPlan', {}, 'crisisPlan');
  },
  'referral.followUp': (f) => {
    const r = f.referrals();
    // No referral, or only ones still within their grace period: nothing the app can judge yet.
    if (r.referred === 0) return out('manual', 'compliance.figure.noReferrals', {}, 'referrals');
    const due = r.followedUp + r.unanswered;
    const figure = { referred: shown(r.referred), followedUp: shown(r.followedUp), unanswered: shown(r.unanswered), awaiting: shown(r.awaiting) };
    if (due === 0) return out('manual', 'compliance.figure.referralsAwaiting', figure, 'referrals');
    return out(share(r.followedUp, due), 'compliance.figure.referrals', figure, 'referrals');
  },
};

/** Students per counseling teacher (all, or full-time only) against the pack's maximum. */
function ratio(f: ComplianceFacts, t: Threshold, fullTimeOnly: boolean): MetricOutcome {
  const { enrollment } = f.school();
  const c = f.counselingTeachers();
  const teachers = fullTimeOnly ? c.fullTime : c.fullTime + c.partTime + c.unspecified;
  const perTeacher = teachers === 0 ? null : Math.round(enrollment / teachers);
  const pass = perTeacher !== null && within(perTeacher, t);
  return out(pass ? 'pass' : 'fail', 'compliance.figure.ratio', { enrollment, teachers, perTeacher: perTeacher ?? '—' }, 'staffEnrollment');
}

export function evaluateMetric(item: PackItem, facts: ComplianceFacts): MetricOutcome | null {
  if (item.metric === undefined || !(item.metric in METRIC_SPECS)) return null;
  return EVALUATORS[item.metric as MetricId](facts, item.threshold);
}

// ---- results and scores -------------------------------------------------------------------

export const ATTESTATIONS = ['compliant', 'partly', 'notCompliant', 'notApplicable'] as const;
export type Attestation = (typeof ATTESTATIONS)[number];
export type ItemStatus = 'pass' | 'partial' | 'fail' | 'notApplicable' | 'pending';

/**
 * An automatic figure that decides (pass, partial, fail) stands; a principal's attestation fills the
 * items the app cannot judge. Nothing decided yet is pending.
 */
export function itemStatus(auto: AutoStatus | null, attestation: Attestation | null): ItemStatus {
  if (auto !== null && auto !== 'manual') return auto;
  switch (attestation) {
    case 'compliant':
      return 'pass';
    case 'partly':
      return 'partial';
    case 'notCompliant':
      return 'fail';
    case 'notApplicable':
      return 'notApplicable';
    default:
      return 'pending';
  }
}

/** Points an item is worth in its pack's style. */
export function maxPoints(pack: Pack, item: PackItem): number {
  if (pack.scoring.style === 'points') return item.points ?? 0;
  if (pack.scoring.style === 'levels') return Math.max(...(pack.scoring.levels ?? [0]));
  return 1;
}

function earned(pack: Pack, item: PackItem, status: ItemStatus, level: number | null): number {
  const max = maxPoints(pack, item);
  if (pack.scoring.style === 'levels' && level !== null) return level;
  if (status === 'pass') return max;
  if (status !== 'partial') return 0;
  if (pack.scoring.style !== 'levels') return max / 2;
  // A partial automatic result on a levels item takes the highest level at or below half marks.
  return Math.max(0, ...(pack.scoring.levels ?? []).filter((l) => l <= max / 2));
}

export interface ScoreSummary {
  earned: number;
  possible: number;
  /** Per cent of the applicable points, one decimal; null while nothing applies. */
  percent: number | null;
  grade: { zh: string; en: string } | null;
  counts: Record<ItemStatus, number>;
}

export function scoreRun(pack: Pack, results: ReadonlyMap<string, { status: ItemStatus; level: number | null }>): ScoreSummary {
  const counts: Record<ItemStatus, number> = { pass: 0, partial: 0, fail: 0, notApplicable: 0, pending: 0 };
  let got = 0;
  let possible = 0;
  for (const item of pack.items) {
    const r = results.get(item.id) ?? { status: 'pending' as const, level: null };
    counts[r.status] += 1;
    if (r.status === 'notApplicable') continue;
    possible += maxPoints(pack, item);
    got += earned(pack, item, r.status, r.level);
  }
  const percent = possible === 0 ? null : Math.round((got / possible) * 1000) / 10;
  return {
    earned: Math.round(got * 10) / 10,
    possible,
    percent,
    grade: percent === null ? null : gradeOf(pack.scoring.bands, percent),
    counts,
  };
}
