import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES, type CounselClient } from '../../shared/api/contract';
import { colleague, counselingSchool, filledDraft, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';
import { SPRING } from '../helpers/schedule';
import { completePhq9, consentToTesting, phq9Codes } from '../helpers/screening';

let s: CounselingSchool;
afterEach(async () => {
  await s?.t.cleanup();
});

/** Hours from the test clock's start (Wed 2025-03-12 10:00) to 10:00 on a date. */
const hoursUntil = (date: string) => (Date.parse(`${date}T02:00:00Z`) - Date.UTC(2025, 2, 12, 2, 0)) / 3_600_000;

/**
 * The spring term with 清明 (Fri 4 April) off, and the May Day holidays with Sunday 27 April worked
 * as a Monday (调休).
 */
async function springCalendar(c: CounselClient) {
  await c.calendar.saveTerm(SPRING);
  await c.calendar.saveSpecialDay({ date: '2025-04-04', kind: 'holiday', name: '清明节' });
  await c.calendar.saveSpecialDay({ date: '2025-04-27', kind: 'makeupWorkday', followsWeekday: 1, name: '劳动节调休' });
  for (const date of ['2025-05-01', '2025-05-02', '2025-05-05']) await c.calendar.saveSpecialDay({ date, kind: 'holiday', name: '劳动节' });
}

const dueOf = (d: { steps: { step: string; dueOn: string }[] }) => Object.fromEntries(d.steps.map((x) => [x.step, x.dueOn]));
const overdueOf = (d: { steps: { step: string; overdue: boolean }[] }) => d.steps.filter((x) => x.overdue).map((x) => x.step);

/** Every key of every object an output schema can produce. */
function outputKeys(schema: z.ZodType, out = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[] } } })._zod.def;
  if (def.type === 'object') for (const [k, v] of Object.entries(def.shape!)) outputKeys(v, out.add(k));
  if (def.type === 'array') outputKeys(def.element!, out);
  if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default') outputKeys(def.innerType!, out);
  if (def.type === 'union') for (const o of def.options!) outputKeys(o, out);
  return out;
}

