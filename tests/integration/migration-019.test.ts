import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate';
import { tableDigests } from '../../electron/db/table-digests';
import { seedCounselorAndStudent, tempArchive } from '../helpers/raw-db';

let archive: ReturnType<typeof tempArchive> | undefined;
afterEach(() => {
  archive?.remove();
  archive = undefined;
});

/** Each case at version 18: its old source, the appointment it names, its crisis source if it is a crisis case, and the source 019 must give it. */
const CASES = [
  { id: 'c-appt-linked', source: 'appointment', appointmentId: 'a-mailbox', crisis: null, expected: 'mailbox' },
  { id: 'c-appt-unlinked', source: 'appointment', appointmentId: null, crisis: null, expected: 'selfReferral' },
  // appointment_id is free text: one naming no appointment counts as unlinked.
  { id: 'c-appt-dangling', source: 'appointment', appointmentId: 'gone', crisis: null, expected: 'selfReferral' },
  { id: 'c-referral', source: 'referral', appointmentId: null, crisis: null, expected: 'teacherReferral' },
  { id: 'c-screening', source: 'screening', appointmentId: null, crisis: null, expected: 'screening' },
  // Only 'appointment' reads the linked appointment: a walk-in linked to a booking stays a walk-in.
  { id: 'c-walkin', source: 'walkIn', appointmentId: 'a-mailbox', crisis: null, expected: 'walkIn' },
  // A crisis case takes its crisis record's source, whatever the case's own said.
  { id: 'k-screening', source: 'screening', appointmentId: null, crisis: 'screening', expected: 'screening' },
  { id: 'k-session', source: 'appointment', appointmentId: 'a-mailbox', crisis: 'session', expected: 'crisis' },
  { id: 'k-teacher', source: 'referral', appointmentId: null, crisis: 'teacher', expected: 'teacherReferral' },
  { id: 'k-peer', source: 'referral', appointmentId: null, crisis: 'peer', expected: 'crisis' },
  { id: 'k-guardian', source: 'referral', appointmentId: null, crisis: 'guardian', expected: 'guardianReferral' },
  { id: 'k-self', source: 'walkIn', appointmentId: null, crisis: 'selfReport', expected: 'crisis' },
  { id: 'k-other', source: 'referral', appointmentId: null, crisis: 'other', expected: 'crisis' },
] as const;

