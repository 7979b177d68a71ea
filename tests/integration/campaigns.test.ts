import { afterEach, describe, expect, it } from 'vitest';
import type { ParticipantView } from '../../shared/api/campaigns';
import type { CounselClient, InputOf } from '../../shared/api/contract';
import { colleague, counselingSchool, openCase, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';

let s: CounselingSchool;
afterEach(async () => {
  await s?.t.cleanup();
});

let nextNo = 1;
/** Students of one class; 学号 unique across the test. */
async function addStudents(c: CounselClient, n: number, grade: number, className: string, status: 'active' | 'graduated' = 'active'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const st = await c.students.create({ ...STUDENT, studentNo: `2025${String(nextNo++).padStart(4, '0')}`, name: `学生${nextNo}`, grade, className, status });
    ids.push(st.id);
  }
  return ids;
}

const PLAN = { name: '2025春季心理普测', scales: [{ scaleId: 'phq9' }], grades: [8], startDate: '2025-03-10', endDate: '2025-03-21' };
const plan = (c: CounselClient, extra: Partial<InputOf<'campaigns.create'>> = {}) => c.campaigns.create({ ...PLAN, ...extra });

const consentAll = (c: CounselClient, id: string, studentIds: string[]) =>
  c.campaigns.setConsent({ id, entries: studentIds.map((studentId) => ({ studentId, studentConsent: 'given', guardianConsent: 'given' })) });

/** Answers every PHQ-9 item (codes in item order) in the campaign; finishes unless told not to. */
async function phq9(c: CounselClient, campaignId: string, studentId: string, codes: string, finish = true) {
  const form = await c.assessments.start({ studentId, scaleId: 'phq9', mode: 'paper', campaignId });
  for (const [i, code] of [...codes].entries()) await c.assessments.answer({ formId: form.id, itemId: `phq9_${i + 1}`, code });
  return finish ? c.assessments.finish({ formId: form.id }) : c.assessments.get({ formId: form.id });
}