describe('crisis cases: due dates on the school calendar', () => {
  it('counts each step’s deadline in working days from the tier, past weekends, holidays and 调休 days', async () => {
    s = await counselingSchool();
    const { c } = s;
    await springCalendar(c);
    await s.later(hoursUntil('2025-04-03')); // a Thursday; Friday is 清明
    const red = await c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'red', reason: '班主任反映学生流露轻生念头' });
    // Same school day for the guardian; "one working day" skips the holiday and the weekend.
    expect(dueOf(red)).toEqual({ assess: '2025-04-03', family: '2025-04-03', pairing: '2025-04-07', intervention: '2025-04-07', peer: '2025-04-08', referral: '2025-04-08' });
    expect(red).toMatchObject({ tier: 'red', status: 'open', source: 'teacher', studentName: STUDENT.name, className: STUDENT.className });
    expect(red.steps.every((x) => x.state === 'open' && x.ownerId === s.me)).toBe(true);

    // Opened on the Friday before May Day: the 调休 Sunday is a working day, the holidays are not
    // (orange: the peer watch's five working days are 27, 28, 29, 30 April and 6 May).
    await s.later(hoursUntil('2025-04-25') - hoursUntil('2025-04-03'));
    const other = await c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红' });
    const orange = await c.crisis.open({ studentId: other.id, source: 'guardian', tier: 'orange', reason: '家长反映情绪低落' });
    expect(dueOf(orange)).toMatchObject({ assess: '2025-04-27', family: '2025-04-27', intervention: '2025-04-28', pairing: '2025-04-29', peer: '2025-05-06' });

    // Tier rules are settings: a school that gives yellow cases three days for everything.
    const rules = await c.crisis.rules({});
    await c.crisis.updateRules({ ...rules, yellow: { ...rules.yellow, dueDays: { assess: 3, pairing: 3, intervention: 3, peer: 3, family: 3, referral: 3 } } });
    const third = await c.students.create({ ...STUDENT, studentNo: '20240103', name: '王小刚' });
    const yellow = await c.crisis.open({ studentId: third.id, source: 'selfReport', tier: 'yellow', reason: '自述压力大' });
    expect(new Set(Object.values(dueOf(yellow)))).toEqual(new Set(['2025-04-29'])); // 27 (调休), 28, 29

    // The case's 来源, from the shared list: a teacher's and a guardian's report keep who reported, a student's own is 危机跟进.
    const sources = await Promise.all([red, orange, yellow].map(async (k) => (await c.cases.get({ id: k.caseId })).source));
    expect(sources).toEqual(['teacherReferral', 'guardianReferral', 'crisis']);
  });

  it('calls a step overdue only once its due working day has passed', async () => {
    s = await counselingSchool();
    const { c } = s;
    await springCalendar(c);
    await s.later(hoursUntil('2025-04-03'));
    const k = await c.crisis.open({ studentId: s.studentId, source: 'peer', tier: 'red', reason: '同学报告' });
    await c.crisis.updateStep({ caseId: k.caseId, step: 'assess', state: 'done' });
    await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'guardianNotice', date: '2025-04-03', who: '父亲 张大山', channel: 'phone', response: '当晚到校' } });
    await c.crisis.updateStep({ caseId: k.caseId, step: 'family', state: 'done' });
    expect(await c.crisis.redOverdue({})).toEqual({ steps: 0, cases: 0 });

    // The holiday and the weekend: nothing is late yet, whatever the calendar days say.
    for (const day of ['2025-04-04', '2025-04-05', '2025-04-06', '2025-04-07']) {
      await s.later(24);
      expect(overdueOf(await c.crisis.get({ caseId: k.caseId })), day).toEqual([]);
    }
    await s.later(24); // Tuesday 8 April
    expect(overdueOf(await c.crisis.get({ caseId: k.caseId }))).toEqual(['pairing', 'intervention']);
    expect(await c.crisis.redOverdue({})).toEqual({ steps: 2, cases: 1 });
    const board = await c.crisis.board({});
    expect(board).toMatchObject({ today: '2025-04-08', overdue: 2, dueToday: 2 });
    expect(board.items[0]).toMatchObject({ caseId: k.caseId, overdueSteps: 2, nextDueOn: '2025-04-07' });
  });
});

describe('crisis cases from a screening alert', () => {
  it('opens a red case with its source alert, the assessment step done, in the same call', async () => {
    s = await counselingSchool();
    const { c } = s;
    await consentToTesting(c, s.studentId);
    const done = await completePhq9(c, { studentId: s.studentId }, phq9Codes(12, 2));
    const alert = done.alerts.find((a) => a.severity === 'critical')!;
    const { caseId } = await c.alerts.openCrisisCase({ id: alert.id, note: '已电话联系家长' });
    const k = await c.crisis.get({ caseId });
    expect(k).toMatchObject({ tier: 'red', source: 'screening', reason: '已电话联系家长', sourceAlert: { id: alert.id, scaleId: 'phq9', severity: 'critical' } });
    expect(k.steps.find((x) => x.step === 'assess')).toMatchObject({ state: 'done', doneOn: '2025-03-12' });
    expect(await c.cases.get({ id: caseId })).toMatchObject({ categories: ['crisis'], status: 'open' });

    // The first intervention the next day: one day from alert to intervention.
    await s.later(24);
    await c.crisis.addEntry({ caseId, entry: { kind: 'plan', date: '2025-03-13', goals: '确保安全，稳定情绪', actions: '每日面谈', frequency: '每日一次' } });
    expect((await c.crisis.summary({})).medianDaysToFirstIntervention).toBe(1);

    // The archive shows what was written into the steps.
    const { items } = await c.archive.timeline({ studentId: s.studentId, kinds: ['crisisStep'] });
    expect(items).toEqual([expect.objectContaining({ kind: 'crisisStep', caseId, date: '2025-03-13', tags: ['step:intervention', 'entry:plan'], excerpt: '确保安全，稳定情绪' })]);

    // A signed notice and a return decision are codes: tags the screen names, not text.
    await c.crisis.addEntry({ caseId, entry: { kind: 'informedNotice', date: '2025-03-13', outcome: 'signed' } });
    await c.crisis.addEntry({ caseId, entry: { kind: 'returnReview', date: '2025-03-13', decision: 'returnsWithSupport', followUpPlan: '每周随访' } });
    const coded = (await c.archive.timeline({ studentId: s.studentId, kinds: ['crisisStep'] })).items.filter((e) => e.tags.includes('entry:informedNotice') || e.tags.includes('entry:returnReview'));
    expect(coded.map((e) => [e.tags, e.excerpt])).toEqual(
      expect.arrayContaining([
        [['step:family', 'entry:informedNotice', 'noticeOutcome:signed'], ''],
        [['step:referral', 'entry:returnReview', 'returnDecision:returnsWithSupport'], '每周随访'],
      ]),
    );
  });
});

