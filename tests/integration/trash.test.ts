import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { colleague, counselingSchool, filledDraft, openCase, rejection, type CounselingSchool } from '../helpers/counseling';
import { openRaw } from '../helpers/raw-db';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

const DAY_MS = 86_400_000;

/** A case with a signed risk record, its disclosure and an addendum: everything the triggers guard. */
async function guardedCase(s: CounselingSchool) {
  const { c } = s;
  // Emotion, not crisis: a crisis case is closed and kept, never purged (its rows refuse deletion).
  const kase = await openCase(c, s.studentId, { categories: ['emotion'] });
  const d = await filledDraft(c, kase.id, { kind: 'crisis', riskOfHarm: 'self', plan: '与班主任约定每日关注，安全计划。' });
  await c.records.addDisclosure({ recordId: d.id, informedKind: 'guardian', informedLabel: '母亲', informedAt: s.clock.now - 60_000, channel: 'phone' });
  await c.records.sign({ id: d.id, revision: d.revision });
  await c.records.addAddendum({ recordId: d.id, text: '补记：家长已到校面谈。' });
  return { kase, recordId: d.id };
}

async function rawCounts(s: CounselingSchool, caseId: string) {
  const { rawKeyHex } = await s.c.key.exportRaw({ recoveryKey: s.recoveryKey });
  const raw = openRaw(join(s.t.dataDir, 'counselroom.db'), rawKeyHex);
  const n = (sql: string) => (raw.prepare(sql).get(caseId) as { n: number }).n;
  const counts = {
    cases: n('SELECT count(*) AS n FROM cases WHERE id = ?'),
    records: n('SELECT count(*) AS n FROM session_records WHERE case_id = ?'),
    addenda: n('SELECT count(*) AS n FROM record_addenda a JOIN session_records r ON r.id = a.record_id WHERE r.case_id = ?'),
    disclosures: n('SELECT count(*) AS n FROM disclosures x JOIN session_records r ON r.id = x.record_id WHERE r.case_id = ?'),
    categories: n('SELECT count(*) AS n FROM case_categories WHERE case_id = ?'),
    gate: (raw.prepare('SELECT count(*) AS n FROM purge_gate').get() as { n: number }).n,
  };
  raw.close();
  return counts;
}

