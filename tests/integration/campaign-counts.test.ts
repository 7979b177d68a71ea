import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { refreshCampaignResults } from '../../electron/services/assessments/campaign-results';
import { bandCounts, gradeCounts, pendingScreened } from '../../electron/services/assessments/campaigns-repo';
import { tempArchive } from '../helpers/raw-db';

let archive: ReturnType<typeof tempArchive>;
let db: Database.Database;
const SCALES = ['phq9', 'gad7'];
const OUTCOMES = ['pending', 'done', 'declined', 'absent'] as const;
const BANDS = ['minimal', 'mild', 'moderate', 'severe', null];

/**
 * A campaign on a real keyed archive with what the summary's counts must tell apart: participants
 * of three grades in every outcome, a scale taken by some and not others, several completed forms
 * of one scale (the latest counts, including two completed in the same millisecond), voided and
 * unfinished forms, invalid forms (no band), and forms of a student outside the campaign.
 */
beforeAll(() => {
  archive = tempArchive('counselroom-campaign-counts-');
  db = archive.db;
  migrate(db);
  db.prepare(`INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES ('u1', 'wang', '王老师', 'counselor', 1, 1)`).run();
  db.prepare(
    `INSERT INTO campaigns (id, name, scales_json, grades_json, start_date, end_date, created_by, created_at)
     VALUES ('c1', '秋季筛查', '[{"scaleId":"phq9","version":"1.0.0"},{"scaleId":"gad7","version":"1.0.0"}]', '[7,8,9]', '2025-09-01', '2025-09-30', 'u1', 1)`,
  ).run();
  const student = db.prepare(
    `INSERT INTO students (id, student_no, name, name_pinyin, name_initials, sex, grade, class_name, status, created_at, updated_at)
     VALUES (?, ?, '学生', 'xuesheng', 'xs', 'F', ?, '1班', 'active', 1, 1)`,
  );
  const participant = db.prepare(`INSERT INTO campaign_participants (campaign_id, student_id, outcome, updated_at, grade, class_name) VALUES ('c1', ?, ?, 1, ?, '1班')`);
  const form = db.prepare(
    `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, administered_by, started_at, completed_at, result_json, campaign_id, band_code)
     VALUES (?, ?, ?, '1.0.0', 'h', 'paper', ?, '2025-09-10', 'u1', 1, ?, ?, 'c1', ?)`,
  );
  let n = 0;
  const addForm = (studentId: string, scaleId: string, status: 'completed' | 'voided' | 'inProgress', completedAt: number | null, band: string | null) =>
    form.run(`f${String(n++).padStart(5, '0')}`, studentId, scaleId, status, completedAt, status === 'inProgress' ? null : '{}', band);
  db.transaction(() => {
    for (let i = 0; i < 240; i++) {
      const id = `s${i}`;
      const grade = 7 + (i % 3);
      student.run(id, `2025${String(i).padStart(4, '0')}`, grade);
      participant.run(id, OUTCOMES[Math.floor(i / 3) % 4], grade);
      for (const [k, scaleId] of SCALES.entries()) {
        const shape = (i + k * 5) % 7;
        if (shape === 0) continue; // not taken
        if (shape === 1) addForm(id, scaleId, 'inProgress', null, null);
        else if (shape === 2) addForm(id, scaleId, 'voided', 5, 'severe');
        else addForm(id, scaleId, 'completed', 10 + (i % 4), BANDS[(i + k) % BANDS.length]!);
        // A retaken scale: a later completed form, sometimes in the same millisecond (then the greater id is the latest).
        if (shape >= 5) addForm(id, scaleId, 'completed', shape === 5 ? 10 + (i % 4) : 50, BANDS[(i * 3 + k) % BANDS.length]!);
      }
    }
    student.run('outside', '20259999', 8);
    addForm('outside', 'phq9', 'completed', 10, 'severe');
    // What the campaign hooks do after each form: here once per student for the forms inserted above.
    for (let i = 0; i < 240; i++) refreshCampaignResults(db, 'c1', `s${i}`);
    refreshCampaignResults(db, 'c1', 'outside');
  })();
});
afterAll(() => archive.remove());