describe('crisis cases: who sees what', () => {
  it('gives a principal counts only, without a student field anywhere, and refuses everything else', async () => {
    s = await counselingSchool();
    const { c } = s;
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    await c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'red', reason: '班主任报告' });
    await c.crisisPlan.save({ version: '2025版', effectiveOn: '2025-03-01', text: '一、发现与报告……' });

    const forPrincipal = METHOD_NAMES.filter((n) => /^(crisis|referralPartners|peerSupporters|crisisPlan)\./.test(n) && (contract[n].roles as readonly string[]).includes('principal'));
    expect(forPrincipal).toEqual(['crisis.summary', 'crisisPlan.current']);
    for (const n of forPrincipal) {
      const keys = [...outputKeys(contract[n].output)];
      expect(keys.filter((k) => /student|name|case|id$|text|reason/i.test(k)), n).toEqual([]);
    }
    // One red case: a count that could point at a student is withheld, and so is the median.
    expect(await principal.client.crisis.summary({})).toEqual({
      byTier: [
        { tier: 'red', count: null },
        { tier: 'orange', count: 0 },
        { tier: 'yellow', count: 0 },
      ],
      overdueSteps: 0,
      medianDaysToFirstIntervention: null,
    });
    expect(await principal.client.crisisPlan.current({})).toEqual({ version: '2025版', effectiveOn: '2025-03-01', savedAt: expect.any(Number) });
    for (const call of [
      () => principal.client.crisis.board({}),
      () => principal.client.crisis.redOverdue({}),
      () => principal.client.referralPartners.list({}),
      () => principal.client.peerSupporters.list({}),
      () => principal.client.crisisPlan.get({}),
    ]) {
      expect((await rejection(call())).code).toBe('FORBIDDEN');
    }
    expect((await c.crisis.summary({})).byTier[0]).toEqual({ tier: 'red', count: 1 });
  });
});

