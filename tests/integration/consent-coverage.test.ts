import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { consentCoverage, missingConsent } from '../../electron/services/assessments/testing-consent';
import { tempArchive } from '../helpers/raw-db';

let archive: ReturnType<typeof tempArchive>;
let db: Database.Database;
const LISTED = ['pending', 'given', 'declined'] as const;
const INDIVIDUAL = [null, 'given', 'declined', 'withdrawn'] as const;

/**
 * The checklist's consent figure counted per form as it was before it became one statement: every
 * original form of the span, and whether its student may be tested under its campaign (or none).
 */
function perFormOracle(from: string, to: string): { forms: number; withoutConsent: number } {
  const forms = db
    .prepare(`SELECT student_id AS studentId, campaign_id AS campaignId FROM forms WHERE status <> 'voided' AND derived_from IS NULL AND date BETWEEN ? AND ?`)
    .all(from, to) as { studentId: string; campaignId: string | null }[];
  return { forms: forms.length, withoutConsent: forms.filter((f) => missingConsent(db, f.studentId, f.campaignId) !== null).length };
}

/**
 * Students in every combination of the campaign list's two answers and the latest individual
 * record of each party (none, given, declined, withdrawn; an older record of the other kind
 * underneath, and two on one day where the later row wins), with forms inside and outside the span,
 * a second scale under the same campaign, voided and rescored ones, unfinished ones, forms under no
 * campaign and under a campaign the student is not listed in.
 */
beforeAll(() => {
  archive = tempArchive('counselroom-consent-coverage-');
  db = archive.db;
  migrate(db);
  db.prepare(`INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u1', 'wang', '王老师', 'counselor', 1, 1)`).run();
  for (const c of ['c1', 'c2'])
    db.prepare(
      `INSERT INTO campaigns (id, name, scales_json, grades_json, start_date, end_date, created_by, created_at)
       VALUES (?, '筛查', '[{"scaleId":"phq9","version":"1.0.0"}]', '[7,8,9]', '2025-09-01', '2025-09-30', 'u1', 1)`,
    ).run(c);
  const student = db.prepare(
    `INSERT INTO students (id, student_no, name, name_pinyin, name_initials, sex, grade, class_name, status, created_at, updated_at)
     VALUES (?, ?, '学生', 'xuesheng', 'xs', 'F', 8, '1班', 'active', 1, 1)`,
  );
  const participant = db.prepare(`INSERT INTO campaign_participants (campaign_id, student_id, student_consent, guardian_consent, updated_at, grade, class_name) VALUES ('c1', ?, ?, ?, 1, 8, '1班')`);
  const consent = db.prepare(
    `INSERT INTO consents (id, student_id, scope, party, outcome, consent_date, form, recorded_by, created_at) VALUES (?, ?, 'testing', ?, ?, ?, 'written', 'u1', 1)`,
  );
  const form = db.prepare(
    `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, administered_by, started_at, completed_at, result_json, campaign_id, derived_from)
     VALUES (?, ?, ?, '1.0.0', 'h', 'paper', ?, ?, 'u1', 1, ?, ?, ?, ?)`,
  );
  let n = 0;
  const addForm = (studentId: string, date: string, campaignId: string | null, status: 'completed' | 'voided' | 'inProgress' = 'completed', derivedFrom: string | null = null, scaleId = 'phq9') => {
    const id = `f${String(n++).padStart(5, '0')}`;
    form.run(id, studentId, scaleId, status, date, status === 'inProgress' ? null : 5, status === 'inProgress' ? null : '{}', campaignId, derivedFrom);
    return id;
  };
  db.transaction(() => {
    let i = 0;
    for (const listedStudent of LISTED)
      for (const listedGuardian of LISTED)
        for (const own of INDIVIDUAL)
          for (const guardian of INDIVIDUAL) {
            const id = `s${i}`;
            student.run(id, `2025${String(i).padStart(4, '0')}`);
            if (i % 5 !== 0) participant.run(id, listedStudent, listedGuardian);
            const record = (party: string, outcome: string | null, k: number) => {
              if (outcome === null) return;
              // An older record of another kind first, so only the latest may decide.
              consent.run(`${id}-${party}-old`, id, party, outcome === 'given' ? 'declined' : 'given', '2025-03-01');
              consent.run(`${id}-${party}`, id, party, outcome, k % 2 ? '2025-08-30' : '2025-03-01');
            };
            record('student', own, i);
            record('guardian', guardian, i + 1);
            const original = addForm(id, '2025-09-10', 'c1');
            if (i % 2 === 0) addForm(id, '2025-09-13', 'c1', 'completed', null, 'gad7');
            if (i % 3 === 0) addForm(id, '2025-09-11', 'c1', 'completed', original);
            if (i % 4 === 0) addForm(id, '2025-09-12', 'c1', 'voided');
            if (i % 6 === 0) addForm(id, '2025-10-01', null, 'inProgress');
            if (i % 7 === 0) addForm(id, '2025-10-02', 'c2');
            if (i % 8 === 0) addForm(id, '2024-10-02', 'c1');
            i++;
          }
  })();
});
afterAll(() => archive.remove());

describe('the checklist consent figure (ETH-05)', () => {
  it('counts what the per-form check counts, form for form', () => {
    const oracle = perFormOracle('2025-09-01', '2026-08-31');
    expect(oracle.withoutConsent).toBeGreaterThan(0);
    expect(oracle.withoutConsent).toBeLessThan(oracle.forms);
    expect(consentCoverage(db, '2025-09-01', '2026-08-31')).toEqual(oracle);
  });

  it('keeps to the span', () => {
    expect(consentCoverage(db, '2024-09-01', '2025-08-31')).toEqual(perFormOracle('2024-09-01', '2025-08-31'));
    expect(consentCoverage(db, '2025-09-11', '2025-09-11')).toEqual({ forms: 0, withoutConsent: 0 });
  });
});
