import { afterEach, describe, expect, it } from 'vitest';
import { colleague, counselingSchool, filledDraft, openCase, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

const at = (iso: string) => Date.parse(`${iso}+08:00`);

describe('the student’s archive (一生一档)', () => {
  it('merges everything about the student by date, with short titles, filters by kind and date, and audits the opening', async () => {
    s = await counselingSchool();
    const { c, studentId } = s;
    const consent = await c.consents.record({ studentId, scope: 'counseling', party: 'guardian', outcome: 'given', date: '2025-03-01', form: 'written' });
    const kase = await openCase(c, studentId, { openedOn: '2025-03-03', categories: ['crisis', 'emotion'], crisis: { source: 'session', tier: 'orange', reason: '会谈中流露自伤想法' } });
    const a = await filledDraft(c, kase.id, { sessionDate: '2025-03-05', riskOfHarm: 'self', mainProblem: '自伤想法，需要评估。'.repeat(6) });
    const disclosure = await c.records.addDisclosure({ recordId: a.id, informedKind: 'guardian', informedLabel: '母亲', informedAt: at('2025-03-05T16:00'), channel: 'phone' });
    await c.records.sign({ id: a.id, revision: a.revision });
    const contact = await c.contacts.create({ studentId, caseId: kase.id, contactDate: '2025-03-08', withKind: 'teacher', channel: 'schoolMeeting', summary: '与班主任面谈' });
    const b = await c.records.saveDraft({ caseId: kase.id, sessionDate: '2025-03-10', mainProblem: '睡眠改善' });
    const addendum = await c.records.addAddendum({ recordId: a.id, text: '补充：已转介医院评估。' });
    // Another student's material never shows.
    const other = await c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红' });
    await filledDraft(c, (await openCase(c, other.id)).id);

    const all = await c.archive.timeline({ studentId });
    expect(all.student).toEqual({ id: studentId, name: '张三明', studentNo: STUDENT.studentNo, grade: 8, className: '3班', status: 'active' });
    expect(all.items.map((e) => [e.kind, e.date, e.id])).toEqual([
      ['addendum', '2025-03-12', addendum.id],
      ['record', '2025-03-10', b.id],
      ['contact', '2025-03-08', contact.id],
      ['disclosure', '2025-03-05', disclosure.id],
      ['record', '2025-03-05', a.id],
      ['caseOpened', '2025-03-03', kase.id],
      ['consent', '2025-03-01', consent.id],
    ]);
    const byKind = Object.fromEntries(all.items.map((e) => [e.id === kase.id ? 'case' : e.kind === 'record' ? e.id : e.kind, e]));
    expect(byKind[a.id]).toMatchObject({ signed: true, caseId: kase.id, recordId: a.id, tags: ['kind:first', 'mode:face', 'risk:self'], actorName: '王老师' });
    expect(Array.from(byKind[a.id]!.excerpt)).toHaveLength(41); // 40 characters and the ellipsis: never the full note
    expect(byKind[b.id]).toMatchObject({ signed: false, tags: ['kind:followUp', 'mode:face'], excerpt: '睡眠改善' });
    expect(byKind.case).toMatchObject({ tags: ['category:emotion', 'category:crisis', 'source:walkIn'], excerpt: '缓解考试焦虑' });
    expect(byKind.disclosure).toMatchObject({ tags: ['informed:guardian', 'channel:phone'], excerpt: '母亲', recordId: a.id, at: at('2025-03-05T16:00') });
    expect(byKind.contact).toMatchObject({ tags: ['with:teacher', 'channel:schoolMeeting'], caseId: kase.id });
    expect(byKind.consent).toMatchObject({ tags: ['scope:counseling', 'party:guardian', 'outcome:given', 'form:written'], excerpt: '' });
    expect(byKind.addendum).toMatchObject({ recordId: a.id, excerpt: '补充：已转介医院评估。' });

    const records = await c.archive.timeline({ studentId, kinds: ['record', 'disclosure'], from: '2025-03-04', to: '2025-03-09', order: 'asc' });
    expect(records.items.map((e) => e.kind)).toEqual(['record', 'disclosure']);
    const page2 = await c.archive.timeline({ studentId, page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 7, items: all.items.slice(3, 6) });

    // Closing the case adds its own entry.
    await c.records.sign({ id: b.id, revision: (await c.records.saveDraft({ id: b.id, revision: 1, currentState: '稳定', analysis: '好转', plan: '结束', durationMinutes: 30 })).revision });
    // A crisis case closes through its crisis section, with a reason for each step left open.
    const stepReasons = Object.fromEntries(['assess', 'pairing', 'intervention', 'peer', 'family', 'referral'].map((step) => [step, '会谈中已处理']));
    await c.crisis.close({ caseId: kase.id, reason: '危机解除，结案。', stepReasons });
    expect((await c.archive.timeline({ studentId, kinds: ['caseClosed'] })).items).toEqual([
      expect.objectContaining({ kind: 'caseClosed', id: kase.id, date: '2025-03-12', excerpt: '危机解除，结案。' }),
    ]);

    const audit = (await c.audit.list({ action: 'archive.timeline' })).items;
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({ targetType: 'student', targetId: studentId, outcome: 'ok' });
    expect(await rejection(c.archive.timeline({ studentId, kinds: ['record', 'record'] }))).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('exporting an archive for a referral', () => {
  it('needs the explicit confirmation and leaves an audit row naming the student, not the name', async () => {
    s = await counselingSchool();
    const { c, studentId } = s;
    expect((await rejection(c.archive.recordExport({ studentId, purpose: 'referral', confirmed: false } as never))).code).toBe('VALIDATION');
    await c.archive.recordExport({ studentId, purpose: 'referral', confirmed: true });
    const rows = (await c.audit.list({ action: 'archive.recordExport' })).items;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetType: 'student', targetId: studentId, details: { purpose: 'referral' } });
    expect(JSON.stringify(rows)).not.toContain(STUDENT.name);
    expect((await rejection(c.archive.recordExport({ studentId: '01900000-0000-7000-8000-000000000000', purpose: 'referral', confirmed: true }))).code).toBe('NOT_FOUND');
  });
});

describe('caseload', () => {
  it('lists my open cases, students not seen for N days, this week’s follow-ups and my unsigned records', async () => {
    s = await counselingSchool(); // today: Wednesday 2025-03-12; the week runs 03-10 to 03-16
    const { c } = s;
    const mk = async (studentNo: string, name: string) => (await c.students.create({ ...STUDENT, studentNo, name })).id;
    const [a, b, cc, d] = [s.studentId, await mk('2', '李小红'), await mk('3', '王小虎'), await mk('4', '赵一鸣')];

    const caseA = await openCase(c, a, { openedOn: '2025-01-02' });
    const seenA = await filledDraft(c, caseA.id, { sessionDate: '2025-02-01', nextAppointmentDate: '2025-03-18' });
    await c.records.sign({ id: seenA.id, revision: seenA.revision });
    const caseB = await openCase(c, b, { openedOn: '2025-03-01' });
    const earlierB = await filledDraft(c, caseB.id, { sessionDate: '2025-03-03', nextAppointmentDate: '2025-03-12' });
    await c.records.sign({ id: earlierB.id, revision: earlierB.revision });
    const draftB = await c.records.saveDraft({ caseId: caseB.id, sessionDate: '2025-03-10', nextAppointmentDate: '2025-03-14' });
    const caseC = await openCase(c, cc, { openedOn: '2025-02-20' });
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    const caseD = await zhao.client.cases.open({ studentId: d, source: 'screening', categories: ['emotion'], openedOn: '2025-01-01' });
    await zhao.client.records.saveDraft({ caseId: caseD.id, sessionDate: '2025-03-11', nextAppointmentDate: '2025-03-13' });

    const load = await c.caseload.mine({});
    expect(load).toMatchObject({ today: '2025-03-12', weekStart: '2025-03-10', weekEnd: '2025-03-16', notSeenDays: 30 });
    expect(load.openCases.map((x) => [x.clientLabel, x.lastSessionDate, x.recordCount])).toEqual([
      ['张三明', '2025-02-01', 1],
      ['王小虎', null, 0],
      ['李小红', '2025-03-10', 2],
    ]);
    expect(load.notSeen).toEqual([{ studentId: a, clientLabel: '张三明', caseId: caseA.id, lastSeen: '2025-02-01', days: 39 }]);
    // Only the latest record of a case counts: B's next appointment is on the 14th, not the 12th.
    expect(load.followUps).toEqual([expect.objectContaining({ caseId: caseB.id, recordId: draftB.id, nextAppointmentDate: '2025-03-14', clientLabel: '李小红' })]);
    expect(load.unsigned).toEqual([expect.objectContaining({ id: draftB.id, caseId: caseB.id, ageHours: 0, overdue: false })]);

    expect((await c.caseload.mine({ notSeenDays: 14 })).notSeen.map((x) => [x.clientLabel, x.lastSeen, x.days])).toEqual([
      ['张三明', '2025-02-01', 39],
      ['王小虎', null, 20],
    ]);
    await c.settings.update({ caseloadNotSeenDays: 7 });
    expect((await c.caseload.mine({})).notSeenDays).toBe(7);
    expect((await c.settings.get({})).caseloadNotSeenDays).toBe(7);
    // The colleague sees only their own.
    expect((await zhao.client.caseload.mine({})).openCases.map((x) => x.caseId)).toEqual([caseD.id]);
    expect(caseC.status).toBe('open');
  });
});