describe('planning a campaign', () => {
  it('refuses a bad plan naming every field, and takes the active students of the target as participants', async () => {
    s = await counselingSchool();
    const { c } = s;
    const other = await addStudents(c, 2, 8, '4班');
    await addStudents(c, 1, 8, '3班', 'graduated');
    await addStudents(c, 1, 7, '1班');

    const bad = await rejection(
      plan(c, { scales: [{ scaleId: 'phq9' }, { scaleId: 'nope' }, { scaleId: 'phq9' }, { scaleId: 'gad7', version: '9.9.9' }], classNames: ['9班'], endDate: '2025-03-01' }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details).toEqual([
      { path: 'endDate', reason: 'errors.campaign.endBeforeStart' },
      { path: 'scales.1.scaleId', reason: 'errors.campaign.unknownScale', scaleId: 'nope' },
      { path: 'scales.2.scaleId', reason: 'errors.campaign.duplicateScale', scaleId: 'phq9' },
      { path: 'scales.3.version', reason: 'errors.campaign.unknownScale', scaleId: 'gad7' },
      { path: 'classNames.0', reason: 'errors.campaign.unknownClass', className: '9班' },
      { path: 'grades', reason: 'errors.campaign.noStudents' },
    ]);
    const empty = await rejection(plan(c, { grades: [11] }));
    expect([empty.code, empty.details]).toEqual(['VALIDATION', [{ path: 'grades', reason: 'errors.campaign.noStudents' }]]);
    expect((await c.campaigns.list({})).items).toEqual([]);

    const whole = await plan(c, { scales: [{ scaleId: 'phq9' }, { scaleId: 'gad7' }], grades: [8, 7, 8] });
    // Its first day (03-10) has come: under way without anyone starting it.
    expect(whole).toMatchObject({ status: 'active', grades: [7, 8], classNames: [], rescreenOf: null, scales: [{ scaleId: 'phq9', version: '1.0.0' }, { scaleId: 'gad7', version: '1.0.0' }] });
    expect(whole.progress).toMatchObject({ participants: 4, pending: 4, done: 0, consentPending: 4, consentGiven: 0, triageOpen: 0 });

    const oneClass = await plan(c, { classNames: ['4班'] });
    const { participants } = await c.campaigns.get({ id: oneClass.id });
    expect(participants.map((p) => p.studentId)).toEqual(other);
    expect(participants[0]).toMatchObject({ grade: 8, className: '4班', studentConsent: 'pending', guardianConsent: 'pending', outcome: 'pending', completedScales: [] });

    const audit = (await c.audit.list({ action: 'campaigns.create' })).items;
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('学生');
  });

  it('moves only forward through planned, active and closed; a closed campaign takes no forms, consent or outcomes', async () => {
    s = await counselingSchool();
    const { c } = s;
    const cp = await plan(c);
    const dates = await rejection(c.campaigns.update({ id: cp.id, endDate: '2025-03-01' }));
    expect([dates.code, dates.details]).toEqual(['VALIDATION', [{ path: 'endDate', reason: 'errors.campaign.endBeforeStart' }]]);
    expect(await c.campaigns.update({ id: cp.id, status: 'active', name: '春季普测' })).toMatchObject({ status: 'active', name: '春季普测' });
    const back = await rejection(c.campaigns.update({ id: cp.id, status: 'planned' }));
    expect([back.code, back.messageKey, back.details]).toEqual(['CONFLICT', 'errors.campaign.statusBackwards', { path: 'status', from: 'active', to: 'planned' }]);
    await consentAll(c, cp.id, [s.studentId]);
    await c.campaigns.update({ id: cp.id, status: 'closed' });
    for (const p of [
      c.campaigns.update({ id: cp.id, note: '补充说明' }),
      c.campaigns.setConsent({ id: cp.id, entries: [{ studentId: s.studentId, studentConsent: 'declined' }] }),
      c.campaigns.setOutcome({ id: cp.id, studentIds: [s.studentId], outcome: 'absent' }),
      c.assessments.start({ studentId: s.studentId, scaleId: 'phq9', mode: 'paper', campaignId: cp.id }),
    ]) {
      const e = await rejection(p);
      expect([e.code, e.messageKey]).toEqual(['CONFLICT', 'errors.campaign.closed']);
    }
    expect((await c.campaigns.get({ id: cp.id })).participants[0]).toMatchObject({ studentConsent: 'given', outcome: 'pending' });
  });
});

/** Answers every GAD-7 item with one code in the campaign and finishes. */
async function gad7(c: CounselClient, campaignId: string, studentId: string, code = '0') {
  const form = await c.assessments.start({ studentId, scaleId: 'gad7', mode: 'paper', campaignId });
  for (let i = 1; i <= 7; i++) await c.assessments.answer({ formId: form.id, itemId: `gad7_${i}`, code });
  return c.assessments.finish({ formId: form.id });
}

describe('a campaign of several scales', () => {
  it('keeps a student pending for each scale until it is done, and done only when every scale is', async () => {
    s = await counselingSchool();
    const { c } = s;
    const [b, d] = await addStudents(c, 2, 8, '3班');
    const cp = await plan(c, { scales: [{ scaleId: 'phq9' }, { scaleId: 'gad7' }] });
    await consentAll(c, cp.id, [s.studentId, b!, d!]);
    /** Who is still to take each scale, as the class grid lists them: pending with that scale missing. */
    const toTake = async () => {
      const { participants } = await c.campaigns.get({ id: cp.id });
      const of = (scaleId: string) => participants.filter((p) => p.outcome === 'pending' && p.missingScales.includes(scaleId)).map((p) => p.studentId);
      return { phq9: of('phq9'), gad7: of('gad7'), done: participants.filter((p) => p.outcome === 'done').map((p) => p.studentId) };
    };

    await phq9(c, cp.id, s.studentId, '000000000');
    await gad7(c, cp.id, b!);
    const one = (await c.campaigns.get({ id: cp.id })).participants.find((p) => p.studentId === s.studentId)!;
    expect(one).toMatchObject({ outcome: 'pending', completedScales: ['phq9'], missingScales: ['gad7'] });
    expect(await toTake()).toEqual({ phq9: [b, d], gad7: [s.studentId, d], done: [] });

    const last = await gad7(c, cp.id, s.studentId);
    expect(await toTake()).toEqual({ phq9: [b, d], gad7: [d], done: [s.studentId] });
    expect((await c.campaigns.get({ id: cp.id })).campaign.progress).toMatchObject({ done: 1, pending: 2 });

    const summary = await c.campaigns.summary({ id: cp.id });
    expect(summary.grades).toEqual([{ grade: 8, participants: 3, done: 1, declined: 0, absent: 0, pending: 2 }]);
    expect(summary.scales.map((sc) => [sc.scaleId, sc.byGrade[0]!.screened, sc.byGrade[0]!.toScreen])).toEqual([
      ['phq9', 1, 2],
      ['gad7', 2, 1],
    ]);

    // A voided form undoes what it completed: the scale is to take again.
    await c.assessments.void({ formId: last.id, reason: '录错学生' });
    expect(await toTake()).toEqual({ phq9: [b, d], gad7: [s.studentId, d], done: [] });
    // Someone who has taken one scale can still be absent for the other, and comes back done.
    await c.campaigns.setOutcome({ id: cp.id, studentIds: [b!], outcome: 'absent' });
    await phq9(c, cp.id, b!, '000000000');
    expect((await toTake()).done).toEqual([b]);
  });

  it('is planned until its first day or its first form, and closed only when someone closes it', async () => {
    s = await counselingSchool();
    const { c } = s;
    await consentAll(c, (await plan(c, { name: '早已开始' })).id, [s.studentId]);
    const later = await plan(c, { name: '下月普测', startDate: '2025-04-07', endDate: '2025-04-18' });
    const ahead = await plan(c, { name: '提前开始', startDate: '2025-04-07', endDate: '2025-04-18' });
    const statuses = async () => Object.fromEntries((await c.campaigns.list({})).items.map((x) => [x.name, x.status]));
    expect(await statuses()).toEqual({ 早已开始: 'active', 下月普测: 'planned', 提前开始: 'planned' });

    // A form given early puts that one under way.
    await consentAll(c, ahead.id, [s.studentId]);
    await phq9(c, ahead.id, s.studentId, '00000', false);
    expect(await statuses()).toEqual({ 早已开始: 'active', 下月普测: 'planned', 提前开始: 'active' });
    expect((await c.campaigns.list({ status: 'planned' })).items.map((x) => x.id)).toEqual([later.id]);

    // Its first day comes; its last day passes, and it stays open for late forms until closed.
    await s.later(24 * 30);
    expect((await c.campaigns.get({ id: later.id })).campaign.status).toBe('active');
    const back = await rejection(c.campaigns.update({ id: later.id, status: 'planned' }));
    expect([back.code, back.details]).toEqual(['CONFLICT', { path: 'status', from: 'active', to: 'planned' }]);
    await s.later(24 * 30);
    expect((await c.campaigns.summary({ id: later.id })).campaign.status).toBe('active');
    expect((await c.campaigns.update({ id: later.id, status: 'closed' })).status).toBe('closed');
  });
});

describe('the consent list and outcomes', () => {
  it('lets the campaign’s consent list stand for individual consent, and records a declined slip as the outcome', async () => {
    s = await counselingSchool();
    const { c } = s;
    const [second] = await addStudents(c, 1, 8, '3班');
    const [seventh] = await addStudents(c, 1, 7, '1班');
    const cp = await plan(c);

    const none = await rejection(c.assessments.start({ studentId: s.studentId, scaleId: 'phq9', mode: 'kiosk', campaignId: cp.id }));
    expect([none.code, none.messageKey, none.details]).toEqual(['CONFLICT', 'errors.assessment.noConsent', { path: 'studentId', student: 'pending', guardian: 'pending' }]);

    const unknown = await rejection(
      c.campaigns.setConsent({ id: cp.id, entries: [{ studentId: s.studentId, studentConsent: 'given', guardianConsent: 'given' }, { studentId: seventh!, studentConsent: 'given' }] }),
    );
    expect([unknown.code, unknown.details]).toEqual(['VALIDATION', [{ path: 'entries.1.studentId', reason: 'errors.campaign.notParticipant' }]]);
    expect((await c.campaigns.get({ id: cp.id })).campaign.progress.consentGiven).toBe(0);

    expect(await consentAll(c, cp.id, [s.studentId])).toEqual({ updated: 1 });
    expect(await consentAll(c, cp.id, [s.studentId])).toEqual({ updated: 0 });
    expect(await c.assessments.start({ studentId: s.studentId, scaleId: 'phq9', mode: 'kiosk', campaignId: cp.id })).toMatchObject({ campaignId: cp.id, version: '1.0.0' });
    // The list is the campaign's: outside it the student still has no consent on record.
    const outside = await rejection(c.assessments.start({ studentId: s.studentId, scaleId: 'phq9', mode: 'kiosk' }));
    expect(outside.details).toEqual({ path: 'studentId', student: null, guardian: null });

    await c.campaigns.setConsent({ id: cp.id, entries: [{ studentId: second!, studentConsent: 'given', guardianConsent: 'declined' }] });
    const declined = await rejection(c.assessments.start({ studentId: second!, scaleId: 'phq9', mode: 'kiosk', campaignId: cp.id }));
    expect([declined.code, declined.details]).toEqual(['CONFLICT', { path: 'studentId', student: 'given', guardian: 'declined' }]);
    const got = await c.campaigns.get({ id: cp.id });
    expect(got.participants.find((p) => p.studentId === second)).toMatchObject({ guardianConsent: 'declined', outcome: 'declined' });
    expect(got.campaign.progress).toMatchObject({ consentGiven: 1, consentDeclined: 1, consentPending: 0, declined: 1 });

    const notIn = await rejection(c.assessments.start({ studentId: seventh!, scaleId: 'phq9', mode: 'kiosk', campaignId: cp.id }));
    expect([notIn.code, notIn.details]).toEqual(['VALIDATION', [{ path: 'studentId', reason: 'errors.campaign.notParticipant' }]]);
    const otherScale = await rejection(c.assessments.start({ studentId: s.studentId, scaleId: 'gad7', mode: 'kiosk', campaignId: cp.id }));
    expect([otherScale.code, otherScale.details]).toEqual(['VALIDATION', [{ path: 'scaleId', reason: 'errors.campaign.scaleNotInCampaign' }]]);
    const otherVersion = await rejection(c.assessments.start({ studentId: s.studentId, scaleId: 'phq9', version: '0.9.0', mode: 'kiosk', campaignId: cp.id }));
    expect([otherVersion.code, otherVersion.details]).toEqual(['VALIDATION', [{ path: 'version', reason: 'errors.campaign.otherVersion', pinned: '1.0.0' }]]);
  });

  it('marks outcomes, but never over a completed form', async () => {
    s = await counselingSchool();
    const { c } = s;
    const [a, b] = await addStudents(c, 2, 8, '3班');
    const cp = await plan(c);
    await consentAll(c, cp.id, [s.studentId, a!]);
    await phq9(c, cp.id, s.studentId, '000000000');
    // A form entered for the wrong student and voided: that student has not been screened after all.
    const mistaken = await phq9(c, cp.id, a!, '000000000');
    expect((await c.campaigns.get({ id: cp.id })).campaign.progress.done).toBe(2);
    await c.assessments.void({ formId: mistaken.id, reason: '录错学生' });
    expect(await c.campaigns.setOutcome({ id: cp.id, studentIds: [a!], outcome: 'absent', note: '病假' })).toEqual({ updated: 1 });
    expect(await c.campaigns.setOutcome({ id: cp.id, studentIds: [b!], outcome: 'declined' })).toEqual({ updated: 1 });
    const done = await rejection(c.campaigns.setOutcome({ id: cp.id, studentIds: [a!, s.studentId], outcome: 'absent' }));
    expect([done.code, done.messageKey, done.details]).toEqual(['CONFLICT', 'errors.campaign.alreadyDone', { path: 'studentIds.1', studentId: s.studentId }]);
    const stranger = await rejection(c.campaigns.setOutcome({ id: cp.id, studentIds: [cp.id], outcome: 'absent' }));
    expect([stranger.code, stranger.details]).toEqual(['VALIDATION', [{ path: 'studentIds.0', reason: 'errors.campaign.notParticipant' }]]);
    const { participants, campaign } = await c.campaigns.get({ id: cp.id });
    expect(participants.map((p) => [p.studentId, p.outcome, p.note, p.completedScales])).toEqual([
      [s.studentId, 'done', '', ['phq9']],
      [a, 'absent', '病假', []],
      [b, 'declined', '', []],
    ]);
    expect(campaign.progress).toMatchObject({ participants: 3, done: 1, absent: 1, declined: 1, pending: 0 });
    expect(JSON.stringify((await c.audit.list({ action: 'campaigns.setOutcome' })).items)).not.toContain('病假');
  });
});

describe('the paged participant list', () => {
  /** The list order the screen has always shown, computed here as the reference: grade, class, then 学号. */
  const listOrder = (a: ParticipantView, b: ParticipantView) => a.grade - b.grade || cmp(a.className, b.className) || cmp(a.studentNo, b.studentNo);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('pages in list order with the class and outcome filters, the total, the classes and the ids of a whole filter', async () => {
    s = await counselingSchool();
    const { c } = s;
    // Classes filled in turns, so 学号 order is not the list order, and 10班 sorts before 3班 as text.
    const byClass: Record<string, string[]> = { '3班': [], '10班': [], '1班': [] };
    for (let round = 0; round < 4; round++) for (const cls of ['3班', '10班', '1班']) byClass[cls]!.push(...(await addStudents(c, 1, 8, cls)));
    const seventh = await addStudents(c, 3, 7, '2班');
    const cp = await plan(c, { grades: [7, 8] });
    await consentAll(c, cp.id, [s.studentId, ...byClass['10班']!.slice(0, 2)]);
    await c.campaigns.setConsent({ id: cp.id, entries: [{ studentId: byClass['1班']![0]!, guardianConsent: 'declined' }] });
    await c.campaigns.setOutcome({ id: cp.id, studentIds: [seventh[1]!, byClass['3班']![2]!], outcome: 'absent', note: '病假' });
    await phq9(c, cp.id, byClass['10班']![1]!, '000000000');

    const whole = await c.campaigns.get({ id: cp.id, pageSize: 500 });
    expect(whole.total).toBe(16);
    expect(whole.participants.map((p) => p.studentId)).toEqual([...whole.participants].sort(listOrder).map((p) => p.studentId));
    expect(whole.classes).toEqual([
      { grade: 7, className: '2班' },
      { grade: 8, className: '10班' },
      { grade: 8, className: '1班' },
      { grade: 8, className: '3班' },
    ]);
    expect(whole.participants.find((p) => p.studentId === byClass['10班']![1])).toMatchObject({ outcome: 'done', completedScales: ['phq9'], missingScales: [] });

    // Every page of 5, joined, is the whole list; past the end is empty with the same total.
    const pages = [];
    for (let page = 1; page <= 4; page++) {
      const got = await c.campaigns.get({ id: cp.id, page, pageSize: 5 });
      expect([got.total, got.classes]).toEqual([16, whole.classes]);
      pages.push(...got.participants);
    }
    expect(pages).toEqual(whole.participants);
    expect((await c.campaigns.get({ id: cp.id, page: 5, pageSize: 5 })).participants).toEqual([]);

    const filters: Pick<InputOf<'campaigns.get'>, 'class' | 'outcome'>[] = [
      { class: { grade: 8, className: '3班' } },
      { outcome: 'absent' },
      { class: { grade: 8, className: '1班' }, outcome: 'declined' },
      { class: { grade: 9, className: '3班' } },
    ];
    for (const f of filters) {
      const expected = whole.participants.filter(
        (p) => (!f.class || (p.grade === f.class.grade && p.className === f.class.className)) && (!f.outcome || p.outcome === f.outcome),
      );
      const first = await c.campaigns.get({ id: cp.id, ...f, pageSize: 2 });
      expect([first.total, first.participants]).toEqual([expected.length, expected.slice(0, 2)]);
      expect((await c.campaigns.participantIds({ id: cp.id, ...f })).ids).toEqual(expected.map((p) => p.studentId));
    }
    expect((await c.campaigns.participantIds({ id: cp.id })).ids).toEqual(whole.participants.map((p) => p.studentId));

    // The progress counts, now grouped in SQL, against the list itself.
    const count = (pred: (p: ParticipantView) => boolean) => whole.participants.filter(pred).length;
    expect(whole.campaign.progress).toEqual({
      participants: 16,
      pending: count((p) => p.outcome === 'pending'),
      done: 1,
      declined: 1,
      absent: 2,
      consentGiven: count((p) => p.studentConsent === 'given' && p.guardianConsent === 'given'),
      consentDeclined: 1,
      consentPending: count((p) => p.studentConsent !== 'declined' && p.guardianConsent !== 'declined' && !(p.studentConsent === 'given' && p.guardianConsent === 'given')),
      triageOpen: 0,
    });
    expect(whole.campaign.progress.consentGiven).toBe(3);

    const tooBig = await rejection(c.campaigns.get({ id: cp.id, pageSize: 501 }));
    expect([tooBig.code, tooBig.details]).toMatchObject(['VALIDATION', [{ path: 'pageSize' }]]);
    const noClassName = await rejection(c.campaigns.get({ id: cp.id, class: { grade: 8 } as never }));
    expect([noClassName.code, noClassName.details]).toMatchObject(['VALIDATION', [{ path: 'class.className' }]]);
    const unknown = await rejection(c.campaigns.participantIds({ id: s.studentId }));
    expect(unknown.code).toBe('NOT_FOUND');

    // Each page read is audited with its size and the filter's total, without names.
    const reads = (await c.audit.list({ action: 'campaigns.get' })).items;
    expect(reads[0]).toMatchObject({ targetId: cp.id, details: { participants: 0, total: 0 } });
    expect(reads.map((r) => r.details)).toContainEqual({ participants: 2, total: 5 });
    expect(JSON.stringify(reads)).not.toContain('学生');
  });
});

describe('triage and the crisis hand-off', () => {
  it('puts a critical answer first before the form ends, moves entries through their states and hands an alert over to a case', async () => {
    s = await counselingSchool();
    const { c } = s;
    const [flagged, calm] = await addStudents(c, 2, 8, '3班');
    const cp = await plan(c);
    await consentAll(c, cp.id, [s.studentId, flagged!, calm!]);

    // Screen-positive first in time (total 16: band 15-19), then a critical answer on another form.
    await phq9(c, cp.id, flagged!, '222222220');
    await phq9(c, cp.id, calm!, '000000000');
    await s.later(0.5);
    const open = await phq9(c, cp.id, s.studentId, '000000001', false);
    expect(open.status).toBe('inProgress');

    const queue = (await c.campaigns.triage({ id: cp.id })).items;
    expect(queue.map((e) => [e.studentId, e.priority, e.state])).toEqual([
      [s.studentId, 'critical', 'toReview'],
      [flagged, 'flagged', 'toReview'],
    ]);
    expect(queue[0]!.reasons).toEqual([{ scaleId: 'phq9', formId: open.id, band: null, bandLabel: null, score: null, alertSeverity: 'critical' }]);
    expect(queue[1]!.reasons).toEqual([{ scaleId: 'phq9', formId: expect.any(String), band: '15-19', bandLabel: 'scales.band.review', score: 16, alertSeverity: null }]);
    expect(queue[0]).toMatchObject({ studentNo: STUDENT.studentNo, name: STUDENT.name, grade: 8, className: '3班', caseId: null, rescreenDate: null });

    // Finishing adds no lower priority and keeps the state.
    await c.campaigns.setTriage({ id: cp.id, studentId: s.studentId, state: 'interviewed', note: '已当面了解' });
    const finished = await c.assessments.finish({ formId: open.id });
    const entry = (await c.campaigns.triage({ id: cp.id, states: ['interviewed'] })).items;
    expect(entry.map((e) => [e.studentId, e.priority, e.note, e.updatedBy])).toEqual([[s.studentId, 'critical', '已当面了解', s.me]]);
    expect(entry[0]!.reasons).toEqual([{ scaleId: 'phq9', formId: open.id, band: '0-4', bandLabel: 'scales.band.clear', score: 1, alertSeverity: 'critical' }]);

    const noCase = await rejection(c.campaigns.setTriage({ id: cp.id, studentId: flagged!, state: 'caseOpened' }));
    expect([noCase.code, noCase.details]).toEqual(['VALIDATION', [{ path: 'caseId', reason: 'errors.campaign.caseRequired' }]]);
    const othersCase = await openCase(c, calm!);
    const wrongCase = await rejection(c.campaigns.setTriage({ id: cp.id, studentId: flagged!, state: 'caseOpened', caseId: othersCase.id }));
    expect([wrongCase.code, wrongCase.details]).toEqual(['VALIDATION', [{ path: 'caseId', reason: 'errors.campaign.caseNotOfStudent' }]]);
    const notFlagged = await rejection(c.campaigns.setTriage({ id: cp.id, studentId: calm!, state: 'noConcern' }));
    expect([notFlagged.code, notFlagged.details]).toMatchObject(['NOT_FOUND', { path: 'studentId' }]);
    const ownCase = await openCase(c, flagged!);
    expect(await c.campaigns.setTriage({ id: cp.id, studentId: flagged!, state: 'caseOpened', caseId: ownCase.id })).toMatchObject({ state: 'caseOpened', caseId: ownCase.id });
    expect(await c.campaigns.setTriage({ id: cp.id, studentId: flagged!, state: 'referred' })).toMatchObject({ state: 'referred', caseId: ownCase.id, note: '' });

    const critical = finished.alerts.find((a) => a.alertId === 'phq9_item9')!;
    const handed = await c.alerts.openCrisisCase({ id: critical.id, note: '已联系家长' });
    expect(handed.alert).toMatchObject({ action: 'crisisCase', acknowledgedBy: s.me, note: '已联系家长', caseId: handed.caseId });
    const crisis = await c.cases.get({ id: handed.caseId });
    expect(crisis).toMatchObject({ studentId: s.studentId, source: 'screening', categories: ['crisis'], sourceNote: 'PHQ-9 第 9 题', counselorId: s.me, status: 'open' });
    const after = (await c.campaigns.triage({ id: cp.id })).items[0]!;
    expect(after).toMatchObject({ studentId: s.studentId, state: 'caseOpened', caseId: handed.caseId, note: '已当面了解' });
    expect((await c.alerts.open({})).items).toEqual([]);
    const twice = await rejection(c.alerts.openCrisisCase({ id: critical.id }));
    expect([twice.code, twice.messageKey]).toEqual(['CONFLICT', 'errors.alert.acknowledged']);

    const audit = (await c.audit.list({ action: 'alerts.openCrisisCase' })).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: 'alert', targetId: critical.id, details: { caseId: handed.caseId, campaignId: cp.id, studentId: s.studentId } });
    const logged = JSON.stringify((await c.audit.list({ pageSize: 200 })).items.filter((r) => /^(campaigns|alerts|assessments)\./.test(r.action)));
    expect(logged).not.toContain('已联系家长');
    expect(logged).not.toContain('已当面了解');
    expect(logged).not.toContain(STUDENT.name);
  });

  it('schedules a re-screen of flagged students with their consent, shown on the original triage entry', async () => {
    s = await counselingSchool();
    const { c } = s;
    const [calm] = await addStudents(c, 1, 8, '3班');
    const cp = await plan(c, { scales: [{ scaleId: 'phq9' }, { scaleId: 'gad7' }] });
    await consentAll(c, cp.id, [s.studentId, calm!]);
    await phq9(c, cp.id, s.studentId, '222222220');
    await phq9(c, cp.id, calm!, '000000000');

    const bad = await rejection(c.campaigns.rescreen({ id: cp.id, studentIds: [s.studentId, calm!], name: '复测', startDate: '2025-04-10', endDate: '2025-04-01' }));
    expect([bad.code, bad.details]).toEqual([
      'VALIDATION',
      [
        { path: 'endDate', reason: 'errors.campaign.endBeforeStart' },
        { path: 'studentIds.1', reason: 'errors.campaign.notInTriage' },
      ],
    ]);
    const re = await c.campaigns.rescreen({ id: cp.id, studentIds: [s.studentId], name: '四月复测', startDate: '2025-04-10', endDate: '2025-04-12' });
    expect(re).toMatchObject({ rescreenOf: cp.id, grades: [8], status: 'planned', scales: [{ scaleId: 'phq9', version: '1.0.0' }, { scaleId: 'gad7', version: '1.0.0' }] });
    expect(re.progress).toMatchObject({ participants: 1, consentGiven: 1 });
    expect((await c.campaigns.get({ id: re.id })).participants.map((p) => [p.studentId, p.studentConsent, p.guardianConsent, p.outcome])).toEqual([
      [s.studentId, 'given', 'given', 'pending'],
    ]);
    expect((await c.campaigns.triage({ id: cp.id })).items[0]).toMatchObject({ studentId: s.studentId, rescreenDate: '2025-04-10' });
  });
});

