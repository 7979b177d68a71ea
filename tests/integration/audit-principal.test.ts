import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core/state';
import { colleague, counselingSchool, filledDraft, openCase, STUDENT, type CounselingSchool } from '../helpers/counseling';
import { openRaw } from '../helpers/raw-db';
import { completePhq9, consentToTesting, phq9Codes } from '../helpers/screening';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

/** Every string anywhere in a JSON value, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

// Everything that belongs to one student: the kinds named in the audit rule, and what hangs off them.
const STUDENT_TABLES = ['students', 'cases', 'session_records', 'record_addenda', 'disclosures', 'forms', 'alerts', 'contacts', 'consents', 'appointments', 'waitlist'];

/** A school with a few weeks of counseling work on two students, all through the dispatcher. */
async function seeded() {
  s = await counselingSchool();
  const { c, studentId } = s;
  const other = await c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红', sex: 'F' });
  await c.students.update({ id: other.id, ...STUDENT, studentNo: '20240102', name: '李小红', sex: 'F', className: '4班' });
  await c.students.get({ id: other.id });
  for (const id of [studentId, other.id]) await consentToTesting(c, id);
  // A 危急 alert on a PHQ-9, handed to a crisis case: the trail the rule exists to cut.
  const finished = await completePhq9(c, { studentId }, phq9Codes(20, 2));
  const critical = finished.alerts.find((a) => a.alertId === 'phq9_item9')!;
  const crisis = await c.alerts.openCrisisCase({ id: critical.id, note: '已联系家长' });
  const calm = await completePhq9(c, { studentId: other.id }, phq9Codes(3));
  for (const a of calm.alerts) await c.alerts.acknowledge({ id: a.id, action: 'other' });
  const kase = await openCase(c, other.id);
  const d = await filledDraft(c, crisis.caseId, { riskOfHarm: 'self' });
  await c.records.addDisclosure({ recordId: d.id, informedKind: 'guardian', informedLabel: '母亲', informedAt: s.clock.now, channel: 'phone', note: '' });
  await c.records.sign({ id: d.id, revision: d.revision });
  await c.records.addAddendum({ recordId: d.id, text: '补充说明' });
  const draft = await filledDraft(c, kase.id);
  await c.records.remove({ id: draft.id, reason: '重复' });
  const contact = await c.contacts.create({ studentId, contactDate: '2025-03-12', withKind: 'guardian', withLabel: '父亲', channel: 'phone', summary: '沟通', agreedActions: '' });
  await c.contacts.get({ id: contact.id });
  await c.archive.timeline({ studentId });
  await c.archive.recordExport({ studentId, purpose: 'referral', confirmed: true });
  await c.appointments.create({ studentId: other.id, roomId: null, date: '2025-03-13', start: '09:00', end: '09:40', kind: 'individual', source: 'selfReferral', status: 'requested' });
  await c.waitlist.add({ studentId: other.id, source: 'mailbox', preference: '周三下午', notes: '' });
  await c.cases.close({ id: kase.id, closingSummary: '结案' });
  const principal = await colleague(s.t, 'principal', 'lixiaozhang');

  const { rawKeyHex } = await c.key.exportRaw({ recoveryKey: s.recoveryKey });
  const raw = openRaw(join(s.t.dataDir, DB_FILE), rawKeyHex);
  const ids = new Set(STUDENT_TABLES.flatMap((t) => raw.prepare(`SELECT id FROM ${t}`).pluck().all() as string[]));
  raw.close();
  return { principal, ids };
}

describe('the audit log a principal reads', () => {
  it('carries no id of a student, case, record, form, alert or contact anywhere; a counselor sees them all', async () => {
    const { principal, ids } = await seeded();
    expect(ids.size).toBeGreaterThan(15);
    const full = await s.c.audit.list({ pageSize: 200 });
    expect(full.total).toBeLessThanOrEqual(200);
    const redacted = await principal.client.audit.list({ pageSize: 200 });

    // The counselor's log names them: the check below would catch a leak.
    const named = new Set(strings(full).flatMap((v) => [...ids].filter((id) => v.includes(id))));
    expect(named.size).toBeGreaterThan(15);

    const leaked = strings(redacted).filter((v) => [...ids].some((id) => v.includes(id)));
    expect(leaked).toEqual([]);
    expect(strings(redacted).filter((v) => /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(v)).every((v) => !ids.has(v))).toBe(true);

    // Actions, actors, times, outcomes and counts stay; only the ids go, each replaced by its kind.
    expect(redacted.total).toBe(full.total);
    const bySeq = new Map(full.items.map((r) => [r.seq, r]));
    for (const row of redacted.items.filter((r) => bySeq.has(r.seq))) {
      const before = bySeq.get(row.seq)!;
      expect({ ...row, targetId: null, details: null }).toEqual({ ...before, targetId: null, details: null });
      expect(Object.keys(row.details ?? {})).toEqual(Object.keys(before.details ?? {}));
    }
    const crisis = redacted.items.find((r) => r.action === 'alerts.openCrisisCase')!;
    expect(crisis).toMatchObject({ targetType: 'alert', targetId: null, details: { studentId: 'audit.redacted.student', caseId: 'audit.redacted.case', formId: 'audit.redacted.form' } });
    const opened = redacted.items.find((r) => r.action === 'students.get')!;
    expect(opened).toMatchObject({ targetType: 'student', targetId: null, username: 'wanglaoshi' });
    // Staff accounts are no secret from the principal.
    const created = redacted.items.find((r) => r.action === 'users.create')!;
    expect(created.targetId).toBe(principal.id);
  });

  it('finds no such id in anything else a principal can read', async () => {
    const { principal, ids } = await seeded();
    const p = principal.client;
    const outputs = await Promise.all([
      p.users.list({}), p.settings.get({}), p.audit.actions({}), p.audit.verify({}), p.students.summary({}), p.cases.summary({}),
      p.groups.summary({ from: '2025-03-01', to: '2025-03-31' }), p.rooms.list({}), p.calendar.get({}), p.openings.list({}), p.openings.expand({ from: '2025-03-10', to: '2025-03-16' }),
      p.staff.list({}), p.training.list({ year: 2025 }), p.training.totals({ year: 2025 }), p.campaigns.list({}),
    ]);
    expect(strings(outputs).filter((v) => [...ids].some((id) => v.includes(id)))).toEqual([]);
  });
});
