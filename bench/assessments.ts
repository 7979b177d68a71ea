/**
 * Assessment benchmarks (npm run bench runs them after the schedule ones; alone:
 * `npx tsx bench/assessments.ts`):
 * - the batch import of a 3,000-student screening, PHQ-9 and GAD-7 (two CSV sheets), through the
 *   dispatcher (parse, every row check, forms, answers, results, alerts, triage, audit), against
 *   raw prepared INSERTs of the same forms and answers in one transaction on a fresh archive;
 * - the same PHQ-9 sheet as .xlsx, dry run (parse + every check);
 * - campaigns.summary of that screening.
 * Rates are forms per second; each form carries its 7 or 9 answers.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CounselClient } from '../shared/api/contract';
import { type BandResult, headlineBand, type ScaleDefinition, scoreForm } from '../shared/domain/scales';
import { uuidv7 } from '../shared/ids';
import { builtins } from '../electron/services/assessments/scales';
import { syntheticRoster } from './dataset';
import { benchArchive, ms, type Results, runIfMain, sample } from './harness';

const STUDENTS = 3000;
const SCALES = ['phq9', 'gad7'] as const;
const DATE = '2026-03-11';
const PREVIEW_ROUNDS = 5;
/** benchArchive's roster is syntheticRoster(n, 3); the sheets list the same 学号. */
const STUDENT_NOS = syntheticRoster(STUDENTS, 3).map((s) => s.studentNo);

function definition(id: string): ScaleDefinition {
  return builtins().find((b) => b.definition.id === id)!.definition;
}

/** Mostly low answers, as in a real screening; a few per cent answer PHQ-9 item 9 above 0. */
function answerRows(def: ScaleDefinition, students: number): string[][] {
  let seed = def.items.length;
  const next = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return STUDENT_NOS.slice(0, students).map(() => def.items.map((item) => String(Math.min(3, Math.floor(next() ** (item.id === 'phq9_9' ? 40 : 2) * 4)))));
}

const header = (def: ScaleDefinition) => ['学号', ...def.items.map((i) => i.number)];
const csv = (def: ScaleDefinition, rows: string[][]) => [header(def), ...rows.map((r, i) => [STUDENT_NOS[i]!, ...r])].map((r) => r.join(',')).join('\r\n');

