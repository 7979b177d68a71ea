import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../electron/db/migrate';
import { colleague, counselingSchool, filledDraft, openCase, rejection, type CounselingSchool } from '../helpers/counseling';
import { TEST_SCHOOL } from '../helpers/inproc';
import { seedCounselorAndStudent, tempArchive } from '../helpers/raw-db';
import { completePhq9, consentToTesting, phq9Codes } from '../helpers/screening';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

/** A finished PHQ-9 whose item 9 raised the critical alert; returns the form and the alert. */
async function criticalPhq9(school: CounselingSchool, date = '2025-03-12') {
  const form = await completePhq9(school.c, { studentId: school.studentId, date }, phq9Codes(12, 1));
  const alert = form.alerts.find((a) => a.severity === 'critical');
  if (!alert) throw new Error('item 9 raised no critical alert');
  return { form, alert };
}

describe('alert handling in the student’s archive (一生一档)', () => {
  it('shows assessments (completed, voided, rescored) with score and band, alerts raised and their handling, each with its time, in the order of the day', async () => {
    s = await counselingSchool();
    const { c, studentId } = s;
    await consentToTesting(c, studentId, '2025-03-01');
    const { form, alert } = await criticalPhq9(s);
    await s.later(1);
    await c.alerts.acknowledge({ id: alert.id, action: 'talkedNow', note: '课间当面约谈，学生情绪平稳，已约周五复谈。' });
    const voided = await c.assessments.start({ studentId, scaleId: 'gad7', mode: 'paper', date: '2025-03-12', acknowledgeIneligible: true });
    await c.assessments.void({ formId: voided.id, reason: '录错学生' });

    const day = (await c.archive.timeline({ studentId, from: '2025-03-12', to: '2025-03-12', order: 'asc' })).items;
    expect(day.map((e) => [e.kind, e.id])).toEqual([
      ['assessment', form.id],
      ['assessment', voided.id],
      ['alertRaised', alert.id],
      ['alertHandled', alert.id],
    ]);
    const [phq, gad, raised, handled] = day;
    expect(phq).toMatchObject({ scaleId: 'phq9', score: 12, bandLabel: 'scales.band.attention', tags: ['formMode:paper', 'formStatus:completed'], actorName: '王老师' });
    expect(gad).toMatchObject({ scaleId: 'gad7', score: null, bandLabel: null, tags: ['formMode:paper', 'formStatus:voided'] });
    expect(raised).toMatchObject({ scaleId: 'phq9', tags: ['severity:critical'], at: alert.raisedAt, excerpt: '' });
    expect(handled).toMatchObject({ tags: ['severity:critical', 'action:talkedNow'], actorName: '王老师', excerpt: '课间当面约谈，学生情绪平稳，已约周五复谈。' });
    expect(handled!.at).toBe(raised!.at + 3_600_000);

    // A rescoring is an entry of its own, marked as such; the original's stays as it was.
    await s.later(0.1);
    const derived = await c.assessments.rescore({ formId: form.id, normProfileId: 'adolescent-11' });
    const assessments = (await c.archive.timeline({ studentId, kinds: ['assessment'], order: 'asc' })).items;
    expect(assessments.map((e) => [e.id, e.tags.includes('rescored:yes')])).toEqual([
      [form.id, false],
      [voided.id, false],
      [derived.id, true],
    ]);
  });

  it('opens one alert with its handling, and finds a handling note in the notes search', async () => {
    s = await counselingSchool();
    const { c, studentId } = s;
    await consentToTesting(c, studentId, '2025-03-01');
    const { alert } = await criticalPhq9(s);
    expect(await c.alerts.get({ id: alert.id })).toMatchObject({ acknowledgedAt: null, acknowledgedByName: null, deferredAt: null });
    await c.alerts.acknowledge({ id: alert.id, action: 'guardianInformed', note: '已电话告知母亲，母亲同意下午到校面谈。' });
    expect(await c.alerts.get({ id: alert.id })).toMatchObject({ action: 'guardianInformed', acknowledgedByName: '王老师', note: '已电话告知母亲，母亲同意下午到校面谈。' });
    expect((await c.audit.list({ action: 'alerts.get' })).items[0]).toMatchObject({ targetType: 'alert', targetId: alert.id });

    const hits = await c.search.notes({ query: '到校面谈' });
    expect(hits.items).toEqual([expect.objectContaining({ source: 'alert', id: alert.id, studentId, clientLabel: '张三明', recordId: null, date: '2025-03-12' })]);
    expect(hits.items[0]!.snippet.text).toContain('到校面谈');
  });

  it('keeps an alert open when the counselor chooses “later”, and records each choice', async () => {
    s = await counselingSchool();
    const { c, studentId } = s;
    await consentToTesting(c, studentId, '2025-03-01');
    const { alert } = await criticalPhq9(s);
    const deferred = await c.alerts.defer({ id: alert.id, context: 'kiosk' });
    expect(deferred).toMatchObject({ acknowledgedAt: null, deferredAt: s.clock.now });
    expect((await c.alerts.open({})).items.map((a) => a.id)).toEqual([alert.id]);
    const [row] = (await c.audit.list({ action: 'alerts.defer' })).items;
    expect(row).toMatchObject({ targetType: 'alert', targetId: alert.id, details: { context: 'kiosk', severity: 'critical' } });

    await c.alerts.acknowledge({ id: alert.id, action: 'talkedNow', note: '' });
    expect((await c.alerts.open({})).items).toEqual([]);
    expect((await rejection(c.alerts.defer({ id: alert.id, context: 'kiosk' }))).code).toBe('CONFLICT');
    expect((await rejection(c.alerts.defer({ id: alert.id, context: 'elsewhere' } as never))).code).toBe('VALIDATION');
  });
});

