import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importedScreening } from '../../bench/assessments';
import { type BenchArchive, benchArchive } from '../../bench/harness';
import type { TriageEntryView } from '../../shared/api/campaigns';
import type { CounselClient } from '../../shared/api/contract';
import { BAND_LABELS, bandLabelKey } from '../../shared/domain/scales/definition';
import { loadMigrations, migrate } from '../../electron/db/migrate';
import { rejection } from '../helpers/inproc';

/**
 * The triage queue is ordered and paged in SQL from a sort key each entry keeps (migration 020,
 * triage-order.ts). Here the queue of a real screening (300 students, both sheets imported through
 * the dispatcher, so many entries are flagged in the same millisecond) changed afterwards by every
 * path that moves a key: an alert raised while answering, a flagged form voided, a scale retaken
 * without a flag, a rescoring. Every page is compared with the order the core computed in
 * TypeScript before (kept below as the oracle), the key with what the migration fills in.
 */
const STUDENTS = 300;

/** The order before migration 020, as the service computed it: by priority, then the severity of the reasons (severest alert, band, score), the SQL order (longest waiting, 学号) among equals. */
function oldOrder(entries: readonly TriageEntryView[]): TriageEntryView[] {
  const rank = { critical: 0, alert: 1, flagged: 2 } as const;
  const severity = { critical: 0, urgent: 1, followup: 2 } as const;
  const bandRank = (labelKey: string | null) => (labelKey === null ? -1 : BAND_LABELS.findIndex((l) => bandLabelKey(l) === labelKey));
  const key = (e: TriageEntryView) => [
    rank[e.priority],
    Math.min(3, ...e.reasons.map((r) => (r.alertSeverity === null ? 3 : severity[r.alertSeverity]))),
    -Math.max(-1, ...e.reasons.map((r) => bandRank(r.bandLabel))),
    -Math.max(-Infinity, ...e.reasons.map((r) => r.score ?? -Infinity)),
  ];
  const compare = (a: readonly number[], b: readonly number[]) => {
    for (const [i, x] of a.entries()) if (x !== b[i]) return x - b[i]!;
    return 0;
  };
  const sqlOrder = [...entries].sort((a, b) => rank[a.priority] - rank[b.priority] || a.flaggedAt - b.flaggedAt || (a.studentNo < b.studentNo ? -1 : a.studentNo > b.studentNo ? 1 : 0));
  return sqlOrder.map((e) => ({ e, k: key(e) })).sort((a, b) => compare(a.k, b.k)).map(({ e }) => e);
}

/** Every page of the queue (of a filter) in turn. */
async function allPages(c: CounselClient, id: string, pageSize: number, states?: TriageEntryView['state'][]): Promise<{ items: TriageEntryView[]; totals: number[] }> {
  const items: TriageEntryView[] = [];
  const totals: number[] = [];
  for (let page = 1; ; page++) {
    const r = await c.campaigns.triage({ id, states, page, pageSize });
    totals.push(r.total);
    items.push(...r.items);
    if (r.items.length < pageSize) return { items, totals };
  }
}

const PHQ9_ZERO = Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, '0'] as const);

let dir = '';
let archive: BenchArchive;
let campaignId = '';
let changed: Record<'voided' | 'retaken' | 'rescored' | 'rescoredFrom' | 'inProgressAlert', string> = { voided: '', retaken: '', rescored: '', rescoredFrom: '', inProgressAlert: '' };

