import type ExcelJS from 'exceljs';
import { loadExcel } from '../common/excel';
import type { StatReport, StatTable } from '../../../shared/api/statistics';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { colLabel, figureText, rowLabel, tableTitle } from './labels';

/** Sheet names are at most 31 characters and unique; the title is the reader's name for the table. */
function sheetName(t: StatTable, used: Set<string>): string {
  const base = tableTitle(t).replace(/[\\/?*[\]:]/g, ' ').slice(0, 28);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}

/** Writes one table with its caption, header, total column and total row. */
export function addTableSheet(wb: ExcelJS.Workbook, t: StatTable, used: Set<string>, caption: string): void {
  const ws = wb.addWorksheet(sheetName(t, used));
  const total = zhCN.statistics.total;
  ws.addRow([tableTitle(t)]).font = { bold: true };
  ws.addRow([caption]);
  const header = ws.addRow(['', ...t.cols.map(colLabel), ...(t.rowTotals ? [total] : [])]);
  header.font = { bold: true };
  t.rows.forEach((r, i) => ws.addRow([rowLabel(r), ...t.cells[i]!.map(figureText), ...(t.rowTotals ? [figureText(t.rowTotals[i]!)] : [])]));
  if (t.colTotals) ws.addRow([total, ...t.colTotals.map(figureText), ...(t.rowTotals ? [figureText(t.total)] : [])]).font = { bold: true };
  ws.getColumn(1).width = 18;
}

export function periodCaption(report: Pick<StatReport, 'from' | 'to' | 'k'>): string {
  const k = report.k === null ? '' : `；小于 ${report.k} 的格子及其连带格以“${zhCN.statistics.withheld}”表示`;
  return `${zhCN.statistics.period}：${report.from} 至 ${report.to}${k}`;
}

/** The report as a workbook: one sheet per table. */
export async function reportWorkbook(report: StatReport): Promise<Uint8Array> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'CounselRoom';
  const used = new Set<string>();
  for (const t of report.tables) addTableSheet(wb, t, used, periodCaption(report));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