describe('the referral export', () => {
  it('returns everything the archive shows, in full, in one audited call', async () => {
    s = await counselingSchool();
    const { c, studentId } = s;
    await c.consents.record({ studentId, scope: 'testing', party: 'student', outcome: 'given', date: '2025-03-01', form: 'written' });
    await c.consents.record({ studentId, scope: 'testing', party: 'guardian', outcome: 'given', date: '2025-03-01', form: 'verbal', note: '父亲电话同意' });
    const { alert } = await criticalPhq9(s);
    await c.alerts.acknowledge({ id: alert.id, action: 'talkedNow', note: '当天约谈，建议家长陪同就医。' });
    const kase = await openCase(c, studentId, { openedOn: '2025-03-12' });
    const record = await filledDraft(c, kase.id, { sessionDate: '2025-03-12' });
    await c.records.sign({ id: record.id, revision: record.revision });
    await c.records.addAddendum({ recordId: record.id, text: '补充：家长已预约医院门诊。' });
    const summary = '与母亲电话沟通学生近况，母亲反映孩子在家睡眠差，周末不愿出门，情绪容易激动，希望学校多关注。'.repeat(2);
    await c.contacts.create({ studentId, caseId: kase.id, contactDate: '2025-03-12', withKind: 'guardian', channel: 'phone', summary, agreedActions: '每周电话反馈一次' });

    const out = await c.archive.recordExport({ studentId, purpose: 'referral', confirmed: true });
    expect(out).toMatchObject({ schoolName: TEST_SCHOOL.name, purpose: 'referral', exportedAt: s.clock.now, student: { id: studentId, name: '张三明' } });
    const byKind = (kind: string) => out.entries.filter((e) => e.kind === kind);
    // Both written in the same millisecond: their order between them is not the point here.
    expect(byKind('consent').map((e) => [e.tags, e.text]).sort()).toEqual([
      [['scope:testing', 'party:guardian', 'outcome:given', 'form:verbal'], '父亲电话同意'],
      [['scope:testing', 'party:student', 'outcome:given', 'form:written'], ''],
    ]);
    expect(byKind('contact')[0]!.text).toBe(`${summary}\n每周电话反馈一次`);
    expect(byKind('assessment')[0]).toMatchObject({ scaleId: 'phq9', score: 12, bandLabel: 'scales.band.attention' });
    expect(byKind('alertHandled')[0]).toMatchObject({ text: '当天约谈，建议家长陪同就医。', tags: ['severity:critical', 'action:talkedNow'] });
    expect(out.records).toEqual([expect.objectContaining({ id: record.id, signedAt: expect.any(Number), addenda: [expect.objectContaining({ text: '补充：家长已预约医院门诊。' })] })]);
    // Oldest first, as the copy is read.
    expect(out.entries[0]!.kind).toBe('consent');

    const rows = (await c.audit.list({ action: 'archive.recordExport' })).items;
    expect(rows[0]).toMatchObject({ targetType: 'student', targetId: studentId, details: { purpose: 'referral', records: 1 } });
    expect(JSON.stringify(rows)).not.toContain('张三明');
  });

  it('is a counselor’s only', async () => {
    s = await counselingSchool();
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    expect((await rejection(principal.client.archive.recordExport({ studentId: s.studentId, purpose: 'referral', confirmed: true }))).code).toBe('FORBIDDEN');
    expect((await rejection(principal.client.alerts.defer({ id: s.studentId, context: 'kiosk' }))).code).toBe('FORBIDDEN');
  });
});

