import { afterEach, describe, expect, it } from 'vitest';
import { colleague, counselingSchool, filledDraft, FILLED, openCase, rejection, type CounselingSchool } from '../helpers/counseling';
import { join } from 'node:path';
import { openRaw } from '../helpers/raw-db';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

describe('session record lifecycle', () => {
  it('autosaves a draft with template defaults, then changes only what is given, revision by revision', async () => {
    s = await counselingSchool();
    const { c } = s;
    const kase = await openCase(c, s.studentId);
    const first = await c.records.saveDraft({ caseId: kase.id });
    expect(first).toMatchObject({ revision: 1 });
    const draft = await c.records.get({ id: first.id });
    expect(draft).toMatchObject({
      sessionDate: '2025-03-12',
      kind: 'first',
      mode: 'face',
      participants: { student: true, guardian: false, teacher: false },
      riskOfHarm: 'none',
      currentState: '',
      signedAt: null,
      clientLabel: '张三明',
      signBlockers: ['currentState', 'mainProblem', 'analysis', 'plan', 'durationMinutes'].map((path) => ({ path, reason: 'errors.field.required' })),
    });

    const second = await c.records.saveDraft({ id: first.id, revision: 1, currentState: '情绪平稳' });
    expect(second.revision).toBe(2);
    // The same content again is not a new revision, and leaves no audit row.
    const rowsBefore = (await c.audit.list({ action: 'records.saveDraft' })).total;
    expect((await c.records.saveDraft({ id: first.id, revision: 2, currentState: '情绪平稳' })).revision).toBe(2);
    expect((await c.audit.list({ action: 'records.saveDraft' })).total).toBe(rowsBefore);
    const third = await c.records.saveDraft({ id: first.id, revision: 2, mainProblem: '人际冲突', participants: { student: true, guardian: true, teacher: false } });
    expect(third.revision).toBe(3);
    expect(await c.records.get({ id: first.id })).toMatchObject({ currentState: '情绪平稳', mainProblem: '人际冲突', participants: { guardian: true } });

    // The next record of the case is a follow-up.
    const next = await c.records.saveDraft({ caseId: kase.id });
    expect((await c.records.get({ id: next.id })).kind).toBe('followUp');
  });

  it('refuses a save based on a stale revision and names the current one', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const d = await s.c.records.saveDraft({ caseId: kase.id, currentState: 'A' });
    await s.c.records.saveDraft({ id: d.id, revision: 1, currentState: 'B' });
    const e = await rejection(s.c.records.saveDraft({ id: d.id, revision: 1, currentState: 'C' }));
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.record.staleRevision', details: { path: 'revision', id: d.id, currentRevision: 2 } });
    expect((await s.c.records.get({ id: d.id })).currentState).toBe('B');
  });

  it('signs a complete record; a signed record refuses every change, only addenda are added', async () => {
    s = await counselingSchool();
    const { c } = s;
    const kase = await openCase(c, s.studentId);
    const d = await c.records.saveDraft({ caseId: kase.id });
    const incomplete = await rejection(c.records.sign({ id: d.id, revision: 1 }));
    expect(incomplete.code).toBe('VALIDATION');
    expect(incomplete.messageKey).toBe('errors.record.incomplete');
    expect((incomplete.details as { path: string }[]).map((x) => x.path)).toEqual(['currentState', 'mainProblem', 'analysis', 'plan', 'durationMinutes']);

    const filled = await c.records.saveDraft({ id: d.id, revision: 1, ...FILLED });
    const signed = await c.records.sign({ id: d.id, revision: filled.revision });
    expect(signed.signedAt).toBe(s.clock.now);
    expect(signed.signBlockers).toEqual([]);

    for (const attempt of [
      c.records.saveDraft({ id: d.id, revision: filled.revision, plan: '改写' }),
      c.records.sign({ id: d.id, revision: filled.revision }),
      c.records.remove({ id: d.id, reason: '误录' }),
    ]) {
      expect(await rejection(attempt)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.record.signed', details: { path: 'id', id: d.id } });
    }

    // Below the app too: the database refuses to change a signed row.
    const { rawKeyHex } = await c.key.exportRaw({ recoveryKey: s.recoveryKey });
    const raw = openRaw(join(s.t.dataDir, 'counselroom.db'), rawKeyHex);
    expect(() => raw.prepare(`UPDATE session_records SET plan = 'x' WHERE id = ?`).run(d.id)).toThrow(/read-only/);
    expect(() => raw.prepare(`DELETE FROM session_records WHERE id = ?`).run(d.id)).toThrow(/read-only/);
    raw.close();
  });

  it('adds addenda with their own author and time, to signed records only', async () => {
    s = await counselingSchool();
    const { c } = s;
    const kase = await openCase(c, s.studentId);
    const d = await filledDraft(c, kase.id);
    expect(await rejection(c.records.addAddendum({ recordId: d.id, text: '补充' }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.record.notSigned',
      details: { path: 'recordId' },
    });
    await c.records.sign({ id: d.id, revision: d.revision });
    await s.later(30);
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    const a1 = await c.records.addAddendum({ recordId: d.id, text: '更正：评估为轻度。' });
    s.clock.advanceHours(0.05); // three minutes: inside the idle lock
    const a2 = await zhao.client.records.addAddendum({ recordId: d.id, text: '接手后补充：家长已知情。' });
    expect(a1).toMatchObject({ authorName: '王老师', text: '更正：评估为轻度。' });
    expect(a2).toMatchObject({ authorId: zhao.id, authorName: '赵老师', createdAt: s.clock.now });
    const view = await c.records.get({ id: d.id });
    expect(view.addenda.map((a) => a.text)).toEqual(['更正：评估为轻度。', '接手后补充：家长已知情。']);
    expect(view.mainProblem).toBe(FILLED.mainProblem);
  });

  it('lets only the author change, sign or discard a draft', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const d = await filledDraft(s.c, kase.id);
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    for (const attempt of [
      zhao.client.records.saveDraft({ id: d.id, revision: d.revision, plan: '他人改写' }),
      zhao.client.records.sign({ id: d.id, revision: d.revision }),
      zhao.client.records.remove({ id: d.id, reason: '误录' }),
    ]) {
      expect(await rejection(attempt)).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.record.notAuthor', details: { path: 'id', id: d.id } });
    }
    // A colleague may read it and write a record of their own on the case.
    expect((await zhao.client.records.get({ id: d.id })).plan).toBe(FILLED.plan);
    await zhao.client.records.saveDraft({ caseId: kase.id });
  });

  it('discards an unsigned draft with a reason; it then is gone from the case', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const d = await s.c.records.saveDraft({ caseId: kase.id, currentState: '写错了学生' });
    await s.c.records.remove({ id: d.id, reason: '选错了个案' });
    expect(await rejection(s.c.records.get({ id: d.id }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'id' } });
    expect((await s.c.cases.get({ id: kase.id })).records).toEqual([]);
  });

  it('validates fields with their paths: caps, times, dates, unknown keys, and id without revision', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const e1 = await rejection(s.c.records.saveDraft({ caseId: kase.id, plan: '字'.repeat(4001), startTime: '25:00', nextAppointmentDate: '2025-02-30' }));
    expect(e1.code).toBe('VALIDATION');
    expect((e1.details as { path: string }[]).map((x) => x.path).sort()).toEqual(['nextAppointmentDate', 'plan', 'startTime']);
    const d = await s.c.records.saveDraft({ caseId: kase.id });
    expect((await rejection(s.c.records.saveDraft({ id: d.id, plan: 'x' }))).details).toEqual([expect.objectContaining({ path: 'revision' })]);
    expect((await rejection(s.c.records.saveDraft({}))).details).toEqual([expect.objectContaining({ path: 'caseId' })]);
    expect((await rejection(s.c.records.saveDraft({ caseId: kase.id, signedAt: 1 } as never))).code).toBe('VALIDATION');
    const missing = await rejection(s.c.records.saveDraft({ caseId: '01958a3c-0000-7000-8000-000000000000' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', details: { path: 'caseId' } });
    // A session dated after today is refused on its date field, new or saved, and nothing is written.
    const future = await rejection(s.c.records.saveDraft({ caseId: kase.id, sessionDate: '2025-03-13' }));
    expect(future).toMatchObject({ code: 'VALIDATION', details: [{ path: 'sessionDate', reason: 'errors.field.futureDate' }] });
    expect((await rejection(s.c.records.saveDraft({ id: d.id, revision: 1, sessionDate: '2025-03-13' }))).details).toEqual([
      { path: 'sessionDate', reason: 'errors.field.futureDate' },
    ]);
    expect((await s.c.records.get({ id: d.id })).sessionDate).toBe('2025-03-12');
  });

  it('signs a session of later today only once it has begun', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    // 10:00 at the school; the session is at 16:30.
    const d = await filledDraft(s.c, kase.id, { startTime: '16:30' });
    const notYet = { path: 'startTime', reason: 'errors.record.notYetHeld', start: '16:30' };
    expect((await s.c.records.get({ id: d.id })).signBlockers).toEqual([notYet]);
    expect(await rejection(s.c.records.sign({ id: d.id, revision: d.revision }))).toMatchObject({ code: 'VALIDATION', details: [notYet] });
    await s.later(6.5);
    expect((await s.c.records.get({ id: d.id })).signBlockers).toEqual([]);
    expect((await s.c.records.sign({ id: d.id, revision: d.revision })).signedAt).toBe(s.clock.now);
  });
});