async function xlsx(def: ScaleDefinition, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('答卷');
  ws.addRow(header(def));
  rows.forEach((r, i) => ws.addRow([Number(STUDENT_NOS[i]), ...r.map(Number)]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A screening of every student with both scales, every consent slip returned. */
async function screening(c: CounselClient): Promise<void> {
  const campaign = await c.campaigns.create({ name: '基准普测', scales: SCALES.map((scaleId) => ({ scaleId })), grades: [7, 8, 9, 10, 11, 12], startDate: DATE, endDate: DATE });
  const { ids } = await c.campaigns.participantIds({ id: campaign.id });
  const entries = ids.map((studentId) => ({ studentId, studentConsent: 'given' as const, guardianConsent: 'given' as const }));
  // The contract takes at most 5,000 slips per call; a large school sends them in parts.
  for (let k = 0; k < entries.length; k += 5000) await c.campaigns.setConsent({ id: campaign.id, entries: entries.slice(k, k + 5000) });
}

export interface ScoredForm {
  def: ScaleDefinition;
  hash: string;
  studentId: string;
  answers: Record<string, string>;
  resultJson: string;
  /** The headline band written beside the result, as the app's completeForm does. */
  band: BandResult | null;
}

/** The rows of one scale's sheet as scored forms of the given students (row i is studentIds[i]). */
export function sheetForms(def: ScaleDefinition, hash: string, rows: string[][], studentIds: readonly string[]): ScoredForm[] {
  return rows.map((r, i) => {
    const answers = Object.fromEntries(def.items.map((item, k) => [item.id, r[k]!]));
    const result = scoreForm(def, answers);
    return { def, hash, studentId: studentIds[i]!, answers, resultJson: JSON.stringify(result), band: headlineBand(result) };
  });
}

/**
 * Completed imported forms written with bare prepared statements, as the import writes them: form,
 * answers, then its result (the triggers allow no other order). The caller holds the transaction.
 */
export function writeForms(db: Database, userId: string, forms: readonly ScoredForm[], date: string, campaignId: string | null, now = Date.now()): void {
  const form = db.prepare(
    `INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, norm_profile_id, administered_by, started_at, campaign_id)
     VALUES (?, ?, ?, ?, ?, 'import', 'inProgress', ?, NULL, ?, ?, ?)`,
  );
  const answer = db.prepare('INSERT INTO form_answers (form_id, item_id, code, answered_at) VALUES (?, ?, ?, ?)');
  const complete = db.prepare(`UPDATE forms SET status = 'completed', completed_at = ?, result_json = ?, band_code = ?, band_label = ? WHERE id = ?`);
  for (const p of forms) {
    const id = uuidv7(now);
    form.run(id, p.studentId, p.def.id, p.def.version, p.hash, date, userId, now, campaignId);
    for (const [itemId, code] of Object.entries(p.answers)) answer.run(id, itemId, code, now);
    complete.run(now, p.resultJson, p.band?.code ?? null, p.band?.labelKey ?? null, id);
  }
}

/** The same forms and answer rows written with bare prepared statements in one transaction (the raw baseline). */
function rawInsert(db: Database, userId: string, sheets: { def: ScaleDefinition; hash: string; rows: string[][] }[]): number {
  const studentIds = (db.prepare('SELECT id FROM students ORDER BY student_no').all() as { id: string }[]).map((r) => r.id);
  const campaignId = (db.prepare('SELECT id FROM campaigns').get() as { id: string }).id;
  const forms = sheets.flatMap(({ def, hash, rows }) => sheetForms(def, hash, rows, studentIds));
  const t0 = performance.now();
  db.transaction(() => writeForms(db, userId, forms, DATE, campaignId))();
  return performance.now() - t0;
}

const rate = (forms: number, millis: number) => `${Math.round((forms / millis) * 1000).toLocaleString('en')} forms/s`;

/** Both sheets for the first `students` roster rows (at most STUDENTS). */
export function screeningSheets(students = STUDENTS) {
  return SCALES.map((id) => {
    const def = definition(id);
    return { def, hash: builtins().find((b) => b.definition === def)!.hash, rows: answerRows(def, students) };
  });
}

type Sheet = ReturnType<typeof screeningSheets>[number];

const importInput = (s: Sheet, campaignId: string) => ({ fileName: `${s.def.id}.csv`, contentBase64: Buffer.from(csv(s.def, s.rows)).toString('base64'), scaleId: s.def.id, date: DATE, campaignId, acknowledgeIneligible: true });

/** The benchmark's screening of the first `students` roster rows (at most STUDENTS), both sheets imported through the dispatcher. */
export async function importedScreening(c: CounselClient, students = STUDENTS): Promise<void> {
  await screening(c);
  const campaignId = (await c.campaigns.list({})).items[0]!.id;
  for (const s of screeningSheets(students)) await c.assessments.importCommit(importInput(s, campaignId));
}

export async function assessmentsBench(dir: string): Promise<Results> {
  const sheets = screeningSheets();
  const forms = sheets.reduce((n, s) => n + s.rows.length, 0);
  const results: Results = [];

  const rawArchive = await benchArchive(join(dir, 'assess-raw'), STUDENTS, screening);
  const rawMs = rawInsert(rawArchive.raw, rawArchive.userId, sheets);
  rawArchive.raw.close();

  const archive = await benchArchive(join(dir, 'assess-app'), STUDENTS, screening);
  const { c, shutdown } = await archive.login();
  try {
    const campaignId = (await c.campaigns.list({})).items[0]!.id;
    let appMs = 0;
    let alerts = 0;
    for (const s of sheets) {
      const input = importInput(s, campaignId);
      const t0 = performance.now();
      const done = await c.assessments.importCommit(input);
      const took = performance.now() - t0;
      appMs += took;
      alerts += done.alerts.length;
      results.push([`assessments.importCommit ${s.def.id}: ${done.imported} rows (CSV; parse + checks + forms + answers + alerts + audit)`, `${took.toFixed(0)} ms, ${rate(done.imported, took)} (${done.flagged} flagged, ${done.alerts.length} alerts)`]);
    }
    results.push([`  import of both sheets, ${forms} forms`, `${appMs.toFixed(0)} ms, ${rate(forms, appMs)} (${alerts} alerts)`]);
    results.push(['  raw prepared INSERTs of the same forms + answers (fresh archive, one tx)', `${rawMs.toFixed(0)} ms, ${rate(forms, rawMs)} (app/raw rate ${(rawMs / appMs).toFixed(2)})`]);

    const phq = sheets[0]!;
    const book = { fileName: 'phq9.xlsx', contentBase64: (await xlsx(phq.def, phq.rows)).toString('base64'), scaleId: phq.def.id, date: '2026-03-12', campaignId, acknowledgeIneligible: true };
    // The first call pays for loading whatever reads the sheet; the median of the next ones is
    // the preview itself, less exposed to one slow moment on a shared machine.
    const t0 = performance.now();
    const dry = await c.assessments.importPreview(book);
    const firstMs = performance.now() - t0;
    const again = await sample(PREVIEW_ROUNDS, () => c.assessments.importPreview(book));
    results.push([`assessments.importPreview phq9 as .xlsx: ${dry.totalRows} rows (parse + every check, nothing written)`, `${firstMs.toFixed(0)} ms first call (${dry.issues.length} issues); next ${PREVIEW_ROUNDS}: ${ms(again)}`]);

    results.push([`campaigns.summary of ${STUDENTS} students × 2 scales (p50/p95 of 20)`, ms(await sample(20, () => c.campaigns.summary({ id: campaignId })))]);
  } finally {
    await shutdown();
  }
  return results;
}

runIfMain(import.meta.url, 'assessments', assessmentsBench);
