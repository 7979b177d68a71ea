import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatReport } from '../../shared/api/statistics';
import { colleague, counselingSchool, type CounselingSchool, filledDraft, openCase, rejection, STUDENT } from '../helpers/counseling';

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
    expect(exact.sections).toEqual(['sessions', 'groups', 'training', 'screenings', 'alerts', 'time']);
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
});