describe('crisis cases: bad input and closing', () => {
  it('names the field of every refusal and changes nothing', async () => {
    s = await counselingSchool();
    const { c } = s;
    const k = await c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'orange', reason: '班主任报告' });
    const detailsOf = async (p: Promise<unknown>) => {
      const e = await rejection(p);
      return [e.code, (e.details as { path: string; reason: string }[]).map((d) => `${d.path} ${d.reason}`)];
    };
    expect(await detailsOf(c.crisis.updateStep({ caseId: k.caseId, step: 'pairing', dueOn: '2025-03-11' }))).toEqual(['VALIDATION', ['dueOn errors.crisis.dueInPast']]);
    expect(await detailsOf(c.crisis.updateStep({ caseId: k.caseId, step: 'peer', state: 'notApplicable' }))).toEqual(['VALIDATION', ['reason errors.crisis.reasonRequired']]);
    const noPartner = await rejection(c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'referral', date: '2025-03-12', reason: '' } as never }));
    expect([noPartner.code, (noPartner.details as { path: string }[]).map((d) => d.path)]).toEqual(['VALIDATION', ['entry.partnerId']]);
    expect(await detailsOf(c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'checkIn', date: '2025-03-13', channel: 'phone', observed: '', concerns: '' } }))).toEqual([
      'VALIDATION',
      ['entry.date errors.field.futureDate'],
    ]);

    const partner = await c.referralPartners.save({ name: '市精神卫生中心', department: '儿少心理科', contact: '0571-00000000', agreementOnFile: true });
    const referred = await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'referral', date: '2025-03-12', partnerId: partner.id, reason: '评估需要' } });
    const referralId = referred.entries.find((e) => e.kind === 'referral')!.id;
    expect(referred.entries.find((e) => e.kind === 'referral')).toMatchObject({ refLabel: '市精神卫生中心 儿少心理科' });
    expect(await detailsOf(c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'feedback', date: '2025-03-11', referralId, words: '建议门诊随访' } }))).toEqual([
      'VALIDATION',
      ['entry.date errors.crisis.beforeOpened'],
    ]);

    // A peer supporter from another class.
    const classmate = await c.students.create({ ...STUDENT, studentNo: '20240110', name: '同班委员' });
    const elsewhere = await c.students.create({ ...STUDENT, studentNo: '20240111', name: '外班委员', className: '5班' });
    const inClass = await c.peerSupporters.save({ studentId: classmate.id, since: '2024-09-01' });
    const outOfClass = await c.peerSupporters.save({ studentId: elsewhere.id, since: '2024-09-01' });
    expect(await detailsOf(c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'peerAssigned', date: '2025-03-12', peerId: outOfClass.id } }))).toEqual([
      'VALIDATION',
      ['entry.peerId errors.crisis.peerOtherClass'],
    ]);
    await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'peerAssigned', date: '2025-03-12', peerId: inClass.id } });

    // Feedback dated before its referral.
    await s.later(48);
    const second = await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'referral', date: '2025-03-14', partnerId: partner.id, reason: '复诊' } });
    const laterReferral = second.entries.filter((e) => e.kind === 'referral')[1]!.id;
    expect(await detailsOf(c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'feedback', date: '2025-03-13', referralId: laterReferral, words: '建议门诊随访' } }))).toEqual([
      'VALIDATION',
      ['entry.date errors.crisis.beforeReferral'],
    ]);
    const after = await c.crisis.get({ caseId: k.caseId });
    expect(after.entries.map((e) => e.kind)).toEqual(['referral', 'peerAssigned', 'referral']);
  });

  it('closes only with a reason per open step and, for red, a review; audits every change with its previous value', async () => {
    s = await counselingSchool();
    const { c } = s;
    const k = await c.crisis.open({ studentId: s.studentId, source: 'guardian', tier: 'orange', reason: '家长反映' });
    await c.crisis.setTier({ caseId: k.caseId, tier: 'red', reason: '再次出现自伤行为' });
    await c.crisis.setStatus({ caseId: k.caseId, status: 'monitoring', reason: '情绪趋稳' });
    await c.crisis.updateStep({ caseId: k.caseId, step: 'family', state: 'done' });
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    await c.crisis.updateStep({ caseId: k.caseId, step: 'pairing', ownerId: zhao.id, dueOn: '2025-03-20', reason: '由赵老师负责结对' });
    const ownerAudit = (await c.audit.list({ action: 'crisis.updateStep' })).items[0]!;
    expect(ownerAudit.details).toMatchObject({
      changes: [
        { step: 'pairing', field: 'owner', from: s.me, to: zhao.id },
        { step: 'pairing', field: 'dueOn', to: '2025-03-20' },
      ],
    });

    // The case's own 结案 would skip these rules.
    const plain = await rejection(c.cases.close({ id: k.caseId, closingSummary: '结案' }));
    expect([plain.code, plain.messageKey]).toEqual(['CONFLICT', 'errors.crisis.closeThroughCrisis']);
    const missing = await rejection(c.crisis.close({ caseId: k.caseId, reason: '稳定，结案' }));
    expect([missing.code, (missing.details as { path: string }[]).map((d) => d.path)]).toEqual([
      'VALIDATION',
      ['stepReasons.assess', 'stepReasons.pairing', 'stepReasons.intervention', 'stepReasons.peer', 'stepReasons.referral'],
    ]);
    const stepReasons = { assess: '已在会谈中评估', pairing: '班主任承担', intervention: '已完成', peer: '学生不同意', referral: '无需转介' };
    const noReview = await rejection(c.crisis.close({ caseId: k.caseId, reason: '稳定，结案', stepReasons }));
    expect([noReview.code, noReview.details]).toEqual(['VALIDATION', [{ path: 'caseId', reason: 'errors.crisis.redNeedsReview' }]]);
    expect((await c.crisis.get({ caseId: k.caseId })).status).toBe('monitoring');

    await c.crisis.addReview({ caseId: k.caseId, date: '2025-03-12', attendees: '心理教师、班主任、分管校长', decision: '风险下降，可以结案', nextReviewOn: null });
    const closed = await c.crisis.close({ caseId: k.caseId, reason: '稳定，结案', stepReasons });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2025-03-12', closedReason: '稳定，结案', reviewDueOn: null });
    expect(closed.steps.map((x) => [x.step, x.state, x.stateReason])).toEqual([
      ['assess', 'notApplicable', '已在会谈中评估'],
      ['pairing', 'notApplicable', '班主任承担'],
      ['intervention', 'notApplicable', '已完成'],
      ['peer', 'notApplicable', '学生不同意'],
      ['family', 'done', ''],
      ['referral', 'notApplicable', '无需转介'],
    ]);
    expect((await c.cases.get({ id: k.caseId })).status).toBe('closed');
    expect((await rejection(c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'note', step: 'family', date: '2025-03-12', text: '补记' } }))).code).toBe('CONFLICT');

    // Every change of tier, state and status is kept with the value before it, and audited so.
    expect(closed.history.filter((h) => h.field !== 'state').map((h) => [h.field, h.from, h.to])).toEqual([
      ['tier', 'orange', 'red'],
      ['status', 'open', 'monitoring'],
      ['owner', '王老师', '赵老师'],
      ['dueOn', expect.any(String), '2025-03-20'],
      ['status', 'monitoring', 'closed'],
    ]);
    expect(closed.history.filter((h) => h.field === 'state').map((h) => `${h.step}:${h.from}→${h.to}`)).toEqual([
      'family:open→done',
      'assess:open→notApplicable',
      'pairing:open→notApplicable',
      'intervention:open→notApplicable',
      'peer:open→notApplicable',
      'referral:open→notApplicable',
    ]);
    // The referral export: the whole case with the name, in one audited call.
    const exported = await c.crisis.referralExport({ caseId: k.caseId, confirmed: true });
    expect(exported).toMatchObject({ schoolName: '示例市第一中学', crisis: { studentName: STUDENT.name, status: 'closed', reviews: [expect.objectContaining({ decision: '风险下降，可以结案' })] } });
    expect((await c.audit.list({ action: 'crisis.referralExport' })).items[0]).toMatchObject({ targetId: k.caseId, details: { purpose: 'referral', studentId: s.studentId } });
    expect((await rejection(c.crisis.referralExport({ caseId: k.caseId, confirmed: false } as never))).code).toBe('VALIDATION');
    const audit = await c.audit.list({ action: 'crisis.setTier' });
    expect(audit.items[0]).toMatchObject({ targetId: k.caseId, details: { field: 'tier', from: 'orange', to: 'red' } });
    const status = await c.audit.list({ action: 'crisis.close' });
    expect(status.items[0]!.details).toMatchObject({ from: 'monitoring', to: 'closed' });
  });
});

