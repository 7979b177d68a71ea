import { describe, expect, it } from 'vitest';
import national from '../../../resources/compliance/national-2015.json';
import example from '../../../resources/compliance/grading-example.json';
import gansuA from '../../../resources/compliance/gansu-a-junior.json';
import gansuC from '../../../resources/compliance/gansu-c-primary.json';
import fuzhou from '../../../resources/compliance/fuzhou-2021.json';
import shaanxi from '../../../resources/compliance/shaanxi-2024.json';
import { type ComplianceFacts, evaluateMetric, itemStatus, scoreRun, type ItemStatus } from '../../../shared/domain/compliance/evaluate';
import { type Pack, validatePack } from '../../../shared/domain/compliance/pack';

function load(raw: unknown): Pack {
  const r = validatePack(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.pack;
}
const NATIONAL = load(national);

/** A small school that meets every automatic item; each test changes one figure. */
function facts(over: Partial<{ [K in keyof ComplianceFacts]: ReturnType<ComplianceFacts[K]> }> & { training?: Record<number, number[]> } = {}): ComplianceFacts {
  const { training, ...rest } = over;
  const base = {
    rooms: [
      { name: '个辅1', zoneType: 'individual' as const, areaM2: 12 },
      { name: '团辅', zoneType: 'group' as const, areaM2: 30 },
      { name: '接待', zoneType: 'office' as const, areaM2: 15 },
    ],
    opening: { termName: '2025春', schoolDays: 90, daysWithOpening: 90, outsideClassShare: 0.4, withoutDuty: 0, weeklyOpenHours: 10, weekStart: '2025-03-10' },
    school: { enrollment: 1200, stages: ['junior', 'senior'] as const },
    counselingTeachers: { fullTime: 1, partTime: 1, unspecified: 0 },
    records: { signed: 20, complete: 20 },
    screenings: [{ grades: [7, 8, 9, 10, 11, 12] }],
    storage: { encrypted: true, roleBasedAccess: true, auditIntact: true, auditRows: 40, firstBrokenSeq: null, lastFullWalk: '2025-10-20' },
    testing: { forms: 30, withoutConsent: 0 },
    crisisProcedure: { version: '2025版', effectiveOn: '2025-03-01' } as { version: string; effectiveOn: string } | null,
    referrals: { referred: 6, followedUp: 6, awaiting: 0, unanswered: 0 },
    ...rest,
  };
  const hours = training ?? { 1: [6, 12] };
  return {
    rooms: () => base.rooms,
    opening: () => base.opening,
    school: () => base.school,
    counselingTeachers: () => base.counselingTeachers,
    trainingHours: (years) => hours[years] ?? [],
    records: () => base.records,
    screenings: () => base.screenings,
    storage: () => base.storage,
    testing: () => base.testing,
    crisisProcedure: () => base.crisisProcedure,
    referrals: () => base.referrals,
  };
}

function run(itemId: string, f: ComplianceFacts, pack: Pack = NATIONAL) {
  const item = pack.items.find((i) => i.id === itemId)!;
  return evaluateMetric(item, f)!;
}

const individual = (...areas: number[]) => facts({ rooms: [...areas.map((a, i) => ({ name: `个辅${i + 1}`, zoneType: 'individual' as const, areaM2: a })), { name: '团辅', zoneType: 'group', areaM2: 30 }] });

describe('ZONE-05: each individual room 10–15 m²', () => {
  it.each([
    [10, 'pass'],
    [15, 'pass'],
    [12.5, 'pass'],
    [9.9, 'fail'],
    [15.1, 'fail'],
  ])('%s m² → %s', (area, status) => {
    const r = run('ZONE-05', individual(area));
    expect(r.status).toBe(status);
    expect(r.source).toBe('rooms');
    expect(r.figure.params).toMatchObject({ total: 1, areas: `个辅1 ${area} m²` });
  });

  it('is judged per room: one of two outside the range is partial; none at all fails', () => {
    expect(run('ZONE-05', individual(12, 15.1))).toMatchObject({ status: 'partial', figure: { params: { ok: 1, total: 2 } } });
    expect(run('ZONE-05', facts({ rooms: [{ name: '团辅', zoneType: 'group', areaM2: 30 }] }))).toMatchObject({ status: 'fail', figure: { key: 'compliance.figure.noIndividualRoom' } });
  });
});

describe('ZONE-06: each group room ≥ 20 m²', () => {
  it.each([
    [20, 'pass'],
    [19.99, 'fail'],
    [80, 'pass'],
  ])('%s m² → %s', (area, status) => {
    expect(run('ZONE-06', facts({ rooms: [{ name: '团辅', zoneType: 'group', areaM2: area }] })).status).toBe(status);
  });
});

describe('ZONE-01: the three basic zones', () => {
  it('all three pass; two of three is partial; none fails', () => {
    expect(run('ZONE-01', facts())).toMatchObject({ status: 'pass', figure: { params: { found: 3, total: 3 } } });
    expect(run('ZONE-01', individual(12)).status).toBe('partial');
    expect(run('ZONE-01', facts({ rooms: [{ name: '沙盘', zoneType: 'sandplay', areaM2: 12 }] })).status).toBe('fail');
  });
});

describe('OPEN-01..03 from schedule.metrics', () => {
  const open = (o: Partial<NonNullable<ReturnType<ComplianceFacts['opening']>>>) => facts({ opening: { ...facts().opening()!, ...o } });

  it('OPEN-01: every school day open passes; one school day without an opening does not', () => {
    expect(run('OPEN-01', facts())).toMatchObject({ status: 'pass', source: 'schedule', figure: { params: { open: 90, days: 90 } } });
    expect(run('OPEN-01', open({ daysWithOpening: 89 }))).toMatchObject({ status: 'fail', figure: { params: { open: 89, days: 90 } } });
    expect(run('OPEN-01', open({ daysWithOpening: 0 })).status).toBe('fail');
    expect(run('OPEN-01', facts({ opening: null })).status).toBe('manual');
  });

  it('OPEN-02: some open time outside class', () => {
    expect(run('OPEN-02', open({ outsideClassShare: 0.01 }))).toMatchObject({ status: 'pass', figure: { params: { percent: 1 } } });
    expect(run('OPEN-02', open({ outsideClassShare: 0 })).status).toBe('fail');
    expect(run('OPEN-02', open({ outsideClassShare: null })).status).toBe('fail');
  });

  it('OPEN-03: nobody-on-duty openings fail it', () => {
    expect(run('OPEN-03', facts()).status).toBe('pass');
    expect(run('OPEN-03', open({ withoutDuty: 1 }))).toMatchObject({ status: 'fail', figure: { params: { count: 1 } } });
  });

  it('Gansu C: at least 8 open hours a week', () => {
    const gs = load(gansuC);
    expect(run('PROV-GS-04', open({ weeklyOpenHours: 8 }), gs).status).toBe('pass');
    expect(run('PROV-GS-04', open({ weeklyOpenHours: 7.9 }), gs).status).toBe('fail');
  });
});

describe('staffing', () => {
  const teachers = (fullTime: number, partTime: number, enrollment = 1200) =>
    facts({ counselingTeachers: { fullTime, partTime, unspecified: 0 }, school: { enrollment, stages: ['junior'] } });

  it('STAFF-01: one full- or part-time teacher is enough, none fails', () => {
    expect(run('STAFF-01', teachers(0, 1))).toMatchObject({ status: 'pass', figure: { params: { count: 1, fullTime: 0, partTime: 1 } } });
    expect(run('STAFF-01', teachers(0, 0)).status).toBe('fail');
  });

  it('Fuzhou 1:1000 counts full-time teachers; the example table counts all', () => {
    const fz = load(fuzhou);
    expect(run('PROV-FZ-01', teachers(1, 0, 1000), fz)).toMatchObject({ status: 'pass', figure: { params: { perTeacher: 1000 } } });
    expect(run('PROV-FZ-01', teachers(1, 3, 1001), fz).status).toBe('fail');
    expect(run('PROV-FZ-01', teachers(0, 3, 500), fz)).toMatchObject({ status: 'fail', figure: { params: { perTeacher: '—' } } });
    expect(run('PROV-X-07', teachers(1, 1, 2000), load(example)).status).toBe('pass');
  });

  it('Shaanxi: 1000 students or more need a full-time teacher', () => {
    const sx = load(shaanxi);
    expect(run('PROV-SX-01b', teachers(0, 2, 999), sx).status).toBe('pass');
    expect(run('PROV-SX-01b', teachers(0, 2, 1000), sx).status).toBe('fail');
    expect(run('PROV-SX-01b', teachers(1, 0, 1000), sx).status).toBe('pass');
  });

  it('STAFF-04: every counseling teacher trained this year; Gansu: 15 h over five years each', () => {
    expect(run('STAFF-04', facts({ training: { 1: [6, 0.5] } }))).toMatchObject({ status: 'pass', source: 'training', figure: { params: { ok: 2, total: 2, least: 0.5 } } });
    expect(run('STAFF-04', facts({ training: { 1: [6, 0] } })).status).toBe('partial');
    expect(run('STAFF-04', facts({ training: { 1: [] } })).status).toBe('fail');
    const gs = load(gansuC);
    expect(run('PROV-GS-06b', facts({ training: { 5: [15, 40] } }), gs)).toMatchObject({ status: 'pass', figure: { params: { years: 5 } } });
    expect(run('PROV-GS-06b', facts({ training: { 5: [14.9, 40] } }), gs).status).toBe('partial');
  });
});

describe('records, screening, storage, consent', () => {
  it('REC-02: every signed record complete passes; small counts are withheld from the figure', () => {
    expect(run('REC-02', facts())).toMatchObject({ status: 'pass', figure: { params: { complete: 20, signed: 20 } } });
    expect(run('REC-02', facts({ records: { signed: 20, complete: 3 } }))).toMatchObject({ status: 'partial', figure: { params: { complete: '<5', signed: 20 } } });
    expect(run('REC-02', facts({ records: { signed: 0, complete: 0 } })).status).toBe('manual');
  });

  it('NAT-04: one screening a year per eligible band of the school’s stages', () => {
    expect(run('NAT-04', facts())).toMatchObject({ status: 'pass', figure: { params: { ok: 2, total: 2 } } });
    expect(run('NAT-04', facts({ screenings: [{ grades: [7] }] })).status).toBe('partial');
    expect(run('NAT-04', facts({ screenings: [] })).status).toBe('fail');
    // Grades 1–3 are not the upper-primary band.
    expect(run('NAT-04', facts({ school: { enrollment: 600, stages: ['primary'] }, screenings: [{ grades: [1, 2, 3] }] })).status).toBe('fail');
    expect(run('NAT-04', facts({ school: { enrollment: 600, stages: ['primary'] }, screenings: [{ grades: [5] }] })).status).toBe('pass');
  });

  it('REC-03: encryption, roles and an intact audit chain', () => {
    expect(run('REC-03', facts())).toMatchObject({ status: 'pass', source: 'audit', figure: { key: 'compliance.figure.storage', params: { rows: 40, fullWalk: '2025-10-20' } } });
    expect(run('REC-03', facts({ storage: { encrypted: true, roleBasedAccess: true, auditIntact: true, auditRows: 40, firstBrokenSeq: null, lastFullWalk: null } }))).toMatchObject({
      status: 'pass',
      figure: { key: 'compliance.figure.storageNoFullWalk', params: { rows: 40 } },
    });
    expect(run('REC-03', facts({ storage: { encrypted: true, roleBasedAccess: true, auditIntact: false, auditRows: 40, firstBrokenSeq: 17, lastFullWalk: '2025-10-20' } }))).toMatchObject({
      status: 'fail',
      figure: { key: 'compliance.figure.auditBroken', params: { rows: 40, seq: 17 } },
    });
  });

  it('ETH-05: any form without consent on record fails it', () => {
    expect(run('ETH-05', facts()).status).toBe('pass');
    expect(run('ETH-05', facts({ testing: { forms: 30, withoutConsent: 1 } }))).toMatchObject({ status: 'fail', figure: { params: { forms: 30, withoutConsent: '<5' } } });
  });

  it('CRISIS-01 passes with a written procedure in force, naming its version and date, and fails without one', () => {
    expect(run('CRISIS-01', facts())).toEqual({ status: 'pass', figure: { key: 'compliance.figure.crisisPlan', params: { version: '2025版', effectiveOn: '2025-03-01' } }, source: 'crisisPlan' });
    expect(run('CRISIS-01', facts({ crisisProcedure: null }))).toEqual({ status: 'fail', figure: { key: 'compliance.figure.noCrisisPlan', params: {} }, source: 'crisisPlan' });
  });

  it('REF-03 wants every referral past its grace period followed up; small counts are withheld from the figure', () => {
    expect(run('REF-03', facts())).toMatchObject({ status: 'pass', source: 'referrals', figure: { key: 'compliance.figure.referrals', params: { referred: 6, followedUp: 6, unanswered: 0 } } });
    // One unanswered of six: partial, and the 1 and the 5 are shown as "<5" / 5.
    expect(run('REF-03', facts({ referrals: { referred: 6, followedUp: 5, awaiting: 0, unanswered: 1 } }))).toMatchObject({
      status: 'partial',
      figure: { params: { referred: 6, followedUp: 5, unanswered: '<5' } },
    });
    expect(run('REF-03', facts({ referrals: { referred: 2, followedUp: 0, awaiting: 0, unanswered: 2 } })).status).toBe('fail');
    // A referral still within its grace period neither passes nor fails the item.
    expect(run('REF-03', facts({ referrals: { referred: 7, followedUp: 6, awaiting: 1, unanswered: 0 } })).status).toBe('pass');
    expect(run('REF-03', facts({ referrals: { referred: 1, followedUp: 0, awaiting: 1, unanswered: 0 } }))).toMatchObject({ status: 'manual', figure: { key: 'compliance.figure.referralsAwaiting' } });
    expect(run('REF-03', facts({ referrals: { referred: 0, followedUp: 0, awaiting: 0, unanswered: 0 } }))).toMatchObject({ status: 'manual', figure: { key: 'compliance.figure.noReferrals' } });
  });
});

describe('scores', () => {
  const results = (pack: Pack, statuses: Record<string, ItemStatus>, levels: Record<string, number> = {}) =>
    new Map(pack.items.map((i) => [i.id, { status: statuses[i.id] ?? 'pass', level: levels[i.id] ?? null }]));

  it('pass/fail: partial is half, not applicable leaves the total, pending counts as not met', () => {
    const all = scoreRun(NATIONAL, results(NATIONAL, {}));
    expect(all).toMatchObject({ earned: 53, possible: 53, percent: 100, grade: null });
    const some = scoreRun(NATIONAL, results(NATIONAL, { 'ZONE-05': 'partial', 'ZONE-06': 'fail', 'SITE-03': 'notApplicable', 'FUNC-01': 'pending' }));
    expect(some).toMatchObject({ earned: 49.5, possible: 52, percent: 95.2, counts: { pass: 49, partial: 1, fail: 1, notApplicable: 1, pending: 1 } });
  });

  it('weighted points with 90/80/70 bands', () => {
    const pack = load(example);
    // 16 points in all; losing the 2-point room item leaves 14/16 = 87.5 %, grade 2.
    expect(scoreRun(pack, results(pack, {}))).toMatchObject({ percent: 100, grade: { zh: '一级' } });
    expect(scoreRun(pack, results(pack, { 'PROV-X-03': 'fail' }))).toMatchObject({ earned: 14, possible: 16, percent: 87.5, grade: { zh: '二级' } });
  });

  it('levels 0/1/3/5: the chosen level, a partial automatic result at the highest level up to half', () => {
    const pack = load(gansuA);
    expect(scoreRun(pack, results(pack, {}, { 'PROV-GS-A1': 3, 'PROV-GS-A2': 1 }))).toMatchObject({ earned: 19, possible: 25, percent: 76 });
    expect(scoreRun(pack, results(pack, { 'PROV-GS-A1': 'partial' }))).toMatchObject({ earned: 21 });
  });

  it('an automatic result that decides stands; an attestation fills what the app cannot judge', () => {
    expect(itemStatus('fail', 'compliant')).toBe('fail');
    expect(itemStatus('manual', 'compliant')).toBe('pass');
    expect(itemStatus(null, 'notApplicable')).toBe('notApplicable');
    expect(itemStatus(null, null)).toBe('pending');
  });
});
