import { loadExcel } from '../common/excel';
import type { OutputOf } from '../../../shared/api/contract';
import type { Period } from '../../../shared/api/statistics';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { figureText } from '../statistics/labels';
import { addTableSheet, periodCaption } from '../statistics/xlsx';

const HEADLINE = ['sessions', 'clients', 'groupAttendance', 'screened', 'alerts', 'alertsOpen'] as const;

type Checklist = OutputOf<'district.dashboard'>['schools'][number]['compliance'];

/** A school's grade (or score) and open fix items; "not attached" when its package carried no checklist. */
function checklistCells(c: Checklist): (string | number)[] {
  if (!c) return [zhCN.district.report.noChecklist, ''];
  const score = c.percent === null ? '' : zhCN.district.report.score.replace('{{percent}}', String(c.percent));
  return [[c.grade?.zh, score].filter(Boolean).join(' '), c.openTasks];
}

/** The district's workbook: schools with their headline figures and the total, who has not reported, then every table summed. */
export async function dashboardWorkbook(view: OutputOf<'district.dashboard'>, period: Period): Promise<Uint8Array> {
  const d = zhCN.district;
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'CounselRoom';
  const ws = wb.addWorksheet(d.report.schoolsSheet);
  ws.addRow([d.report.schoolsSheet]).font = { bold: true };
  ws.addRow([periodCaption({ ...period, k: null })]);
  ws.addRow([d.report.code, d.report.school, ...HEADLINE.map((k) => d.figures[k]), d.report.checklist, d.report.openTasks]).font = { bold: true };
  for (const s of view.schools) ws.addRow([s.code, s.name, ...HEADLINE.map((k) => figureText(s.figures[k])), ...checklistCells(s.compliance)]);
  ws.addRow(['', zhCN.statistics.total, ...HEADLINE.map((k) => figureText(view.totals[k]))]).font = { bold: true };
  if (view.notReported.length > 0) {
    ws.addRow([]);
    ws.addRow([d.report.notReported]).font = { bold: true };
    for (const s of view.notReported) ws.addRow([s.code, s.name]);
  }
  ws.getColumn(2).width = 24;
  const used = new Set([d.report.schoolsSheet]);
  for (const t of view.tables) addTableSheet(wb, t, used, periodCaption({ ...period, k: null }));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
