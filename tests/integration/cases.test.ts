import { afterEach, describe, expect, it } from 'vitest';
import { colleague, counselingSchool, filledDraft, openCase, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

describe('cases', () => {
  it('opens a case for a student with several categories, defaulting to today and to the caller', async () => {
    s = await counselingSchool();
    const kase = await s.c.cases.open({ studentId: s.studentId, source: 'guardianReferral', sourceNote: '母亲来电', categories: ['family', 'emotion'], goals: '改善亲子沟通' });
    expect(kase).toMatchObject({
      clientKind: 'student',
      studentId: s.studentId,
      clientLabel: '张三明',
      studentNo: STUDENT.studentNo,
      source: 'guardianReferral',
      categories: ['emotion', 'family'],
      status: 'open',
      openedOn: '2025-03-12',
      counselorId: s.me,
      counselorName: '王老师',
      appointmentId: null,
    });
    // The cases' older codes are gone with the shared list (migration 019 moved the stored ones).
    const oldCode = await rejection(s.c.cases.open({ studentId: s.studentId, source: 'referral' as never, categories: ['study'] }));
    expect(oldCode.details).toEqual([expect.objectContaining({ path: 'source' })]);
    const dup = await rejection(s.c.cases.open({ studentId: s.studentId, source: 'walkIn', categories: ['study', 'study'] }));
    expect(dup.details).toEqual([expect.objectContaining({ path: 'categories', reason: 'errors.field.duplicate' })]);
    const none = await rejection(s.c.cases.open({ studentId: s.studentId, source: 'walkIn', categories: [] }));
    expect(none.details).toEqual([expect.objectContaining({ path: 'categories' })]);
  });

  it('keeps staff and parent clients as a label, never with a student id', async () => {
    s = await counselingSchool();
    const staff = await s.c.cases.open({ clientKind: 'staff', clientLabel: '初二语文组教师', source: 'walkIn', categories: ['emotion'] });
    expect(staff).toMatchObject({ clientKind: 'staff', studentId: null, clientLabel: '初二语文组教师' });
    const noLabel = await rejection(s.c.cases.open({ clientKind: 'parent', source: 'walkIn', categories: ['family'] }));
    expect(noLabel.details).toEqual([expect.objectContaining({ path: 'clientLabel', reason: 'errors.field.required' })]);
    const both = await rejection(s.c.cases.open({ clientKind: 'parent', clientLabel: '家长', studentId: s.studentId, source: 'walkIn', categories: ['family'] }));
    expect(both.details).toEqual([expect.objectContaining({ path: 'studentId', reason: 'errors.case.clientMismatch' })]);
    const noStudent = await rejection(s.c.cases.open({ source: 'walkIn', categories: ['family'] }));
    expect(noStudent.details).toEqual([expect.objectContaining({ path: 'studentId', reason: 'errors.field.required' })]);
  });

  it('asks before new work for a graduated or transferred student, and keeps the history open', async () => {
    s = await counselingSchool();
    const old = await openCase(s.c, s.studentId);
    const rec = await filledDraft(s.c, old.id);
    await s.c.students.update({ id: s.studentId, status: 'graduated' });
    const e = await rejection(openCase(s.c, s.studentId));
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.case.studentInactive', details: { path: 'studentId', status: 'graduated' } });
    const r = await rejection(s.c.records.saveDraft({ caseId: old.id }));
    expect(r).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.student.inactive', details: { path: 'caseId', status: 'graduated' } });
    // History: the existing draft can still be finished and signed, and read.
    await s.c.records.sign({ id: rec.id, revision: rec.revision });
    expect((await s.c.cases.get({ id: old.id })).records).toHaveLength(1);
    expect((await openCase(s.c, s.studentId, { acknowledgeInactive: true })).status).toBe('open');
    expect((await s.c.records.saveDraft({ caseId: old.id, acknowledgeInactive: true })).revision).toBe(1);
  });

  it('updates an open case, closes it only when every record is signed, and then takes no more records', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const updated = await s.c.cases.update({ id: kase.id, categories: ['relationships'], goals: '改善同伴关系' });
    expect(updated).toMatchObject({ categories: ['relationships'], goals: '改善同伴关系' });
    expect((await s.c.audit.list({ action: 'cases.update' })).items[0]!.details).toEqual({ changed: ['categories', 'goals'] });

    const d = await filledDraft(s.c, kase.id);
    const early = await rejection(s.c.cases.close({ id: kase.id, closingSummary: '目标达成' }));
    expect(early).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.case.unsignedRecords', details: { path: 'id', recordIds: [d.id] } });
    const before = await rejection(s.c.cases.close({ id: kase.id, closingSummary: '目标达成', closedOn: '2025-03-01' }));
    expect(before.details).toEqual([{ path: 'closedOn', reason: 'errors.case.closedBeforeOpened' }]);

    await s.c.records.sign({ id: d.id, revision: d.revision });
    const closed = await s.c.cases.close({ id: kase.id, closingSummary: '目标达成，\n结案。' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2025-03-12', closingSummary: '目标达成，\n结案。' });
    for (const attempt of [
      s.c.records.saveDraft({ caseId: kase.id }),
      s.c.cases.update({ id: kase.id, goals: 'x' }),
      s.c.cases.close({ id: kase.id, closingSummary: 'x' }),
    ]) {
      expect(await rejection(attempt)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.case.closed' });
    }
    // Addenda to its signed records still work.
    await s.c.records.addAddendum({ recordId: d.id, text: '结案后补记' });
  });

  it('transfers a case to another enabled counselor, audited with both ids', async () => {
    s = await counselingSchool();
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    const kase = await openCase(s.c, s.studentId);
    expect(await rejection(s.c.cases.transfer({ id: kase.id, toCounselorId: s.me }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.case.sameCounselor',
      details: { path: 'toCounselorId' },
    });
    expect(await rejection(s.c.cases.transfer({ id: kase.id, toCounselorId: principal.id }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.case.notCounselor',
      details: { path: 'toCounselorId', id: principal.id },
    });
    const moved = await s.c.cases.transfer({ id: kase.id, toCounselorId: zhao.id, reason: '工作调整' });
    expect(moved).toMatchObject({ counselorId: zhao.id, counselorName: '赵老师' });
    const detail = await zhao.client.cases.get({ id: kase.id });
    expect(detail.transfers).toEqual([{ fromId: s.me, fromName: '王老师', toId: zhao.id, toName: '赵老师', byName: '王老师', reason: '工作调整', at: s.clock.now }]);
    const row = (await s.c.audit.list({ action: 'cases.transfer' })).items[0]!;
    expect(row).toMatchObject({ targetType: 'case', targetId: kase.id, details: { fromUserId: s.me, toUserId: zhao.id } });
    expect((await zhao.client.caseload.mine({})).openCases.map((c) => c.caseId)).toEqual([kase.id]);
    expect((await s.c.caseload.mine({})).openCases).toEqual([]);
    // Disabled colleagues cannot take cases.
    await s.c.users.update({ id: zhao.id, disabled: true });
    expect((await rejection(s.c.cases.open({ studentId: s.studentId, source: 'walkIn', categories: ['other'], counselorId: zhao.id }))).messageKey).toBe(
      'errors.case.notCounselor',
    );
  });

  it('soft-deletes a case with a reason: it leaves lists, the archive and search; the reason stays out of the audit', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const d = await filledDraft(s.c, kase.id, { mainProblem: '早恋困扰' });
    await s.c.records.sign({ id: d.id, revision: d.revision });
    expect((await s.c.search.notes({ query: '早恋' })).total).toBe(1);
    await s.c.cases.remove({ id: kase.id, reason: '开错了学生：应为张三' });
    expect(await rejection(s.c.cases.get({ id: kase.id }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'id' } });
    expect(await rejection(s.c.records.get({ id: d.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await s.c.cases.list({})).total).toBe(0);
    expect((await s.c.search.notes({ query: '早恋' })).total).toBe(0);
    expect((await s.c.archive.timeline({ studentId: s.studentId })).total).toBe(0);
    const row = (await s.c.audit.list({ action: 'cases.remove' })).items[0]!;
    expect(row).toMatchObject({ targetId: kase.id, details: { studentId: s.studentId, records: 1 } });
    expect(JSON.stringify(row)).not.toContain('开错了');
  });

  it('lists cases by student, counselor and status, with activity', async () => {
    s = await counselingSchool();
    const other = await s.c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红' });
    const a = await openCase(s.c, s.studentId);
    await openCase(s.c, other.id);
    await filledDraft(s.c, a.id);
    const mine = await s.c.cases.list({ studentId: s.studentId });
    expect(mine).toMatchObject({ total: 1, items: [{ id: a.id, recordCount: 1, lastSessionDate: '2025-03-12', clientLabel: '张三明' }] });
    expect((await s.c.cases.list({ status: 'closed' })).total).toBe(0);
    expect((await s.c.cases.list({ counselorId: s.me, pageSize: 1 })).items).toHaveLength(1);
  });

  it('gives principals counts only, small cells withheld, and refuses to delete a student with counseling records', async () => {
    s = await counselingSchool();
    for (let i = 0; i < 6; i++) await openCase(s.c, s.studentId, { categories: ['emotion'] });
    await openCase(s.c, s.studentId, { categories: ['crisis', 'emotion'], crisis: { source: 'session', tier: 'orange', reason: '会谈中流露自伤想法' } });
    await s.c.cases.open({ clientKind: 'staff', clientLabel: '教师', source: 'walkIn', categories: ['emotion'] });
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    const summary = await principal.client.cases.summary({});
    // One crisis case is withheld, and so is the emotion count it could be subtracted from.
    expect(summary).toEqual({
      total: 8,
      byStatus: [{ status: 'open', count: 8 }],
      byCategory: [
        { category: 'crisis', count: null },
        { category: 'emotion', count: null },
      ],
      byClientKind: [
        { clientKind: 'staff', count: null },
        { clientKind: 'student', count: null },
      ],
    });
    expect((await s.c.cases.summary({})).byCategory).toEqual([
      { category: 'crisis', count: 1 },
      { category: 'emotion', count: 8 },
    ]);
    expect(JSON.stringify(summary)).not.toContain('张三明');
    expect((await principal.client.cases.summary({ from: '2025-04-01' })).total).toBe(0);
    expect((await principal.client.cases.summary({ to: '2025-03-12' })).total).toBe(8);
    expect(await rejection(s.c.students.remove({ id: s.studentId, reason: '误录' }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.student.hasRecords',
    });
  });
});
