import { afterEach, describe, expect, it } from 'vitest';
import { colleague, counselingSchool, openCase, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

describe('home-school contacts', () => {
  it('records a contact, reads it in full (audited), lets its author change it and soft-deletes it', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const contact = await s.c.contacts.create({
      studentId: s.studentId,
      caseId: kase.id,
      contactDate: '2025-03-11',
      withKind: 'guardian',
      withLabel: '母亲',
      channel: 'homeVisit',
      summary: '家访：了解到父母近期分居，孩子睡眠差。',
      agreedActions: '家长每周与班主任沟通一次。',
    });
    expect(contact).toMatchObject({ studentName: '张三明', caseId: kase.id, channel: 'homeVisit', authorName: '王老师' });
    expect(await s.c.contacts.get({ id: contact.id })).toEqual(contact);
    expect((await s.c.audit.list({ action: 'contacts.get' })).items[0]).toMatchObject({ targetId: contact.id, details: { studentId: s.studentId } });

    const changed = await s.c.contacts.update({ id: contact.id, channel: 'phone', agreedActions: '家长每两周反馈一次。' });
    expect(changed).toMatchObject({ channel: 'phone', withLabel: '母亲', summary: contact.summary });
    expect((await s.c.audit.list({ action: 'contacts.update' })).items[0]!.details).toEqual({ studentId: s.studentId, changed: ['channel', 'agreedActions'] });

    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    expect(await rejection(zhao.client.contacts.update({ id: contact.id, summary: '改' }))).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'errors.contact.notAuthor',
    });
    await s.c.contacts.remove({ id: contact.id, reason: '重复录入' });
    expect(await rejection(s.c.contacts.get({ id: contact.id }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'id' } });
  });

  it('refuses bad input with the field at fault', async () => {
    s = await counselingSchool();
    const base = { studentId: s.studentId, contactDate: '2025-03-11', withKind: 'teacher' as const, channel: 'schoolMeeting' as const, summary: '到校面谈' };
    expect((await rejection(s.c.contacts.create({ ...base, withKind: 'other' }))).details).toEqual([
      expect.objectContaining({ path: 'withLabel', reason: 'errors.field.required' }),
    ]);
    expect((await rejection(s.c.contacts.create({ ...base, summary: '   ' }))).details).toEqual([expect.objectContaining({ path: 'summary' })]);
    expect((await rejection(s.c.contacts.create({ ...base, contactDate: '2025-03-13' }))).details).toEqual([
      { path: 'contactDate', reason: 'errors.field.futureDate' },
    ]);
    const other = await s.c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红' });
    const otherCase = await openCase(s.c, other.id);
    expect(await rejection(s.c.contacts.create({ ...base, caseId: otherCase.id }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.contact.caseOfOtherClient',
      details: { path: 'caseId' },
    });
    await s.c.students.update({ id: s.studentId, status: 'transferred' });
    expect(await rejection(s.c.contacts.create(base))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.student.inactive', details: { path: 'studentId', status: 'transferred' } });
    expect((await s.c.contacts.create({ ...base, acknowledgeInactive: true })).withKind).toBe('teacher');
  });
});

describe('consents', () => {
  it('answers the effective consent per party: the latest by date, then by entry', async () => {
    s = await counselingSchool();
    const { c, studentId } = s;
    expect(await c.consents.current({ studentId, scope: 'testing' })).toEqual({ studentId, scope: 'testing', student: null, guardian: null, bothGiven: false });

    await c.consents.record({ studentId, scope: 'testing', party: 'student', outcome: 'given', date: '2025-03-01', form: 'written' });
    const guardian = await c.consents.record({ studentId, scope: 'testing', party: 'guardian', outcome: 'given', date: '2025-03-02', form: 'electronic' });
    // An older paper form entered afterwards does not override the newer consent.
    await c.consents.record({ studentId, scope: 'testing', party: 'guardian', outcome: 'declined', date: '2025-02-20', form: 'written' });
    const both = await c.consents.current({ studentId, scope: 'testing' });
    expect(both).toMatchObject({ bothGiven: true, student: { outcome: 'given' }, guardian: { id: guardian.id, outcome: 'given' } });
    // Counseling consent is a separate scope.
    expect((await c.consents.current({ studentId, scope: 'counseling' })).bothGiven).toBe(false);

    // Withdrawal is just a newer record; on the same date the later entry wins.
    await c.consents.record({ studentId, scope: 'testing', party: 'student', outcome: 'given', date: '2025-03-10', form: 'verbal' });
    const withdrawn = await c.consents.record({ studentId, scope: 'testing', party: 'student', outcome: 'withdrawn', date: '2025-03-10', form: 'verbal', note: '学生口头撤回' });
    const after = await c.consents.current({ studentId, scope: 'testing' });
    expect(after).toMatchObject({ bothGiven: false, student: { id: withdrawn.id, outcome: 'withdrawn', note: '学生口头撤回' } });

    expect((await rejection(c.consents.record({ studentId, scope: 'testing', party: 'student', outcome: 'given', date: '2025-03-20', form: 'verbal' }))).details).toEqual([
      { path: 'date', reason: 'errors.field.futureDate' },
    ]);
    expect(await rejection(c.consents.current({ studentId: '01958a3c-0000-7000-8000-000000000000', scope: 'testing' }))).toMatchObject({
      code: 'NOT_FOUND',
      details: { path: 'studentId' },
    });
  });
});

describe('testing consent in one step', () => {
  it('records the student’s and the guardian’s consent together, after which a test starts', async () => {
    s = await counselingSchool();
    const start = () => s.c.assessments.start({ studentId: s.studentId, scaleId: 'phq9', mode: 'kiosk', acknowledgeIneligible: true });
    expect(await rejection(start())).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.assessment.noConsent' });
    expect(await rejection(s.c.consents.recordTesting({ studentId: s.studentId, date: '2025-03-13', form: 'written' }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'date', reason: 'errors.field.futureDate' }],
    });
    const both = await s.c.consents.recordTesting({ studentId: s.studentId, date: '2025-03-12', form: 'written' });
    expect([both.student, both.guardian].map((c) => [c.scope, c.party, c.outcome])).toEqual([
      ['testing', 'student', 'given'],
      ['testing', 'guardian', 'given'],
    ]);
    expect((await s.c.consents.current({ studentId: s.studentId, scope: 'testing' })).bothGiven).toBe(true);
    expect((await start()).status).toBe('inProgress');
    expect((await s.c.audit.list({ action: 'consents.recordTesting' })).items[0]!.details).toMatchObject({ scope: 'testing', parties: ['student', 'guardian'] });
  });
});
