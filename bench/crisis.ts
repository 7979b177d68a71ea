/**
 * Crisis benchmarks (npm run bench runs them after the assessments ones; alone: `npx tsx bench/crisis.ts`):
 * the board, the red-overdue banner, the principal's summary and one crisis case, through the
 * dispatcher, with 300 active crisis cases of four entries each (many more than a school has open;
 * the board reads every active case and its steps on each call).
 */
import { join } from 'node:path';
import { CRISIS_TIERS } from '../shared/domain/crisis';
import { benchArchive, ms, runIfMain, sample, type Results } from './harness';

const CASES = 300;

export async function crisisBench(dir: string): Promise<Results> {
  const results: Results = [];
  const caseIds: string[] = [];
  const archive = await benchArchive(join(dir, 'crisis'), CASES, async (c) => {
    const partner = await c.referralPartners.save({ name: '市精神卫生中心' });
    for (const { id: studentId } of (await c.students.list({ pageSize: 200 })).items.concat((await c.students.list({ page: 2, pageSize: 200 })).items)) {
      const k = await c.crisis.open({ studentId, source: 'teacher', tier: CRISIS_TIERS[caseIds.length % 3]!, reason: '班主任报告', openedOn: '2025-03-03' });
      caseIds.push(k.caseId);
      await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'guardianNotice', date: '2025-03-03', who: '母亲', channel: 'phone', response: '已知晓' } });
      await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'pairing', date: '2025-03-03', teacherName: '赵老师' } });
      await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'plan', date: '2025-03-04', goals: '稳定情绪' } });
      await c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'referral', date: '2025-03-05', partnerId: partner.id } });
    }
  });
  const { c, shutdown } = await archive.login();
  const board = await c.crisis.board({});
  results.push([`crisis.board, ${board.items.length} active cases, ${board.overdue} overdue steps`, ms(await sample(20, () => c.crisis.board({})))]);
  results.push(['crisis.redOverdue (the banner on 我的个案)', ms(await sample(30, () => c.crisis.redOverdue({})))]);
  results.push(['crisis.summary (counts by tier, overdue steps, median days)', ms(await sample(30, () => c.crisis.summary({})))]);
  results.push(['crisis.get of one case with four entries (audited read)', ms(await sample(30, (i) => c.crisis.get({ caseId: caseIds[i % caseIds.length]! })))]);
  await shutdown();
  return results;
}

runIfMain(import.meta.url, 'crisis', crisisBench);
