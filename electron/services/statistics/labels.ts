import type { StatTable } from '../../../shared/api/statistics';
import { zhCN } from '../../../shared/i18n/zh-CN';

/** Chinese labels for files that leave the app (workbooks): the screen uses i18n, a file is read by district staff. */
const cat = zhCN.statistics;

export function rowLabel(code: string): string {
  if (/^g\d+$/.test(code)) return (zhCN.domain.grade as Record<string, string>)[code.slice(1)] ?? code;
  return (cat.row as Record<string, string>)[code] ?? code;
}

export const colLabel = (code: string): string => (cat.col as Record<string, string>)[code] ?? code;
export const tableTitle = (t: Pick<StatTable, 'id'>): string => (cat.tables as Record<string, string>)[t.id] ?? t.id;

/** A figure as printed: withheld cells as the dash. */
export const figureText = (n: number | null): string | number => (n === null ? cat.withheld : n);
