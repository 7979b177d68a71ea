import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatReport } from '../../shared/api/statistics';
import { seedComplianceSchool } from '../helpers/compliance';
import { colleague, counselingSchool, type CounselingSchool, filledDraft, openCase, rejection, STUDENT } from '../helpers/counseling';
import { completePhq9, consentToTesting, phq9Codes } from '../helpers/screening';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

const table = (r: StatReport, id: string) => r.tables.find((t) => t.id === id)!;

/** Six students of grade 7 and three of grade 8 with a first session on 10 March; one of grade 7 comes back on the 11th. */
async function sessionsOfMarch() {
  s = await counselingSchool();
  const students = [s.studentId];
  for (let i = 1; i < 9; i++) {
    const st = await s.c.students.create({ ...STUDENT, studentNo: `2024010${i + 1}`, name: `学生${'一二三四五六七八'[i - 1]}`, grade: i < 7 ? 7 : 8 });
    students.push(st.id);
  }
  for (const id of students) {
    const c = await openCase(s.c, id);
    await filledDraft(s.c, c.id, { sessionDate: '2025-03-10' });
  }
  await filledDraft(s.c, (await openCase(s.c, students[1]!)).id, { sessionDate: '2025-03-11', kind: 'followUp' });
  return students;
}

describe('period statistics', () => {
  it('gives the counselor exact figures, and a principal the same figures suppressed across both session tables', async () => {
    await sessionsOfMarch();
    const exact = await s.c.statistics.period({ from: '2025-03-01', to: '2025-03-31' });
    expect(exact.k).toBeNull();
    expect(exact.sections).toEqual(['sessions', 'groups', 'training', 'screenings', 'alerts', 'crisis', 'time', 'compliance']);
    const byGrade = table(exact, 'sessions.byGrade');
    expect(byGrade.rows).toEqual(['g7', 'g8']);
    expect(byGrade.cells).toEqual([[7, 6], [3, 3]]);
    expect(byGrade.colTotals).toEqual([10, 9]);
    expect(table(exact, 'sessions.byKind').cells).toEqual([[9], [1], [0], [0], [0]]);
    expect(table(exact, 'time.byActivity').cells[0]).toEqual([7.5]);

    const { client: principal } = await colleague(s.t, 'principal', 'lixiaozhang');
    const shown = await principal.statistics.period({ from: '2025-03-01', to: '2025-03-31', suppressed: false });
    expect(shown.k).toBe(5);
    // Grade 8 (3) is small, so grade 7 goes too: the total 10 gives neither back.
    expect(table(shown, 'sessions.byGrade').cells).toEqual([[null, null], [null, null]]);
    expect(table(shown, 'sessions.byGrade').colTotals).toEqual([10, 9]);
    // The follow-up (1) is small; 首次 9 would give it back from the shared total of 10.
    expect(table(shown, 'sessions.byKind').cells).toEqual([[null], [null], [0], [0], [0]]);
    // Hours are not counts of children.
    expect(table(shown, 'time.byActivity').cells[0]).toEqual([7.5]);
  });

  it('raises k on request, refuses a k below 5 and a period that ends before it starts', async () => {
    await sessionsOfMarch();
    const k10 = await s.c.statistics.period({ from: '2025-03-01', to: '2025-03-31', k: 10, suppressed: true });
    expect(table(k10, 'sessions.byGrade').colTotals).toEqual([10, null]);
    expect((await rejection(s.c.statistics.period({ from: '2025-03-01', to: '2025-03-31', k: 3 }))).details).toMatchObject([{ path: 'k' }]);
    expect(await rejection(s.c.statistics.period({ from: '2025-03-31', to: '2025-03-01' }))).toMatchObject({ code: 'VALIDATION', details: [{ path: 'to', reason: 'statistics.errors.toBeforeFrom' }] });
  });

  it('exports a workbook with a sheet per table, suppressed even for the counselor, and audits it', async () => {
    await sessionsOfMarch();
    const out = await s.c.statistics.exportXlsx({ from: '2025-03-01', to: '2025-03-31' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(out.tables);
    const sheet = wb.worksheets.find((w) => w.getCell('A1').value === '个体辅导：按年级')!;
    expect(sheet.getRow(3).values).toEqual([undefined, '', '人次', '人数']);
    expect(sheet.getRow(4).values).toEqual([undefined, '初一', '—', '—']);
    expect(sheet.getRow(6).values).toEqual([undefined, '合计', 10, 9]);
    const audit = (await s.c.audit.list({ action: 'statistics.exportXlsx' })).items[0]!;
    expect(audit.details).toEqual({ from: '2025-03-01', to: '2025-03-31', k: 5, tables: out.tables });
  });

  it('prints the suppressed report for a principal and a counselor alike, each print audited with the period and k, never a student id', async () => {
    const students = await sessionsOfMarch();
    const { client: principal } = await colleague(s.t, 'principal', 'lixiaozhang');
    const printed = await principal.statistics.printReport({ from: '2025-03-01', to: '2025-03-31', k: 6 });
    expect(printed.k).toBe(6);
    expect(table(printed, 'sessions.byGrade').cells).toEqual([[null, null], [null, null]]);
    // The counselor's printout leaves the screen too, so it is suppressed like the principal's.
    expect((await s.c.statistics.printReport({ from: '2025-03-01', to: '2025-03-31' })).k).toBe(5);
    const rows = (await s.c.audit.list({ action: 'statistics.printReport' })).items;
    expect(rows.map((r) => [r.username, r.details])).toEqual([
      ['wanglaoshi', { from: '2025-03-01', to: '2025-03-31', k: 5, tables: printed.tables.length }],
      ['lixiaozhang', { from: '2025-03-01', to: '2025-03-31', k: 6, tables: printed.tables.length }],
    ]);
    const logged = JSON.stringify(rows);
    for (const id of students) expect(logged).not.toContain(id);
    // A plain read of the figures stays out of the log: only what leaves the screen is recorded.
    expect((await s.c.audit.list({ action: 'statistics.period' })).items).toEqual([]);
    expect((await rejection(principal.statistics.printReport({ from: '2025-03-31', to: '2025-03-01' }))).details).toMatchObject([{ path: 'to' }]);
  });
});

/** A withheld figure, or zero, or at least k: what may leave the counselor's screen. */
const safe = (n: number | null, k = 5) => n === null || n === 0 || n >= k;

describe('crisis and compliance sections', () => {
  it('counts crisis cases by tier and status, the steps due and how they went, referrals and follow-up, and days to first intervention', async () => {
    s = await counselingSchool();
    const { c } = s;
    // One red case from a screening alert (12 March), five orange ones reported by teachers.
    await consentToTesting(c, s.studentId);
    const alert = (await completePhq9(c, { studentId: s.studentId }, phq9Codes(12, 2))).alerts.find((a) => a.severity === 'critical')!;
    const { caseId: red } = await c.alerts.openCrisisCase({ id: alert.id, note: '已电话联系家长' });
    const orange: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const st = await c.students.create({ ...STUDENT, studentNo: `2024020${i}`, name: `学生${'一二三四五'[i - 1]}` });
      orange.push((await c.crisis.open({ studentId: st.id, source: 'teacher', tier: 'orange', reason: '班主任报告' })).caseId);
    }
    for (const caseId of orange) await c.crisis.updateStep({ caseId, step: 'assess', state: 'done' });
    const partner = await c.referralPartners.save({ name: '市精神卫生中心' });
    const referred = await c.crisis.addEntry({ caseId: red, entry: { kind: 'referral', date: '2025-03-12', partnerId: partner.id, reason: '评估需要' } });
    await s.later(24);
    await c.crisis.addEntry({ caseId: red, entry: { kind: 'plan', date: '2025-03-13', goals: '确保安全', actions: '每日面谈', frequency: '每日一次' } });
    await c.crisis.addEntry({ caseId: red, entry: { kind: 'feedback', date: '2025-03-13', referralId: referred.entries.find((e) => e.kind === 'referral')!.id, words: '建议门诊随访' } });
    // 20 March: every step still open is past its due day (weekdays outside any term).
    await s.later(24 * 7);

    const march = { from: '2025-03-01', to: '2025-03-31' };
    const exact = await c.statistics.period(march);
    expect(table(exact, 'crisis.byTier')).toMatchObject({ unit: 'people', cols: ['caseOpen', 'caseMonitoring', 'caseClosed'], cells: [[1, 0, 0], [5, 0, 0], [0, 0, 0]], colTotals: [6, 0, 0], total: 6 });
    const steps = table(exact, 'crisis.steps');
    expect(steps.cols).toEqual(['due', 'onTime', 'late', 'overdue', 'notDue', 'notApplicable']);
    expect(steps.cells[0]).toEqual([6, 6, 0, 0, 0, 0]); // 测评建档: done the day each case opened
    expect(steps.cells[2]).toEqual([6, 0, 0, 6, 0, 0]); // 积极干预: an entry is not the step marked done
    expect(steps.colTotals).toEqual([36, 6, 0, 30, 0, 0]);
    expect(table(exact, 'crisis.referrals').cells).toEqual([[1, 1, 0, 0, 1]]);
    expect(table(exact, 'crisis.response')).toMatchObject({ unit: 'days', cells: [[1]] });
    // A period before the cases: nothing.
    expect(table(await c.statistics.period({ from: '2025-02-01', to: '2025-02-28' }), 'crisis.byTier').total).toBe(0);

    const { client: principal } = await colleague(s.t, 'principal', 'lixiaozhang');
    const shown = await principal.statistics.period(march);
    const byTier = table(shown, 'crisis.byTier');
    expect(byTier.cells[0]![0]).toBeNull(); // the one red case
    for (const id of ['crisis.byTier', 'crisis.steps', 'crisis.referrals']) {
      const t = table(shown, id);
      for (const n of [...t.cells.flat(), ...(t.colTotals ?? []), ...(t.rowTotals ?? []), t.total]) expect(safe(n), `${id}: ${n}`).toBe(true);
    }
    expect(table(shown, 'crisis.referrals').cells).toEqual([[null, null, 0, 0, null]]);
    // One case behind the median: not printed outside the counselor's screen.
    expect(table(shown, 'crisis.response').cells).toEqual([[null]]);
    expect(JSON.stringify(shown)).not.toContain(red);
  });

  it('carries the score of the checklist signed last by the period’s end, and nothing before one is signed', async () => {
    s = await counselingSchool();
    await seedComplianceSchool(s.c, s.studentId, { individualArea: 9.9 });
    const { client: principal } = await colleague(s.t, 'principal', 'lixiaozhang');
    const run = await principal.compliance.start({ packId: 'national-2015' });
    await principal.compliance.saveTask({ runId: run.id, itemId: 'ZONE-05', title: '扩建个辅室', owner: '总务处', dueDate: '2025-04-30' });
    const march = { from: '2025-03-01', to: '2025-03-31' };
    expect(table(await principal.statistics.period(march), 'compliance.latest').rows).toEqual([]);
    const signed = await principal.compliance.sign({ id: run.id, signerName: '李校长', signedOn: '2025-03-12' });

    const latest = table(await principal.statistics.period(march), 'compliance.latest');
    expect(latest).toMatchObject({ unit: 'score', cols: ['value'] });
    expect(latest.rows).toEqual(['percent', 'earned', 'possible', 'pass', 'partial', 'fail', 'notApplicable', 'pending', 'openTasks']);
    const { score } = signed;
    expect(latest.cells.flat()).toEqual([score.percent, score.earned, score.possible, score.counts.pass, score.counts.partial, score.counts.fail, score.counts.notApplicable, score.counts.pending, 1]);
    // Signed on 12 March: a period that ended before it has no signed checklist.
    expect(table(await principal.statistics.period({ from: '2025-02-01', to: '2025-03-11' }), 'compliance.latest').rows).toEqual([]);
  });
});