/** Version 18 data: appointments and a waitlist entry pointing at one, every old case source, children of cases and appointments. */
function seedVersion18(db: Database.Database): void {
  seedCounselorAndStudent(db);
  const appointment = db.prepare(
    `INSERT INTO appointments (id, client_kind, student_id, counselor_id, date, start_min, end_min, kind, source, status, cancel_reason, outside_opening, created_by, created_at, updated_at)
     VALUES (?, 'student', 's1', 'u1', '2025-03-12', ?, ?, 'individual', ?, ?, ?, 0, 'u1', 5, 6)`,
  );
  appointment.run('a-gap', 600, 650, 'walkIn', 'confirmed', null);
  appointment.run('a-mailbox', 700, 750, 'mailbox', 'completed', null);
  appointment.run('a-teacher', 800, 850, 'teacherReferral', 'cancelled', '学生请假');
  // A deleted row leaves a rowid gap, which the rebuild must keep.
  db.prepare(`DELETE FROM appointments WHERE id = 'a-gap'`).run();
  db.prepare(
    `INSERT INTO waitlist (id, client_kind, student_id, source, preference, added_by, added_at, closed_at, appointment_id)
     VALUES ('w1', 'student', 's1', 'screening', '周三下午', 'u1', 7, 8, 'a-teacher'), ('w2', 'parent', NULL, 'crisis', '', 'u1', 9, NULL, NULL)`,
  ).run();
  db.prepare(`UPDATE waitlist SET client_label = '初二家长' WHERE id = 'w2'`).run();

  const kase = db.prepare(
    `INSERT INTO cases (id, client_kind, student_id, source, source_note, appointment_id, goals, status, opened_on, counselor_id, created_by, created_at, updated_at)
     VALUES (?, 'student', 's1', ?, '来源说明', ?, '目标', 'open', '2025-03-12', 'u1', 'u1', 10, 11)`,
  );
  kase.run('c-gap', 'walkIn', null);
  db.prepare(`DELETE FROM cases WHERE id = 'c-gap'`).run();
  const category = db.prepare(`INSERT INTO case_categories (case_id, category) VALUES (?, ?)`);
  const crisis = db.prepare(
    `INSERT INTO crisis_cases (case_id, source, tier, reason, status, created_at, updated_at) VALUES (?, ?, 'orange', '班主任反映', 'open', 12, 12)`,
  );
  const step = db.prepare(`INSERT INTO crisis_steps (case_id, step, owner_id, due_on, state) VALUES (?, 'intervention', 'u1', '2025-03-13', 'open')`);
  for (const c of CASES) {
    kase.run(c.id, c.source, c.appointmentId);
    category.run(c.id, c.crisis ? 'crisis' : 'study');
    if (c.crisis) {
      crisis.run(c.id, c.crisis);
      step.run(c.id);
    }
  }
  // A closed, a soft-deleted and a staff case keep every other column as it was.
  db.prepare(`UPDATE cases SET status = 'closed', closed_on = '2025-03-20', closed_at = 30, closing_summary = '结案' WHERE id = 'c-referral'`).run();
  db.prepare(`UPDATE cases SET deleted_at = 40, deleted_reason = '重复建档', deleted_by = 'u1' WHERE id = 'c-appt-unlinked'`).run();
  db.prepare(
    `INSERT INTO cases (id, client_kind, student_id, client_label, source, status, opened_on, counselor_id, created_by, created_at, updated_at)
     VALUES ('c-staff', 'staff', NULL, '初二语文组教师', 'referral', 'open', '2025-03-12', 'u1', 'u1', 13, 13)`,
  ).run();
  db.prepare(`INSERT INTO case_categories (case_id, category) VALUES ('c-staff', 'emotion')`).run();

  // Rows pointing at cases and at appointments, one of them signed (its triggers must still hold).
  db.prepare(
    `INSERT INTO session_records (id, case_id, student_id, author_id, session_date, mode, with_student, with_guardian, with_teacher, kind,
       main_problem, risk_of_harm, revision, signed_at, created_at, updated_at)
     VALUES ('r1', 'c-appt-linked', 's1', 'u1', '2025-03-12', 'face', 1, 0, 0, 'first', '考试焦虑', 'none', 2, 20, 14, 20)`,
  ).run();
  db.prepare(`INSERT INTO case_transfers (id, case_id, from_user_id, to_user_id, by_user_id, at) VALUES ('t1', 'c-screening', 'u1', 'u1', 'u1', 15)`).run();
  db.prepare(
    `INSERT INTO contacts (id, student_id, case_id, contact_date, with_kind, channel, summary, author_id, created_at, updated_at)
     VALUES ('ct1', 's1', 'k-guardian', '2025-03-12', 'guardian', 'phone', '告知家长', 'u1', 16, 16)`,
  ).run();
  db.prepare(
    `INSERT INTO crisis_entries (id, case_id, step, kind, entry_date, fields, appointment_id, created_by, created_at)
     VALUES ('e1', 'k-session', 'intervention', 'appointmentLink', '2025-03-12', '{}', 'a-mailbox', 'u1', 17)`,
  ).run();
}