describe('the confidentiality exception (ETH-04)', () => {
  it('refuses to sign a record that marks a risk of harm until a disclosure is documented', async () => {
    s = await counselingSchool();
    const { c } = s;
    const kase = await openCase(c, s.studentId, { categories: ['crisis'], crisis: { source: 'session', tier: 'orange', reason: '会谈中流露自伤想法' } });
    const d = await filledDraft(c, kase.id, { kind: 'crisis', riskOfHarm: 'self' });
    expect((await c.records.get({ id: d.id })).signBlockers).toEqual([{ path: 'disclosures', reason: 'errors.record.disclosureRequired' }]);
    const gate = await rejection(c.records.sign({ id: d.id, revision: d.revision }));
    expect(gate).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.record.disclosureRequired', details: { path: 'disclosures', id: d.id, riskOfHarm: 'self' } });

    const bad = await rejection(c.records.addDisclosure({ recordId: d.id, informedKind: 'other', informedAt: s.clock.now, channel: 'phone' }));
    expect(bad.details).toEqual([expect.objectContaining({ path: 'informedLabel', reason: 'errors.field.required' })]);
    const later = await rejection(c.records.addDisclosure({ recordId: d.id, informedKind: 'guardian', informedAt: s.clock.now + 3_600_000, channel: 'phone' }));
    expect(later.details).toEqual([{ path: 'informedAt', reason: 'errors.field.futureDate' }]);

    const informed = await c.records.addDisclosure({
      recordId: d.id,
      informedKind: 'homeroomTeacher',
      informedLabel: '班主任李老师',
      informedAt: s.clock.now - 600_000,
      channel: 'inPerson',
    });
    expect(informed).toMatchObject({ informedKind: 'homeroomTeacher', recordedByName: '王老师' });
    const signed = await c.records.sign({ id: d.id, revision: d.revision });
    expect(signed.disclosures.map((x) => x.id)).toEqual([informed.id]);

    // The guardian is told later: a further disclosure on the signed record.
    await s.later(2);
    await c.records.addDisclosure({ recordId: d.id, informedKind: 'guardian', informedLabel: '母亲', informedAt: s.clock.now, channel: 'phone' });
    expect((await c.records.get({ id: d.id })).disclosures.map((x) => x.informedKind)).toEqual(['homeroomTeacher', 'guardian']);

    const rows = (await c.audit.list({ action: 'records.addDisclosure' })).items;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ targetType: 'disclosure', details: { recordId: d.id, caseId: kase.id } });
  });

  it('documents disclosures only where a risk is marked', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const d = await filledDraft(s.c, kase.id);
    const e = await rejection(s.c.records.addDisclosure({ recordId: d.id, informedKind: 'guardian', informedAt: s.clock.now, channel: 'phone' }));
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.disclosure.noRisk', details: { path: 'recordId' } });
  });
});

describe('the 48-hour to-do list', () => {
  it('lists my records unsigned for 48 hours, by the core’s clock', async () => {
    s = await counselingSchool();
    const { c } = s;
    const kase = await openCase(c, s.studentId);
    const old = await filledDraft(c, kase.id);
    await s.later(24);
    const fresh = await filledDraft(c, kase.id);
    expect((await c.records.todo({})).items).toEqual([]);

    await s.later(24); // old: 48 h, fresh: 24 h
    expect((await c.records.todo({})).items).toEqual([
      expect.objectContaining({ id: old.id, caseId: kase.id, clientLabel: '张三明', ageHours: 48, overdue: true }),
    ]);
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    expect((await zhao.client.records.todo({})).items).toEqual([]);

    await s.later(30);
    expect((await c.records.todo({})).items.map((i) => i.id)).toEqual([old.id, fresh.id]);
    await c.records.sign({ id: old.id, revision: old.revision });
    expect((await c.records.todo({})).items.map((i) => i.id)).toEqual([fresh.id]);
  });
});