describe('the order of the triage queue', () => {
  it('puts priority first, then the severest (band, then score), then the longest waiting', async () => {
    s = await counselingSchool();
    const { c } = s;
    const [a, b, cc, d, e] = await addStudents(c, 5, 8, '3班');
    const cp = await plan(c);
    await consentAll(c, cp.id, [a!, b!, cc!, d!, e!]);
    // In the order flagged: review 16, critical with a clear band, priority review 21, review 17, critical at 21.
    for (const [id, codes] of [[a, '222222220'], [d, '000000001'], [b, '333333300'], [cc, '332222210'], [e, '333322221']] as const) {
      await phq9(c, cp.id, id!, codes);
      await s.later(0.1);
    }
    const queue = (await c.campaigns.triage({ id: cp.id })).items;
    expect(queue.map((x) => [x.studentId, x.priority, x.reasons[0]!.score])).toEqual([
      [e, 'critical', 21],
      [d, 'critical', 1],
      // A total of 20 or more raises an alert of its own: ahead of the screen-positive.
      [b, 'alert', 21],
      [cc, 'flagged', 17],
      [a, 'flagged', 16],
    ]);
  });
});

describe('rescoring', () => {
  it('scores a completed form again as a derived form and leaves the original as it was', async () => {
    s = await counselingSchool();
    const { c } = s;
    const cp = await plan(c);
    await consentAll(c, cp.id, [s.studentId]);
    const inProgress = await c.assessments.start({ studentId: s.studentId, scaleId: 'phq9', mode: 'paper', campaignId: cp.id });
    const early = await rejection(c.assessments.rescore({ formId: inProgress.id }));
    expect([early.code, early.messageKey]).toEqual(['CONFLICT', 'errors.assessment.notCompleted']);
    await c.assessments.void({ formId: inProgress.id, reason: '录入错误' });

    const original = await phq9(c, cp.id, s.studentId, '111111221');
    expect(original.alerts.map((a) => a.alertId)).toEqual(['phq9_item9']);
    const same = await rejection(c.assessments.rescore({ formId: original.id }));
    expect([same.code, same.messageKey]).toEqual(['CONFLICT', 'errors.assessment.rescoreSame']);
    const unknown = await rejection(c.assessments.rescore({ formId: original.id, normProfileId: 'nope' }));
    expect([unknown.code, unknown.details]).toEqual(['VALIDATION', [{ path: 'normProfileId', reason: 'errors.scale.unknownNormProfile', id: 'nope' }]]);

    await s.later(0.2);
    const derived = await c.assessments.rescore({ formId: original.id, normProfileId: 'adolescent-11' });
    expect(derived).toMatchObject({
      derivedFrom: original.id,
      campaignId: cp.id,
      studentId: s.studentId,
      date: original.date,
      mode: 'paper',
      status: 'completed',
      answers: original.answers,
      alerts: [],
    });
    expect(derived.id).not.toBe(original.id);
    expect(derived.result!.normProfileId).toBe('adolescent-11');
    // Total 11: under the default bands 10-14, under the adolescent cut-off 11-14.
    expect([original.result!.scales[0]!.band, derived.result!.scales[0]!.band]).toEqual(['10-14', '11-14']);
    expect(await c.assessments.get({ formId: original.id })).toEqual(original);
    expect((await c.alerts.open({})).items.map((a) => a.formId)).toEqual([original.id]);
    expect((await c.audit.list({ action: 'assessments.rescore' })).items[0]).toMatchObject({ targetId: derived.id, details: { derivedFrom: original.id, alerts: [] } });
    // The triage reason follows the latest result and keeps the alert its origin raised.
    expect((await c.campaigns.triage({ id: cp.id })).items[0]!.reasons).toEqual([
      { scaleId: 'phq9', formId: derived.id, band: '11-14', bandLabel: 'scales.band.attention', score: expect.any(Number), alertSeverity: 'critical' },
    ]);
  });
});