type Row = Record<string, unknown>;
const rowsOf = (db: Database.Database, table: string) => db.prepare(`SELECT rowid AS row_id, * FROM ${table} ORDER BY rowid`).all() as Row[];
/** The schema without the three rebuilt tables' own CREATE TABLE text (indexes, triggers and every other table stay). */
const schemaOf = (db: Database.Database) =>
  db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE NOT (type = 'table' AND name IN ('cases', 'appointments', 'waitlist')) ORDER BY type, name`).all();
const tableSql = (db: Database.Database, name: string) => (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) as { sql: string }).sql;
const OLD_CASE_CHECK = "CHECK (source IN ('appointment', 'referral', 'screening', 'walkIn'))";
const OLD_APPOINTMENT_CHECK = "CHECK (source IN ('walkIn', 'selfReferral', 'mailbox', 'teacherReferral', 'screening', 'crisis'))";
const NEW_CHECK = "CHECK (source IN ('walkIn', 'selfReferral', 'mailbox', 'teacherReferral', 'guardianReferral', 'screening', 'crisis', 'other'))";

describe('migration 019: one 来源 list for cases, appointments and the waitlist', () => {
  it('maps every old case source, keeps every row, rowid, index, trigger and link, and the rebuilt tables take only the new list', () => {
    archive = tempArchive('counselroom-mig19-');
    const db = archive.db;
    expect(migrate(db, loadMigrations().slice(0, 18))).toBe(18);
    seedVersion18(db);
    const digests = tableDigests(db);
    const schema = schemaOf(db);
    const sql = { cases: tableSql(db, 'cases'), appointments: tableSql(db, 'appointments'), waitlist: tableSql(db, 'waitlist') };
    const cases = rowsOf(db, 'cases');

    expect(migrate(db, loadMigrations().slice(0, 19))).toBe(19);
    expect(schemaVersion(db)).toBe(19);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Each case's source as the mapping says; the staff case's 'referral' too.
    const expected: Record<string, string> = { ...Object.fromEntries(CASES.map((c) => [c.id, c.expected])), 'c-staff': 'teacherReferral' };
    expect(Object.fromEntries((db.prepare('SELECT id, source FROM cases').all() as { id: string; source: string }[]).map((r) => [r.id, r.source]))).toEqual(expected);
    // Nothing else of a case changed, rowids (with the gap) included.
    expect(rowsOf(db, 'cases')).toEqual(cases.map((r) => ({ ...r, source: expected[r.id as string] })));
    // Every other table holds exactly what it held, appointments and the waitlist included.
    const after = tableDigests(db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(digests).sort());
    for (const name of Object.keys(digests).filter((n) => n !== 'cases')) expect([name, after[name]]).toEqual([name, digests[name]]);

    // Indexes, triggers and every other table's definition are as before; the three tables differ only in their source CHECK.
    expect(schemaOf(db)).toEqual(schema);
    expect(tableSql(db, 'cases')).toBe(sql.cases.replace(OLD_CASE_CHECK, NEW_CHECK));
    expect(tableSql(db, 'appointments')).toBe(sql.appointments.replace(OLD_APPOINTMENT_CHECK, NEW_CHECK));
    expect(tableSql(db, 'waitlist')).toBe(sql.waitlist.replace(OLD_APPOINTMENT_CHECK, NEW_CHECK));
    expect(sql.cases).toContain(OLD_CASE_CHECK);
    expect(sql.appointments).toContain(OLD_APPOINTMENT_CHECK);

    // The new CHECKs: an old case code is refused, a new code is taken by all three tables.
    expect(() => db.prepare(`UPDATE cases SET source = 'referral' WHERE id = 'c-walkin'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE appointments SET source = 'appointment' WHERE id = 'a-mailbox'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE cases SET source = 'guardianReferral' WHERE id = 'c-walkin'`).run();
    db.prepare(`UPDATE appointments SET source = 'other' WHERE id = 'a-mailbox'`).run();
    db.prepare(`UPDATE waitlist SET source = 'guardianReferral' WHERE id = 'w2'`).run();
    // Foreign keys hold on the rebuilt tables, and the signed record's trigger still guards it.
    expect(() => db.prepare(`UPDATE waitlist SET appointment_id = 'missing' WHERE id = 'w1'`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`DELETE FROM appointments WHERE id = 'a-teacher'`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`DELETE FROM cases WHERE id = 'c-screening'`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE session_records SET main_problem = '改' WHERE id = 'r1'`).run()).toThrow();
  });

  it('migrates an empty archive', () => {
    archive = tempArchive('counselroom-mig19-empty-');
    expect(migrate(archive.db)).toBe(loadMigrations().length);
    expect(archive.db.pragma('foreign_key_check')).toEqual([]);
    expect(tableSql(archive.db, 'cases')).toContain(NEW_CHECK);
  });
});
