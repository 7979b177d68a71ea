import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchArchive, type BenchArchive, reopenArchive } from '../../bench/harness';
import type { ParticipantView } from '../../shared/api/campaigns';
import type { InputOf } from '../../shared/api/contract';
import { isTopGradeOfStage } from '../../shared/domain/grades';

/**
 * The screening's participant list and the 学年升级 preview page class by class: a page reads only
 * the classes it falls in (electron/db/group-span.ts). Here every page of both, through the
 * dispatcher, is compared with the queries they replaced (kept below as the oracle) on a real
 * archive: 400 students in 6 grades × 12 classes (10班 sorts before 2班 as text, after it in the
 * 升级's order), a campaign with outcomes set, a 学号 changed and a class changed after it, three
 * students of one name in one class, a graduated and a removed student.
 */
const STUDENTS = 400;

type Filter = Pick<InputOf<'campaigns.get'>, 'class' | 'outcome'>;

/** campaigns.get's page before this change: the filter sorted and skipped up to the page (migration 017's query). */
function oldParticipantPage(db: Database, campaignId: string, f: Filter, offset: number, limit: number) {
  const rows = db
    .prepare(
      `SELECT p.student_id AS studentId, s.student_no AS studentNo, s.name, p.grade, p.class_name AS className,
         p.student_consent AS studentConsent, p.guardian_consent AS guardianConsent, p.outcome, p.note,
         (SELECT json_group_array(DISTINCT f.scale_id) FROM forms f
          WHERE f.campaign_id = p.campaign_id AND f.student_id = p.student_id AND f.status = 'completed') AS completedJson
       FROM (SELECT p.student_id AS id, p.grade, p.class_name, s.student_no FROM campaign_participants p JOIN students s ON s.id = p.student_id
             WHERE p.campaign_id = @campaignId AND (@grade IS NULL OR (p.grade = @grade AND p.class_name = @className))
               AND (@outcome IS NULL OR p.outcome = @outcome)
             ORDER BY p.grade, p.class_name, s.student_no LIMIT @limit OFFSET @offset) l
       JOIN campaign_participants p ON p.campaign_id = @campaignId AND p.student_id = l.id
       JOIN students s ON s.id = l.id
       ORDER BY l.grade, l.class_name, l.student_no`,
    )
    .all({ campaignId, grade: f.class?.grade ?? null, className: f.class?.className ?? null, outcome: f.outcome ?? null, offset, limit }) as (Omit<
    ParticipantView,
    'completedScales' | 'missingScales'
  > & { completedJson: string })[];
  return rows.map(({ completedJson, ...r }) => ({ ...r, completedScales: (JSON.parse(completedJson) as string[]).sort() }));
}

type Renames = InputOf<'students.rollForwardPreview'>['classRenames'];

/**
 * The 学年升级 plan before this change: every active student read and sorted, their changes and
 * classes built in TypeScript. The student id is added to the old ORDER BY only to order the
 * students of one name in one class, which the old query left to chance.
 */
function oldPlan(db: Database, renames: NonNullable<Renames>) {
  const rows = db
    .prepare(
      `SELECT id, student_no, name, grade, class_name FROM students WHERE deleted_at IS NULL AND status = 'active'
       ORDER BY grade, length(class_name), class_name, name_pinyin, id`,
    )
    .all() as { id: string; student_no: string; name: string; grade: number; class_name: string }[];
  const key = (grade: number, className: string) => `${grade}\u0000${className}`;
  const renamed = new Map(renames.map((r) => [key(r.grade, r.className), r.toClassName]));
  const changes = rows.map((r) => {
    const graduates = isTopGradeOfStage(r.grade);
    const to = graduates ? { toGrade: null, toClassName: r.class_name, toStatus: 'graduated' } : { toGrade: r.grade + 1, toClassName: renamed.get(key(r.grade, r.class_name)) ?? r.class_name, toStatus: 'active' };
    return { id: r.id, studentNo: r.student_no, name: r.name, fromGrade: r.grade, fromClassName: r.class_name, ...to };
  });
  const classes = new Map<string, { fromGrade: number; fromClassName: string; toGrade: number | null; toClassName: string; count: number }>();
  for (const c of changes) {
    const k = key(c.fromGrade, c.fromClassName);
    const cls = classes.get(k) ?? { fromGrade: c.fromGrade, fromClassName: c.fromClassName, toGrade: c.toGrade, toClassName: c.toClassName, count: 0 };
    cls.count += 1;
    classes.set(k, cls);
  }
  return {
    changes,
    classes: [...classes.values()],
    promoted: changes.filter((c) => c.toGrade !== null).length,
    graduated: changes.filter((c) => c.toGrade === null).length,
  };
}

const FILTERS: Filter[] = [{}, { outcome: 'absent' }, { outcome: 'pending' }, { class: { grade: 8, className: '10班' } }, { class: { grade: 8, className: '2班' }, outcome: 'pending' }, { class: { grade: 9, className: '99班' } }];
const PAGE_SIZES = [1, 7, 50, 500];
const RENAMES: Renames[] = [[], [{ grade: 7, className: '3班', toClassName: '1班' }, { grade: 10, className: '10班', toClassName: '甲班' }]];