/** The two queries the summary ran before (an EXISTS per participant and scale; a window over the forms for the bands), kept here as the reference. */
function before(): { progress: unknown[]; bands: unknown[] } {
  const progress = db
    .prepare(
      `SELECT grade, scaleId, sum(done) AS screened, sum(outcome = 'pending' AND NOT done) AS toScreen
       FROM (
         SELECT p.grade, p.outcome, s.value AS scaleId,
           EXISTS (SELECT 1 FROM forms f WHERE f.campaign_id = p.campaign_id AND f.student_id = p.student_id
                   AND f.scale_id = s.value AND f.status = 'completed') AS done
         FROM campaign_participants p JOIN json_each(@scaleIds) s
         WHERE p.campaign_id = @campaignId
       )
       GROUP BY grade, scaleId ORDER BY grade, scaleId`,
    )
    .all({ campaignId: 'c1', scaleIds: JSON.stringify(SCALES) });
  const bands = db
    .prepare(
      `WITH latest AS (
         SELECT f.student_id, f.scale_id, f.band_code,
           row_number() OVER (PARTITION BY f.student_id, f.scale_id ORDER BY f.completed_at DESC, f.id DESC) AS n
         FROM forms f WHERE f.campaign_id = @campaignId AND f.status = 'completed'
       )
       SELECT l.scale_id AS scaleId, p.grade, l.band_code AS band, count(*) AS count
       FROM latest l JOIN campaign_participants p ON p.campaign_id = @campaignId AND p.student_id = l.student_id
       WHERE l.n = 1
       GROUP BY l.scale_id, p.grade, band ORDER BY scaleId, p.grade, band`,
    )
    .all({ campaignId: 'c1' });
  return { progress, bands };
}

describe("the campaign summary's screened and band counts", () => {
  it('are the ones the per-participant queries gave, from the kept results', () => {
    const rows = bandCounts(db, 'c1', SCALES);
    const partly = pendingScreened(db, 'c1');
    const pending = new Map(gradeCounts(db, 'c1').map((g) => [g.grade, g.pending]));
    const sum = (xs: readonly { count: number }[]) => xs.reduce((n, r) => n + r.count, 0);
    const progress = [7, 8, 9].flatMap((grade) =>
      [...SCALES].sort().map((scaleId) => ({
        grade,
        scaleId,
        screened: sum(rows.filter((r) => r.grade === grade && r.scaleId === scaleId)),
        toScreen: pending.get(grade)! - sum(partly.filter((r) => r.grade === grade && r.scaleIds.includes(scaleId))),
      })),
    );
    const bands = [...rows].sort((x, y) => x.scaleId.localeCompare(y.scaleId) || x.grade - y.grade || (x.band ?? '').localeCompare(y.band ?? ''));
    const old = before();
    expect(progress).toEqual(old.progress);
    expect(bands).toEqual(old.bands);
    // The data has what the comparison is about: forms to screen, invalid forms, retaken scales.
    expect(progress.every((p) => p.screened > 0 && p.toScreen > 0)).toBe(true);
    expect(bands.some((b) => b.band === null)).toBe(true);
  });

  it('count a retaken scale once, with the band of the form completed last (the greater id in the same millisecond)', () => {
    const latest = (studentId: string, scaleId: string) =>
      db
        .prepare(`SELECT band_code AS band FROM forms WHERE student_id = ? AND scale_id = ? AND status = 'completed' ORDER BY completed_at DESC, id DESC LIMIT 1`)
        .get(studentId, scaleId) as { band: string | null };
    // Grade 9 has students with two phq9 forms completed in the same millisecond and with a later one.
    const rows = bandCounts(db, 'c1', ['phq9']).filter((r) => r.grade === 9);
    const participants = db.prepare(`SELECT student_id AS id FROM campaign_participants WHERE campaign_id = 'c1' AND grade = 9`).all() as { id: string }[];
    const expected = new Map<string, number>();
    for (const p of participants) {
      const has = db.prepare(`SELECT 1 FROM forms WHERE student_id = ? AND scale_id = 'phq9' AND status = 'completed' AND campaign_id = 'c1'`).get(p.id);
      if (!has) continue;
      const key = String(latest(p.id, 'phq9').band);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(new Map(rows.map((r) => [String(r.band), r.count]))).toEqual(expected);
  });
});