describe('migration 008 on an archive with handled alerts', () => {
  it('dates each handled alert on its school day, keeps it read-only, and keeps the notes index', () => {
    const { db, remove } = tempArchive('counselroom-mig8-');
    try {
      expect(migrate(db, loadMigrations().slice(0, 7))).toBe(7);
      seedCounselorAndStudent(db);
      db.prepare(
        `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, administered_by, started_at)
         VALUES ('f1', 's1', 'phq9', '1.0.0', 'h', 'kiosk', 'inProgress', '2025-03-12', 'u1', 10)`,
      ).run();
      // Handled at 2025-03-12 23:30 in Shanghai (15:30 UTC): the school day is the 12th, not the UTC date's.
      const handledAt = Date.UTC(2025, 2, 12, 15, 30);
      db.prepare(`INSERT INTO alerts (id, form_id, student_id, scale_id, alert_id, severity, items_json, raised_at) VALUES ('a1', 'f1', 's1', 'phq9', 'phq9_item9', 'critical', '["phq9_9"]', 12)`).run();
      db.prepare(`UPDATE alerts SET acknowledged_at = ?, acknowledged_by = 'u1', action = 'talkedNow', note = '已约谈' WHERE id = 'a1'`).run(handledAt);
      db.prepare(`INSERT INTO note_index (doc, source_kind, source_id, note_date) VALUES (7, 'contact', 'k1', '2025-03-01')`).run();

      expect(migrate(db)).toBe(loadMigrations().length);
      expect(db.prepare(`SELECT acknowledged_on FROM alerts WHERE id = 'a1'`).get()).toEqual({ acknowledged_on: '2025-03-12' });
      expect(() => db.prepare(`UPDATE alerts SET note = 'changed' WHERE id = 'a1'`).run()).toThrow(/read-only/);
      expect(db.prepare('SELECT doc, source_kind, source_id FROM note_index').all()).toEqual([{ doc: 7, source_kind: 'contact', source_id: 'k1' }]);
      db.prepare(`INSERT INTO note_index (source_kind, source_id, note_date) VALUES ('alert', 'a1', '2025-03-12')`).run();
      db.prepare(`INSERT INTO alert_deferrals (id, alert_id, deferred_by, deferred_at, context) VALUES ('d1', 'a1', 'u1', 1, 'paper')`).run();
      expect(() => db.prepare(`DELETE FROM alert_deferrals`).run()).toThrow(/kept/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      remove();
    }
  });
});
