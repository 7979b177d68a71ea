import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { colleague, counselingSchool, openCase, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';
import { openRaw } from '../helpers/raw-db';
import { openRoom } from '../helpers/schedule';
import { completePhq9, consentToTesting, phq9Codes } from '../helpers/screening';

let s: CounselingSchool;
afterEach(async () => {
  await s?.t.cleanup();
});

/** A refusal as its code and each detail's path and reason. */
async function refusal(p: Promise<unknown>) {
  const e = await rejection(p);
  return [e.code, Array.isArray(e.details) ? (e.details as { path: string; reason: string }[]).map((d) => `${d.path} ${d.reason}`) : e.messageKey];
}

const CRISIS = { source: 'session', tier: 'red', reason: '会谈中流露轻生念头' } as const;

describe('opening a case of category crisis by hand', () => {
  it('makes it a real crisis case with its details and six steps, and never a bare one', async () => {
    s = await counselingSchool();
    const { c } = s;
    const before = (await c.cases.list({})).total;

    // Without the crisis details, for a staff member, or details without the category: refused by field.
    expect(await refusal(openCase(c, s.studentId, { categories: ['crisis'] }))).toEqual(['VALIDATION', ['crisis errors.case.crisisDetailsRequired']]);
    expect(await refusal(c.cases.open({ clientKind: 'staff', clientLabel: '教师', source: 'walkIn', categories: ['crisis'], crisis: CRISIS }))).toEqual([
      'VALIDATION',
      ['clientKind errors.case.crisisNotStudent'],
    ]);
    expect(await refusal(openCase(c, s.studentId, { categories: ['emotion'], crisis: CRISIS }))).toEqual(['VALIDATION', ['crisis errors.case.crisisWithoutCategory']]);
    expect((await rejection(openCase(c, s.studentId, { categories: ['crisis'], crisis: { ...CRISIS, reason: '' } }))).details).toEqual([
      expect.objectContaining({ path: 'crisis.reason' }),
    ]);
    expect((await c.cases.list({})).total).toBe(before);

    // From a session, in a colleague's charge: the steps are theirs, due by the red tier from today.
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    const opened = await openCase(c, s.studentId, { categories: ['crisis', 'emotion'], counselorId: zhao.id, crisis: CRISIS });
    expect(opened).toMatchObject({ categories: ['emotion', 'crisis'], counselorId: zhao.id, status: 'open' });
    const k = await c.crisis.get({ caseId: opened.id });
    expect(k).toMatchObject({ source: 'session', tier: 'red', reason: '会谈中流露轻生念头', status: 'open', counselorId: zhao.id, openedOn: '2025-03-12' });
    expect(k.steps.map((x) => [x.step, x.ownerId, x.state])).toEqual(['assess', 'pairing', 'intervention', 'peer', 'family', 'referral'].map((step) => [step, zhao.id, 'open']));
    // Red: the guardian the same school day (Wednesday 12 March), the peer watch in two working days.
    expect(Object.fromEntries(k.steps.map((x) => [x.step, x.dueOn]))).toMatchObject({ family: '2025-03-12', intervention: '2025-03-13', peer: '2025-03-14' });
    expect((await c.crisis.board({})).items.map((i) => i.caseId)).toEqual([opened.id]);
    const audit = (await c.audit.list({ action: 'cases.open' })).items[0]!;
    expect(audit.details).toMatchObject({ studentId: s.studentId, counselorId: zhao.id, tier: 'red', source: 'session' });

    // The category is fixed afterwards: neither added to a plain case nor taken off a crisis case.
    const plain = await openCase(c, s.studentId, { categories: ['study'] });
    expect(await refusal(c.cases.update({ id: plain.id, categories: ['study', 'crisis'] }))).toEqual(['VALIDATION', ['categories errors.case.crisisCategoryFixed']]);
    expect(await refusal(c.cases.update({ id: opened.id, categories: ['emotion'] }))).toEqual(['VALIDATION', ['categories errors.case.crisisCategoryFixed']]);
    expect((await c.cases.update({ id: opened.id, categories: ['crisis', 'family'] })).categories).toEqual(['family', 'crisis']);
  });
});

describe('a crisis case opened before crisis details were required', () => {
  it('is given its details and six steps, due from today, once; other cases are refused by field', async () => {
    s = await counselingSchool();
    const { c } = s;
    // What an older archive holds: a case of category crisis without crisis details.
    const bare = await openCase(c, s.studentId, { categories: ['emotion'] });
    const { rawKeyHex } = await c.key.exportRaw({ recoveryKey: s.recoveryKey });
    const raw = openRaw(join(s.t.dataDir, 'counselroom.db'), rawKeyHex);
    raw.prepare("INSERT INTO case_categories (case_id, category) VALUES (?, 'crisis')").run(bare.id);
    raw.close();
    expect((await rejection(c.crisis.get({ caseId: bare.id }))).code).toBe('NOT_FOUND');

    const plain = await openCase(c, s.studentId, { categories: ['study'] });
    expect(await refusal(c.crisis.attach({ caseId: plain.id, ...CRISIS }))).toEqual(['VALIDATION', ['caseId errors.crisis.notCrisisCategory']]);

    await s.later(24); // Thursday 13 March
    const k = await c.crisis.attach({ caseId: bare.id, source: 'guardian', tier: 'orange', reason: '家长反映情绪低落' });
    expect(k).toMatchObject({ caseId: bare.id, source: 'guardian', tier: 'orange', status: 'open', openedOn: '2025-03-12', counselorId: s.me });
    expect(k.steps.every((x) => x.state === 'open' && x.ownerId === s.me && x.dueOn >= '2025-03-13')).toBe(true);
    expect((await c.audit.list({ action: 'crisis.attach' })).items[0]).toMatchObject({ targetId: bare.id, details: { studentId: s.studentId, tier: 'orange', source: 'guardian' } });
    expect(await refusal(c.crisis.attach({ caseId: bare.id, ...CRISIS }))).toEqual(['CONFLICT', 'errors.crisis.alreadyAttached']);
    expect((await c.crisis.get({ caseId: bare.id })).tier).toBe('orange');
  });
});

describe('测评建档: a form started from the step', () => {
  it('is linked to the crisis case in the same call, and only for the case’s own student', async () => {
    s = await counselingSchool();
    const { c } = s;
    await consentToTesting(c, s.studentId);
    const k = await c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'orange', reason: '班主任反映情绪低落' });
    const other = await c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红' });
    await consentToTesting(c, other.id);
    const plainCase = await openCase(c, s.studentId);
    const start = { scaleId: 'phq9', mode: 'kiosk', acknowledgeIneligible: true } as const;

    expect(await refusal(c.assessments.start({ ...start, studentId: other.id, crisisCaseId: k.caseId }))).toEqual(['VALIDATION', ['crisisCaseId errors.crisis.linkNotOfStudent']]);
    expect(await refusal(c.assessments.start({ ...start, studentId: s.studentId, crisisCaseId: plainCase.id }))).toEqual(['VALIDATION', ['crisisCaseId errors.crisis.notACrisisCase']]);
    expect((await c.assessments.ofStudent({ studentId: other.id })).total).toBe(0);

    const form = await c.assessments.start({ ...start, studentId: s.studentId, crisisCaseId: k.caseId });
    const linked = await c.crisis.get({ caseId: k.caseId });
    expect(linked.entries).toEqual([expect.objectContaining({ kind: 'assessmentLink', step: 'assess', formId: form.id, date: '2025-03-12', refLabel: 'phq9 2025-03-12' })]);
    expect(linked.steps.find((x) => x.step === 'assess')).toMatchObject({ state: 'open', entryCount: 1 });
    expect((await c.audit.list({ action: 'assessments.start' })).items[0]!.details).toMatchObject({ crisisCaseId: k.caseId, studentId: s.studentId });

    // Linking an existing form by hand is held to the same student.
    const othersForm = await c.assessments.start({ ...start, studentId: other.id });
    expect(await refusal(c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'assessmentLink', date: '2025-03-12', formId: othersForm.id } }))).toEqual([
      'VALIDATION',
      ['entry.formId errors.crisis.formNotOfStudent'],
    ]);

    // A closed crisis case takes no new forms.
    const stepReasons = { assess: '已测评', pairing: '无需', intervention: '无需', peer: '无需', family: '已告知', referral: '无需' };
    await c.crisis.close({ caseId: k.caseId, reason: '评估后风险低', stepReasons });
    expect(await refusal(completePhq9(c, { studentId: s.studentId, crisisCaseId: k.caseId }, phq9Codes(3)))).toEqual(['CONFLICT', 'errors.crisis.closed']);
  });
});

