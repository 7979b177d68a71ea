import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs, loaded the first time a workbook is written (templates, exports; imports read .xlsx
 * with the focused reader in roster-import/xlsx/). It is the largest library of the core (tens of
 * MiB once loaded) and most sessions never write a spreadsheet, so loading it at start-up cost
 * every session that memory and time.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((m) => ((m as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS)));
  return loaded;
}