describe('crisis cases and the confidentiality exception', () => {
  it('lets the guardian notice of 家校协同 stand as the disclosure a risk-of-harm session record needs before signing', async () => {
    s = await counselingSchool();
    const { c } = s;
    const k = await c.crisis.open({ studentId: s.studentId, source: 'session', tier: 'red', reason: '会谈中透露自伤想法' });
    const draft = await filledDraft(c, k.caseId, { riskOfHarm: 'self' });
    const refused = await rejection(c.records.sign({ id: draft.id, revision: draft.revision }));
    expect([refused.code, refused.messageKey]).toEqual(['CONFLICT', 'errors.record.disclosureRequired']);
    await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'guardianNotice', date: '2025-03-12', who: '父亲 张大山', channel: 'phone', response: '当天到校' } });
    expect(await c.records.sign({ id: draft.id, revision: draft.revision })).toMatchObject({ signedAt: expect.any(Number) });
  });
});

describe('the registers the steps draw on', () => {
  it('keeps partners and supporters (made inactive, never deleted), one class report per week, and every version of the procedure', async () => {
    s = await counselingSchool();
    const { c } = s;
    const partner = await c.referralPartners.save({ name: '区精神卫生中心' });
    await c.referralPartners.save({ id: partner.id, name: '区精神卫生中心', active: false });
    expect((await c.referralPartners.list({})).items).toEqual([]);
    expect((await c.referralPartners.list({ includeInactive: true })).items).toEqual([expect.objectContaining({ id: partner.id, active: false })]);
    const k = await c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'yellow', reason: '观察' });
    const inactive = await rejection(c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'referral', date: '2025-03-12', partnerId: partner.id, reason: '' } }));
    expect(inactive.details).toEqual([{ path: 'entry.partnerId', reason: 'errors.crisis.partnerInactive' }]);

    const peer = await c.peerSupporters.save({ studentId: s.studentId, since: '2024-09-01' });
    expect(peer).toMatchObject({ studentName: STUDENT.name, className: STUDENT.className, active: true });
    expect((await rejection(c.peerSupporters.save({ studentId: s.studentId, since: '2024-09-01' }))).details).toEqual([{ path: 'studentId', reason: 'errors.crisis.peerExists' }]);
    await c.peerSupporters.addWeather({ peerId: peer.id, weekOf: '2025-03-12', weather: 'someConcern', note: '期中考试前普遍紧张' });
    expect((await rejection(c.peerSupporters.addWeather({ peerId: peer.id, weekOf: '2025-03-10', weather: 'calm' }))).code).toBe('CONFLICT');
    expect((await c.peerSupporters.weather({ weekOf: '2025-03-16' })).items).toEqual([
      expect.objectContaining({ weekOf: '2025-03-10', weather: 'someConcern', className: STUDENT.className }),
    ]);

    expect(await c.crisisPlan.current({})).toBeNull();
    await c.crisisPlan.save({ version: 'v1', effectiveOn: '2024-09-01', text: '第一版' });
    await c.crisisPlan.save({ version: 'v2', effectiveOn: '2025-09-01', text: '下学期起施行' });
    expect(await c.crisisPlan.current({})).toMatchObject({ version: 'v1' });
    expect((await rejection(c.crisisPlan.save({ version: 'v1', effectiveOn: '2025-03-01', text: '改写' }))).code).toBe('CONFLICT');
    expect((await c.crisisPlan.get({})).versions.map((v) => v.version)).toEqual(['v2', 'v1']);
  });
});