describe('the summary', () => {
  it('counts by grade and band: exact for a counselor, small cells withheld for a principal', async () => {
    s = await counselingSchool();
    const { c } = s;
    const eighth = [s.studentId, ...(await addStudents(c, 7, 8, '3班'))];
    const seventh = await addStudents(c, 2, 7, '1班');
    const cp = await plan(c, { grades: [7, 8] });
    await consentAll(c, cp.id, [...eighth, ...seventh]);
    // Grade 8: six clear, one in 5-9, one absent. Grade 7: one clear, one declined.
    for (const id of eighth.slice(0, 6)) await phq9(c, cp.id, id, '000000000');
    const first = await phq9(c, cp.id, eighth[6]!, '111111220');
    // Only the latest valid form counts: a later one replaces the earlier band.
    await c.assessments.void({ formId: first.id, reason: '重复录入' });
    await phq9(c, cp.id, eighth[6]!, '111111000');
    await c.campaigns.setOutcome({ id: cp.id, studentIds: [eighth[7]!], outcome: 'absent' });
    await phq9(c, cp.id, seventh[0]!, '000000000');
    await c.campaigns.setOutcome({ id: cp.id, studentIds: [seventh[1]!], outcome: 'declined' });

    const exact = await c.campaigns.summary({ id: cp.id });
    expect(exact.campaign).toEqual({ id: cp.id, name: PLAN.name, startDate: PLAN.startDate, endDate: PLAN.endDate, status: 'active' });
    expect(exact.grades).toEqual([
      { grade: 7, participants: 2, done: 1, declined: 1, absent: 0, pending: 0 },
      { grade: 8, participants: 8, done: 7, declined: 0, absent: 1, pending: 0 },
    ]);
    const [scale] = exact.scales;
    expect(scale!.scaleId).toBe('phq9');
    expect(scale!.bands.map((b) => b.code)).toEqual(['0-4', '5-9', '10-14', '15-19', '20-27']);
    expect(scale!.bands[0]!.labelKey).toBe('scales.band.clear');
    const counts = (g: NonNullable<typeof scale>['byGrade'][number]) => [g.grade, ...g.counts.map((x) => x.count), g.invalid];
    expect(scale!.byGrade.map(counts)).toEqual([
      [7, 1, 0, 0, 0, 0, 0],
      [8, 6, 1, 0, 0, 0, 0],
    ]);

    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    const withheld = await principal.client.campaigns.summary({ id: cp.id });
    // The principal has no scale library: the summary names its scales itself, never by id.
    expect(withheld.scales.map((x) => x.title['zh-CN'])).toEqual(['患者健康问卷-9（PHQ-9）']);
    expect(withheld.grades).toEqual([
      { grade: 7, participants: null, done: null, declined: null, absent: 0, pending: 0 },
      { grade: 8, participants: 8, done: null, declined: 0, absent: null, pending: 0 },
    ]);
    expect(withheld.scales[0]!.byGrade.map(counts)).toEqual([
      [7, null, 0, 0, 0, 0, 0],
      [8, null, null, 0, 0, 0, 0],
    ]);
    const [mine] = (await c.campaigns.list({})).items;
    expect(mine!.progress).toMatchObject({ participants: 10, pending: 0, done: 8, declined: 1, absent: 1, consentGiven: 10, consentDeclined: 0 });
    const listed = (await principal.client.campaigns.list({})).items;
    expect(listed.map((x) => x.id)).toEqual([cp.id]);
    // The same campaign for a principal: no note, and the ones who declined or were absent not countable.
    expect(listed[0]!.note).toBe('');
    expect(listed[0]!.scales).toEqual([{ scaleId: 'phq9', version: '1.0.0', title: { 'zh-CN': '患者健康问卷-9（PHQ-9）', en: 'Patient Health Questionnaire-9 (PHQ-9)' } }]);
    expect(listed[0]!.progress).toMatchObject({ participants: 10, pending: 0, done: 8, declined: null, absent: null, consentGiven: 10, consentPending: 0, consentDeclined: 0 });
    for (const m of [principal.client.campaigns.get({ id: cp.id }), principal.client.campaigns.triage({ id: cp.id })]) {
      expect((await rejection(m)).code).toBe('FORBIDDEN');
    }
  });
});