describe('the trash: restore, retention and purge', () => {
  it('restores a deleted case into the archive and the search, then purges it only after the retention', async () => {
    s = await counselingSchool();
    const { c } = s;
    const { kase, recordId } = await guardedCase(s);
    await c.cases.remove({ id: kase.id, reason: '开错了学生' });
    expect((await c.search.notes({ query: '安全' })).total).toBe(0);

    const listed = await c.trash.list({});
    expect(listed).toEqual({
      retentionDays: 90,
      items: [
        { kind: 'case', id: kase.id, clientLabel: '张三明', recordCount: 1, deletedAt: s.clock.now, deletedReason: '开错了学生', purgeableAt: s.clock.now + 90 * DAY_MS, due: false },
      ],
    });
    await c.trash.restore({ kind: 'case', id: kase.id });
    expect((await c.trash.list({})).items).toEqual([]);
    expect((await c.cases.get({ id: kase.id })).records.map((r) => r.id)).toEqual([recordId]);
    expect((await c.search.notes({ query: '安全' })).total).toBe(1);
    expect((await c.search.notes({ query: '面谈' })).items.map((i) => i.source)).toEqual(['addendum']);

    await c.cases.remove({ id: kase.id, reason: '确认开错' });
    await s.later(24 * 89);
    expect(await c.trash.purge({ confirm: true })).toEqual({ cases: 0, records: 0, contacts: 0 });
    expect((await c.audit.list({ action: 'trash.purge' })).total).toBe(0);
    expect((await rawCounts(s, kase.id)).records).toBe(1);

    await s.later(24 * 2);
    expect(await c.trash.purge({ confirm: true })).toEqual({ cases: 1, records: 1, contacts: 0 });
    expect(await rawCounts(s, kase.id)).toEqual({ cases: 0, records: 0, addenda: 0, disclosures: 0, categories: 0, gate: 0 });
    const row = (await c.audit.list({ action: 'trash.purge' })).items[0]!;
    expect(row.details).toEqual({ cases: 1, records: 1, contacts: 0, caseIds: [kase.id] });
    expect((await c.audit.verify({})).ok).toBe(true);
    expect(await rejection(c.trash.restore({ kind: 'case', id: kase.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps signed rows undeletable below the app, even of a deleted case, outside a purge', async () => {
    s = await counselingSchool();
    const { kase, recordId } = await guardedCase(s);
    const live = await openCase(s.c, s.studentId);
    await s.c.cases.remove({ id: kase.id, reason: '误建' });
    const { rawKeyHex } = await s.c.key.exportRaw({ recoveryKey: s.recoveryKey });
    const raw = openRaw(join(s.t.dataDir, 'counselroom.db'), rawKeyHex);
    expect(() => raw.prepare('DELETE FROM session_records WHERE id = ?').run(recordId)).toThrow(/read-only/);
    expect(() => raw.prepare('DELETE FROM record_addenda WHERE record_id = ?').run(recordId)).toThrow(/immutable/);
    expect(() => raw.prepare('DELETE FROM disclosures WHERE record_id = ?').run(recordId)).toThrow(/immutable/);
    expect(() => raw.prepare('INSERT INTO purge_gate (case_id) VALUES (?)').run(live.id)).toThrow(/soft-deleted/);
    raw.close();
  });

  it('restores a discarded draft and a deleted contact, but not a record of a deleted case', async () => {
    s = await counselingSchool();
    const { c } = s;
    const kase = await openCase(c, s.studentId);
    const draft = await filledDraft(c, kase.id, { analysis: '同伴冲突引发情绪波动。' });
    const contact = await c.contacts.create({
      studentId: s.studentId,
      caseId: kase.id,
      contactDate: '2025-03-11',
      withKind: 'teacher',
      withLabel: '班主任',
      channel: 'schoolMeeting',
      summary: '班主任反映同伴冲突已缓和。',
      agreedActions: '',
    });
    await c.records.remove({ id: draft.id, reason: '重复录入' });
    await c.contacts.remove({ id: contact.id, reason: '记错学生' });
    expect((await c.trash.list({})).items.map((i) => [i.kind, i.id])).toEqual(
      expect.arrayContaining([
        ['record', draft.id],
        ['contact', contact.id],
      ]),
    );
    expect((await c.search.notes({ query: '冲突' })).total).toBe(0);
    await c.trash.restore({ kind: 'record', id: draft.id });
    await c.trash.restore({ kind: 'contact', id: contact.id });
    expect((await c.search.notes({ query: '冲突' })).total).toBe(2);
    expect((await c.audit.list({ action: 'trash.restore' })).items.map((r) => r.targetId).sort()).toEqual([contact.id, draft.id].sort());

    await c.records.remove({ id: draft.id, reason: '重复录入' });
    await c.cases.remove({ id: kase.id, reason: '误建' });
    expect(await rejection(c.trash.restore({ kind: 'record', id: draft.id }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.trash.caseDeleted',
      details: { path: 'id' },
    });
    // Purging the case erases its discarded draft too, and leaves the contact with the student.
    await c.settings.update({ trashRetentionDays: 1 });
    await s.later(48);
    expect(await c.trash.purge({ confirm: true })).toEqual({ cases: 1, records: 1, contacts: 0 });
    expect((await c.contacts.get({ id: contact.id })).caseId).toBeNull();
  });

  it('keeps a draft that documents a disclosure, and the retention is the counselors’ setting', async () => {
    s = await counselingSchool();
    const kase = await openCase(s.c, s.studentId);
    const d = await filledDraft(s.c, kase.id, { riskOfHarm: 'others' });
    await s.c.records.addDisclosure({ recordId: d.id, informedKind: 'homeroomTeacher', informedLabel: '李老师', informedAt: s.clock.now, channel: 'inPerson' });
    expect(await rejection(s.c.records.remove({ id: d.id, reason: '不需要了' }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.record.hasDisclosure',
    });
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    expect(await rejection(principal.client.settings.update({ trashRetentionDays: 1 }))).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'errors.settings.counselorOnly',
    });
    expect(await rejection(s.c.trash.purge({ confirm: false } as never))).toMatchObject({ code: 'VALIDATION' });
    expect((await s.c.settings.update({ trashRetentionDays: 30 })).trashRetentionDays).toBe(30);
  });
});
