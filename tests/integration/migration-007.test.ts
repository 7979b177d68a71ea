import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate';
import { seedCounselorAndStudent, tempArchive } from '../helpers/raw-db';

let archive: ReturnType<typeof tempArchive> | undefined;
let db: Database.Database | undefined;
afterEach(() => {
  archive?.remove();
  archive = undefined;
  db = undefined;
});

/** A keyed SQLCipher file with the pragmas the app sets that matter here. */
function openArchive(): Database.Database {
  archive = tempArchive('counselroom-mig7-');
  return archive.db;
}

const RESULT = JSON.stringify({ scaleId: 'phq9', version: '1.0.0', scales: { total: { score: 11 } } });

/** Version 6 data: a completed PHQ-9 with its answers and the critical alert it raised, and a form still in progress. */
function seedVersion6(d: Database.Database): void {
  seedCounselorAndStudent(d);
  const form = d.prepare(
    `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, administered_by, started_at)
     VALUES (?, 's1', 'phq9', '1.0.0', 'hash-1', 'kiosk', 'inProgress', '2025-03-12', 'u1', 10)`,
  );
  form.run('f1');
  form.run('f2');
  const answer = d.prepare(`INSERT INTO form_answers (form_id, item_id, code, answered_at) VALUES (?, ?, ?, 11)`);
  for (let i = 1; i <= 9; i++) answer.run('f1', `phq9_${i}`, '1');
  answer.run('f2', 'phq9_1', '2');
  d.prepare(`INSERT INTO alerts (id, form_id, student_id, scale_id, alert_id, severity, items_json, raised_at) VALUES ('a1', 'f1', 's1', 'phq9', 'phq9_item9', 'critical', '["phq9_9"]', 12)`).run();
  d.prepare(`UPDATE forms SET status = 'completed', completed_at = 20, result_json = ? WHERE id = 'f1'`).run(RESULT);
}

const formsOf = (d: Database.Database) => d.prepare('SELECT id, student_id, scale_id, version, definition_hash, mode, status, date, started_at, completed_at, result_json FROM forms ORDER BY id').all();

describe('migration 007 on an archive with assessments', () => {
  it('keeps every form, answer and alert, and the rebuilt forms table stays immutable once completed', () => {
    db = openArchive();
    expect(migrate(db, loadMigrations().slice(0, 6))).toBe(6);
    seedVersion6(db);
    const forms = formsOf(db);
    const answers = db.prepare('SELECT * FROM form_answers ORDER BY form_id, item_id').all();
    const alerts = db.prepare('SELECT * FROM alerts').all();

    // Up to 007 only: later migrations add columns of their own (008's are tested in alert-archive).
    expect(migrate(db, loadMigrations().slice(0, 7))).toBe(7);
    expect(schemaVersion(db)).toBe(7);
    expect(formsOf(db)).toEqual(forms);
    expect(db.prepare('SELECT campaign_id, derived_from FROM forms WHERE id = ?').get('f1')).toEqual({ campaign_id: null, derived_from: null });
    expect(db.prepare('SELECT * FROM form_answers ORDER BY form_id, item_id').all()).toEqual(answers);
    expect(db.prepare('SELECT * FROM alerts').all()).toEqual(alerts.map((a) => ({ ...(a as object), case_id: null })));
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The triggers were recreated on the new table: a completed result and its answers stay as they were.
    expect(() => db!.prepare(`UPDATE forms SET result_json = '{}' WHERE id = 'f1'`).run()).toThrow(/read-only/);
    expect(() => db!.prepare(`UPDATE forms SET mode = 'paper' WHERE id = 'f1'`).run()).toThrow(/read-only/);
    expect(() => db!.prepare(`DELETE FROM forms WHERE id = 'f1'`).run()).toThrow(/read-only/);
    expect(() => db!.prepare(`INSERT INTO form_answers (form_id, item_id, code, answered_at) VALUES ('f1', 'phq9_10', '0', 30)`).run()).toThrow(/read-only/);
    expect(() => db!.prepare(`UPDATE form_answers SET code = '3' WHERE form_id = 'f1'`).run()).toThrow(/read-only/);
    // Voiding keeps the result, as before.
    db.prepare(`UPDATE forms SET status = 'voided', void_reason = '重复' WHERE id = 'f1'`).run();
    // A form in progress still takes answers.
    db.prepare(`INSERT INTO form_answers (form_id, item_id, code, answered_at) VALUES ('f2', 'phq9_2', '0', 30)`).run();

    db.prepare(
      `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, administered_by, started_at, derived_from)
       VALUES ('f3', 's1', 'phq9', '1.0.0', 'hash-1', 'import', 'inProgress', '2025-03-13', 'u1', 40, 'f1')`,
    ).run();
    expect(db.prepare('SELECT mode, derived_from FROM forms WHERE id = ?').get('f3')).toEqual({ mode: 'import', derived_from: 'f1' });
    expect(() =>
      db!.prepare(
        `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, administered_by, started_at)
         VALUES ('f4', 's1', 'phq9', '1.0.0', 'hash-1', 'email', 'inProgress', '2025-03-13', 'u1', 40)`,
      ).run(),
    ).toThrow(/CHECK/);
  });
});