/** A form in the campaign answered through the dispatcher, as the kiosk or the paper grid does. */
async function answered(c: CounselClient, studentId: string, answers: readonly (readonly [string, string])[], finish: boolean) {
  const form = await c.assessments.start({ studentId, scaleId: 'phq9', mode: 'paper', campaignId, acknowledgeIneligible: true });
  for (const [itemId, code] of answers) await c.assessments.answer({ formId: form.id, itemId, code });
  if (finish) await c.assessments.finish({ formId: form.id });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counselroom-triage-order-'));
  archive = await benchArchive(join(dir, 'school'), STUDENTS, async (c) => {
    await importedScreening(c, STUDENTS);
    campaignId = (await c.campaigns.list({})).items[0]!.id;
    const queue = (await c.campaigns.triage({ id: campaignId, pageSize: 500 })).items;
    const flaggedBy = (scaleId: string) => queue.filter((e) => e.priority === 'flagged' && e.reasons.length === 1 && e.reasons[0]!.scaleId === scaleId);
    const [voided, retaken, rescored] = flaggedBy('phq9');
    const inQueue = new Set(queue.map((e) => e.studentId));
    const calm = (await c.campaigns.participantIds({ id: campaignId })).ids.find((id) => !inQueue.has(id))!;
    changed = { voided: voided!.studentId, retaken: retaken!.studentId, rescored: rescored!.studentId, rescoredFrom: rescored!.reasons[0]!.formId, inProgressAlert: calm };
    // A flagged form voided: the entry stays with no reason left, after every entry with one.
    await c.assessments.void({ formId: voided!.reasons[0]!.formId, reason: '录入错误' });
    // The scale retaken with nothing flagged: the newer form replaces the flagged one among the reasons.
    await answered(c, retaken!.studentId, PHQ9_ZERO, true);
    // Rescored under the adolescent cut-offs: a derived form, the latest of its scale.
    await c.assessments.rescore({ formId: rescored!.reasons[0]!.formId, normProfileId: 'adolescent-11' });
    // A critical answer on a form not finished: first in the queue before the form ends.
    await answered(c, calm, [['phq9_9', '2']], false);
  });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the triage queue ordered and paged in SQL', () => {
  it('fills the sort key and the summary’s kept results in migration 020 exactly as the app keeps them', () => {
    const db = archive.raw;
    const kept = () => ({
      keys: db.prepare('SELECT student_id, sort_alert, sort_band, sort_score FROM triage_entries ORDER BY campaign_id, student_id').all(),
      results: db.prepare('SELECT * FROM campaign_results ORDER BY campaign_id, student_id, scale_id').all(),
      screened: db.prepare('SELECT student_id, screened FROM campaign_participants ORDER BY campaign_id, student_id').all(),
    });
    const before = kept();
    expect(before.keys.length).toBeGreaterThan(20);
    expect(before.results.length).toBeGreaterThan(STUDENTS);
    // Back to before 020: its columns, table and indexes gone, then migrated again.
    db.exec(`DROP INDEX triage_entries_queue; ALTER TABLE triage_entries DROP COLUMN sort_alert; ALTER TABLE triage_entries DROP COLUMN sort_band;
      ALTER TABLE triage_entries DROP COLUMN sort_score; DROP TABLE campaign_results; DROP INDEX campaign_participants_screened;
      ALTER TABLE campaign_participants DROP COLUMN screened`);
    // Only 020 runs again: the migrations after it are already in place and stay as they are.
    const latest = db.pragma('user_version', { simple: true }) as number;
    db.pragma('user_version = 19');
    expect(migrate(db, loadMigrations().filter((m) => m.version <= 20))).toBe(20);
    db.pragma(`user_version = ${latest}`);
    expect(latest).toBe(loadMigrations().length);
    expect(kept()).toEqual(before);
  });

  it('gives every page in the order the core computed in TypeScript, with the total and the ids of the whole filter', async () => {
    const { c, shutdown } = await archive.login();
    try {
      const { items, totals } = await allPages(c, campaignId, 7);
      expect(items.length).toBeGreaterThan(20);
      expect(new Set(totals)).toEqual(new Set([items.length]));
      expect(items.map((e) => e.studentId)).toEqual(oldOrder(items).map((e) => e.studentId));
      // What the data holds: critical first, same-millisecond imports ordered by 学号, the changed entries where they belong.
      expect(items.find((e) => e.studentId === changed.inProgressAlert)).toMatchObject({ priority: 'critical', reasons: [{ alertSeverity: 'critical', band: null }] });
      expect(items[0]!.priority).toBe('critical');
      expect(items.find((e) => e.studentId === changed.voided)!.reasons).toEqual([]);
      expect(items.at(-1)!.reasons).toEqual([]);
      expect(items.find((e) => e.studentId === changed.retaken)!.reasons).toEqual([]);
      expect(items.find((e) => e.studentId === changed.rescored)!.reasons.map((r) => r.formId)).not.toContain(changed.rescoredFrom);
      expect(new Set(items.map((e) => e.flaggedAt)).size).toBeLessThan(items.length / 2);
      expect((await c.campaigns.triageIds({ id: campaignId })).ids).toEqual(items.map((e) => e.studentId));

      // A state filter: the same order over its entries only.
      const first = items.find((e) => e.priority === 'flagged')!;
      await c.campaigns.setTriage({ id: campaignId, studentId: first.studentId, state: 'noConcern', note: '' });
      const toReview = await allPages(c, campaignId, 5, ['toReview']);
      expect(toReview.items.map((e) => e.studentId)).toEqual(items.filter((e) => e.studentId !== first.studentId).map((e) => e.studentId));
      expect(toReview.totals[0]).toBe(items.length - 1);
      expect((await c.campaigns.triageIds({ id: campaignId, states: ['noConcern'] })).ids).toEqual([first.studentId]);
      expect(await c.campaigns.triage({ id: campaignId, states: ['referred'] })).toEqual({ items: [], total: 0 });

      // A re-screen of every entry of the filter, not only of the page shown.
      const all = (await c.campaigns.triageIds({ id: campaignId, states: ['toReview'] })).ids;
      const rescreen = await c.campaigns.rescreen({ id: campaignId, studentIds: all, name: '复测', startDate: '2026-12-01', endDate: '2026-12-11' });
      expect(rescreen.progress.participants).toBe(items.length - 1);

      // Audited reads: the queue's page with the filter's total, the ids with their count.
      const audit = (await c.audit.list({ action: 'campaigns.triageIds' })).items;
      expect(audit[0]).toMatchObject({ targetType: 'campaign', targetId: campaignId, details: { states: ['toReview'], total: items.length - 1 } });
      const page = (await c.audit.list({ action: 'campaigns.triage' })).items[0];
      expect(page).toMatchObject({ targetId: campaignId, details: { states: ['referred'], count: 0, total: 0 } });
    } finally {
      await shutdown();
    }
  });

  it('refuses a page or page size out of range and an unknown state, naming the field', async () => {
    const { c, shutdown } = await archive.login();
    try {
      for (const [input, path] of [
        [{ page: 0 }, 'page'],
        [{ pageSize: 501 }, 'pageSize'],
        [{ pageSize: 0 }, 'pageSize'],
        [{ states: ['done'] }, 'states.0'],
      ] as const) {
        const e = await rejection(c.campaigns.triage({ id: campaignId, ...(input as object) }));
        expect([e.code, (e.details as { path: string }[])[0]!.path]).toEqual(['VALIDATION', path]);
      }
      const extra = await rejection(c.campaigns.triageIds({ id: campaignId, page: 1 } as never));
      expect(extra.code).toBe('VALIDATION');
    } finally {
      await shutdown();
    }
  });
});