let dir = '';
let archive: BenchArchive & { rawKeyHex: string };
let campaignId = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counselroom-class-paging-'));
  archive = await benchArchive(join(dir, 'school'), STUDENTS, async (c) => {
    const twins = [];
    for (const studentNo of ['20269001', '20269002', '20269003'])
      twins.push((await c.students.create({ studentNo, name: '王伟', sex: 'M', grade: 8, className: '2班', guardians: [] })).id);
    const campaign = await c.campaigns.create({ name: '分页普测', scales: [{ scaleId: 'phq9' }], grades: [7, 8, 9, 10, 11, 12], startDate: '2026-03-02', endDate: '2026-03-13' });
    campaignId = campaign.id;
    const { ids } = await c.campaigns.participantIds({ id: campaignId });
    await c.campaigns.setOutcome({ id: campaignId, studentIds: ids.filter((_, i) => i % 5 === 0), outcome: 'absent', note: '病假' });
    // After the campaign: a 学号 changed (the list orders by the current one), a class changed (the
    // list keeps the class at screening), a student graduated by hand and one removed (the 升级 leaves both out).
    await c.students.update({ id: twins[0]!, studentNo: '19990001' });
    await c.students.update({ id: ids[3]!, className: '5班' });
    await c.students.update({ id: ids[10]!, status: 'graduated' });
    await c.students.remove({ id: ids[11]!, reason: '录入错误' });
  });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paging class by class', () => {
  it('gives every page of the participant list, under every filter, as the query it replaced', async () => {
    const db = archive.raw;
    const expected = FILTERS.map((f) => ({ f, all: oldParticipantPage(db, campaignId, f, 0, 10_000) }));
    const oldPages = expected.map(({ f }) => PAGE_SIZES.map((size) => Array.from({ length: 3 }, (_, i) => oldParticipantPage(db, campaignId, f, (i + 8) * size, size))));
    expect(expected[0]!.all.length).toBe(STUDENTS + 3);
    const { c, shutdown } = await archive.login();
    try {
      for (const [fi, { f, all }] of expected.entries()) {
        for (const [si, pageSize] of PAGE_SIZES.entries()) {
          const pages = Math.max(1, Math.ceil(all.length / pageSize));
          const seen = [];
          for (let page = 1; page <= pages + 1; page++) {
            const got = await c.campaigns.get({ id: campaignId, ...f, page, pageSize });
            expect(got.total).toBe(all.length);
            const { participants } = got;
            seen.push(...participants.map(({ missingScales: _missing, ...p }) => p));
            if (page > pages) expect(participants).toEqual([]);
          }
          expect(seen).toEqual(all);
          // The old query's own pages (8th to 10th), past a class edge at every size.
          for (const [i, old] of oldPages[fi]![si]!.entries()) {
            const got = await c.campaigns.get({ id: campaignId, ...f, page: i + 9, pageSize });
            expect(got.participants.map(({ missingScales: _missing, ...p }) => p)).toEqual(old);
          }
        }
        expect((await c.campaigns.participantIds({ id: campaignId, ...f })).ids).toEqual(all.map((p) => p.studentId));
      }
    } finally {
      await shutdown();
    }
  }, 300_000);

  it('gives every page of the 学年升级 preview, under renames, as the plan it replaced, with the same classes and totals', async () => {
    archive = { ...reopenArchive(join(dir, 'school'), archive.rawKeyHex, archive.userId, archive.studentIds), rawKeyHex: archive.rawKeyHex };
    const plans = RENAMES.map((renames) => ({ renames: renames ?? [], plan: oldPlan(archive.raw, renames ?? []) }));
    expect(plans[0]!.plan.changes.length).toBe(STUDENTS + 3 - 2);
    // Three students of one name in one class, and a class named 10班 after 9班 in the plan's order.
    expect(plans[0]!.plan.changes.filter((s) => s.name === '王伟' && s.fromClassName === '2班').length).toBeGreaterThanOrEqual(3);
    const order = plans[0]!.plan.classes.filter((k) => k.fromGrade === 7).map((k) => k.fromClassName);
    expect(order.indexOf('9班')).toBeLessThan(order.indexOf('10班'));
    const { c, shutdown } = await archive.login();
    try {
      for (const { renames, plan } of plans) {
        for (const pageSize of [1, 7, 50, 200]) {
          const pages = Math.ceil(plan.changes.length / pageSize);
          const seen = [];
          let token = '';
          for (let page = 1; page <= pages + 1; page++) {
            const got = await c.students.rollForwardPreview({ classRenames: renames, page, pageSize });
            expect([got.classes, got.promoted, got.graduated, got.total]).toEqual([plan.classes, plan.promoted, plan.graduated, plan.changes.length]);
            token ||= got.token;
            expect(got.token).toBe(token);
            expect(got.changes).toEqual(plan.changes.slice((page - 1) * pageSize, page * pageSize));
            seen.push(...got.changes);
          }
          expect(seen).toEqual(plan.changes);
        }
      }
      // The token covers the whole roster: a student's change outside the page shown changes it.
      const before = await c.students.rollForwardPreview({ page: 1, pageSize: 5 });
      const last = plans[0]!.plan.changes.at(-1)!;
      await c.students.update({ id: last.id, notes: '转学咨询' });
      expect((await c.students.rollForwardPreview({ page: 1, pageSize: 5 })).token).not.toBe(before.token);
    } finally {
      await shutdown();
    }
  }, 300_000);
});