describe('积极干预: the next session booked from the step', () => {
  it('goes through the schedule’s own clash and opening checks and links every occurrence to the case', async () => {
    s = await counselingSchool();
    const { c } = s;
    const { room } = await openRoom(c); // open Monday and Wednesday 14:00–17:00
    const k = await c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'red', reason: '班主任报告' });
    const other = await c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红' });
    const booking = { clientKind: 'student', studentId: s.studentId, roomId: room.id, date: '2025-03-17', start: '14:00', end: '14:45', kind: 'individual', source: 'crisis' } as const;

    // Outside the room's hours and a clash are the schedule's refusals, and nothing is linked.
    expect(await refusal(c.appointments.create({ ...booking, start: '09:00', end: '09:45', crisisCaseId: k.caseId }))).toEqual(['CONFLICT', 'errors.appointment.outsideOpening']);
    const taken = await c.appointments.create({ ...booking, studentId: other.id });
    const clash = await rejection(c.appointments.create({ ...booking, crisisCaseId: k.caseId }));
    expect([clash.code, clash.details]).toEqual(['CONFLICT', [expect.objectContaining({ appointmentId: taken.items[0]!.id })]]);
    // Another student's booking, or one for a staff member, cannot be linked to this case.
    expect(await refusal(c.appointments.create({ ...booking, studentId: other.id, date: '2025-03-19', crisisCaseId: k.caseId }))).toEqual([
      'VALIDATION',
      ['crisisCaseId errors.crisis.linkNotOfStudent'],
    ]);
    expect((await c.crisis.get({ caseId: k.caseId })).entries).toEqual([]);

    // A weekly pair on Wednesdays: both occurrences show in 积极干预, by day and time.
    const booked = await c.appointments.create({ ...booking, date: '2025-03-19', repeat: { intervalWeeks: 1, count: 2 }, crisisCaseId: k.caseId });
    const linked = await c.crisis.get({ caseId: k.caseId });
    expect(linked.entries.map((e) => [e.kind, e.step, e.kind === 'appointmentLink' ? e.appointmentId : null, e.refLabel])).toEqual([
      ['appointmentLink', 'intervention', booked.items[0]!.id, '2025-03-19 14:00'],
      ['appointmentLink', 'intervention', booked.items[1]!.id, '2025-03-26 14:00'],
    ]);
    expect((await c.audit.list({ action: 'appointments.create' })).items[0]!.details).toMatchObject({ crisisCaseId: k.caseId, count: 2 });
  });
});

