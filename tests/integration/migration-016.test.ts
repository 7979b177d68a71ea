import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../electron/db/migrate';
import { builtins } from '../../electron/services/assessments/scales';
import { headlineBand, scoreForm } from '../../shared/domain/scales';
import { seedCounselorAndStudent, tempArchive } from '../helpers/raw-db';

let archive: ReturnType<typeof tempArchive> | undefined;
afterEach(() => archive?.remove());

const def = (id: string) => builtins().find((r) => r.definition.id === id)!.definition;
const answers = (prefix: string, n: number, code: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}_${i + 1}`, code]));

describe('migration 016: the headline band stored with each completed form', () => {
  it('fills the band of every completed or voided form from its result, none for an invalid one, and keeps them read-only', () => {
    archive = tempArchive('counselroom-mig16-');
    const db: Database.Database = archive.db;
    expect(migrate(db, loadMigrations().slice(0, 15))).toBe(15);
    seedCounselorAndStudent(db);
    const results = {
      mild: scoreForm(def('phq9'), answers('phq9', 9, '1')),
      severe: scoreForm(def('gad7'), answers('gad7', 7, '3')),
      // Most answers missing: invalid, no band.
      invalid: scoreForm(def('phq9'), { phq9_1: '1' }),
    };
    const insert = db.prepare(
      `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, administered_by, started_at)
       VALUES (?, 's1', ?, ?, 'hash', 'paper', 'inProgress', '2025-03-12', 'u1', 10)`,
    );
    const complete = db.prepare(`UPDATE forms SET status = 'completed', completed_at = 20, result_json = ? WHERE id = ?`);
    for (const [id, r] of Object.entries(results)) {
      insert.run(id, r.scaleId, r.version);
      complete.run(JSON.stringify(r), id);
    }
    insert.run('open', 'phq9', '1.0.0');
    db.prepare(`UPDATE forms SET status = 'voided', void_reason = '重复' WHERE id = 'severe'`).run();

    expect(migrate(db)).toBe(loadMigrations().length);
    const bands = db.prepare('SELECT id, band_code AS code, band_label AS labelKey FROM forms ORDER BY id').all();
    const expected = (id: keyof typeof results) => {
      const b = headlineBand(results[id]);
      return { id, code: b?.code ?? null, labelKey: b?.labelKey ?? null };
    };
    expect(bands).toEqual([expected('invalid'), expected('mild'), { id: 'open', code: null, labelKey: null }, expected('severe')]);
    expect(headlineBand(results.mild)).not.toBeNull();
    expect(headlineBand(results.severe)).not.toBeNull();
    expect(headlineBand(results.invalid)).toBeNull();

    // The read-only trigger is back, with the band among what cannot change.
    expect(() => db.prepare(`UPDATE forms SET band_code = 'none' WHERE id = 'mild'`).run()).toThrow(/read-only/);
    expect(() => db.prepare(`UPDATE forms SET result_json = '{}' WHERE id = 'mild'`).run()).toThrow(/read-only/);
    expect(() => db.prepare(`UPDATE forms SET band_label = NULL WHERE id = 'severe'`).run()).toThrow(/read-only/);
  });
});