describe('同伴跟防: supporters assigned from the register and their reports', () => {
  it('assigns only the class’s supporters, once, and takes reports only from an assigned one', async () => {
    s = await counselingSchool();
    const { c } = s;
    const k = await c.crisis.open({ studentId: s.studentId, source: 'peer', tier: 'yellow', reason: '同学反映' });
    const classmate = await c.students.create({ ...STUDENT, studentNo: '20240110', name: '同班委员' });
    const second = await c.students.create({ ...STUDENT, studentNo: '20240112', name: '另一委员' });
    const elsewhere = await c.students.create({ ...STUDENT, studentNo: '20240111', name: '外班委员', className: '5班' });
    const [inClass, alsoInClass, outOfClass] = [
      await c.peerSupporters.save({ studentId: classmate.id, since: '2024-09-01' }),
      await c.peerSupporters.save({ studentId: second.id, since: '2024-09-01' }),
      await c.peerSupporters.save({ studentId: elsewhere.id, since: '2024-09-01' }),
    ];
    const entry = (kind: 'peerAssigned' | 'peerReport', peerId: string) =>
      c.crisis.addEntry({ caseId: k.caseId, entry: kind === 'peerAssigned' ? { kind, date: '2025-03-12', peerId } : { kind, date: '2025-03-12', peerId, report: '午饭时一个人，话不多' } });

    expect(await refusal(entry('peerAssigned', outOfClass.id))).toEqual(['VALIDATION', ['entry.peerId errors.crisis.peerOtherClass']]);
    expect(await refusal(entry('peerReport', inClass.id))).toEqual(['VALIDATION', ['entry.peerId errors.crisis.peerNotAssigned']]);
    await entry('peerAssigned', inClass.id);
    expect(await refusal(entry('peerAssigned', inClass.id))).toEqual(['VALIDATION', ['entry.peerId errors.crisis.peerAlreadyAssigned']]);
    expect(await refusal(entry('peerReport', alsoInClass.id))).toEqual(['VALIDATION', ['entry.peerId errors.crisis.peerNotAssigned']]);
    const reported = await entry('peerReport', inClass.id);
    expect(reported.entries.map((e) => [e.kind, e.step, e.refLabel])).toEqual([
      ['peerAssigned', 'peer', '同班委员 3班'],
      ['peerReport', 'peer', '同班委员 3班'],
    ]);
    expect(reported.entries[1]).toMatchObject({ report: '午饭时一个人，话不多' });
    expect((await c.audit.list({ action: 'crisis.addEntry' })).items[0]!.details).toMatchObject({ kind: 'peerReport', peerId: inClass.id });
  });
});

describe('a crisis case is closed, never deleted', () => {
  it('refuses 删除 by field, and a purge leaves one an older archive had deleted in the trash, restorable', async () => {
    s = await counselingSchool();
    const { c } = s;
    const k = await openCase(c, s.studentId, { categories: ['crisis'], crisis: CRISIS });
    expect(await refusal(c.cases.remove({ id: k.id, reason: '误建' }))).toEqual(['CONFLICT', 'errors.crisis.neverDeleted']);
    expect((await rejection(c.cases.remove({ id: k.id, reason: '误建' }))).details).toMatchObject({ path: 'id' });
    expect((await c.cases.get({ id: k.id })).id).toBe(k.id);

    // What an archive from before the refusal can hold: a crisis case in the trash since long ago.
    const { rawKeyHex } = await c.key.exportRaw({ recoveryKey: s.recoveryKey });
    const raw = openRaw(join(s.t.dataDir, 'counselroom.db'), rawKeyHex);
    raw.prepare("UPDATE cases SET deleted_at = 1, deleted_reason = '误建', deleted_by = ? WHERE id = ?").run(s.me, k.id);
    raw.close();
    expect(await c.trash.purge({ confirm: true })).toEqual({ cases: 0, records: 0, contacts: 0 });
    expect((await c.trash.list({})).items.map((i) => i.id)).toContain(k.id);
    await c.trash.restore({ kind: 'case', id: k.id });
    expect((await c.crisis.get({ caseId: k.id })).status).toBe('open');
  });
});
