import type { AnswerImportIssue } from '../../../../shared/api/assessments';
import { type FormResult, type ScaleDefinition, answerProblems, scoreForm } from '../../../../shared/domain/scales';
import { issueValue } from '../../roster/roster-import/rows';
import { isBlankRow } from '../../roster/roster-import/spreadsheet';
import type { ItemColumn, SheetColumns } from './columns';

/** The answer-import reasons of its own; missing/duplicate columns and a duplicate 学号 reuse the roster's import.reason.*. */
export const ANSWER_IMPORT_REASONS = [
  'answerImport.reason.badCode',
  'answerImport.reason.blank',
  'answerImport.reason.notInRoster',
  'answerImport.reason.notActive',
  'answerImport.reason.noConsent',
  'answerImport.reason.alreadyToday',
  'answerImport.reason.ineligible',
  'answerImport.reason.notParticipant',
] as const;
export type AnswerImportReason = (typeof ANSWER_IMPORT_REASONS)[number];

/** An issue with the position of its column, so a row's issues read left to right. */
export interface PlacedIssue {
  index: number;
  issue: AnswerImportIssue;
}

export interface SheetRow {
  row: number;
  studentNo: string;
  /** The 姓名 cell, when the sheet has that column. */
  sheetName: string;
  /** Item id → code, blanks left out. */
  answers: Record<string, string>;
  /** The scored form; null while an answer is not an option of its item. */
  result: FormResult | null;
  /** A critical alert would be raised by these answers (judged on the valid ones). */
  critical: boolean;
  issues: PlacedIssue[];
}

/** Full-width digits come in from Chinese input methods; Excel numbers already arrive as "2". */
const cellText = (cells: readonly string[], index: number) => (cells[index] ?? '').normalize('NFKC').trim();

function optionCodes(def: ScaleDefinition, itemId: string): string[] {
  const item = def.items.find((i) => i.id === itemId);
  return (item && def.optionSets[item.optionSet]?.map((o) => o.code)) ?? [];
}

/**
 * Reads and checks the data rows against the scale alone (no database): the 学号 cell, each answer
 * against its item's options, blanks against the missing-answer policy, a 学号 given twice.
 */
export function readRows(rows: readonly string[][], columns: SheetColumns, def: ScaleDefinition): { rows: SheetRow[]; totalRows: number } {
  const studentNo = columns.studentNo!;
  const firstRowOfNo = new Map<string, number>();
  const out: SheetRow[] = [];
  rows.forEach((cells, i) => {
    if (i === 0 || isBlankRow(cells)) return;
    const row = i + 1;
    const issues: PlacedIssue[] = [];
    const no = cellText(cells, studentNo.index);
    if (no === '') issues.push({ index: studentNo.index, issue: { row, column: studentNo.column, value: '', reason: 'import.reason.required' } });
    else {
      const firstRow = firstRowOfNo.get(no);
      if (firstRow === undefined) firstRowOfNo.set(no, row);
      else issues.push({ index: studentNo.index, issue: { row, column: studentNo.column, value: issueValue(no), reason: 'import.reason.duplicateInFile', params: { firstRow } } });
    }
    const answers: Record<string, string> = {};
    for (const c of columns.items) {
      const code = cellText(cells, c.index);
      if (code !== '') answers[c.itemId] = code;
    }
    const sheetName = columns.name === null ? '' : (cells[columns.name.index] ?? '').trim();
    out.push({ row, studentNo: no, sheetName, answers, ...scoreRow(def, columns.items, row, answers, issues), issues });
  });
  return { rows: out, totalRows: out.length };
}

function scoreRow(def: ScaleDefinition, items: readonly ItemColumn[], row: number, answers: Record<string, string>, issues: PlacedIssue[]) {
  const byItem = new Map(items.map((c) => [c.itemId, c]));
  const bad = new Set(answerProblems(def, answers).map((p) => String(p.path[0])));
  for (const itemId of bad) {
    const c = byItem.get(itemId)!;
    issues.push({
      index: c.index,
      issue: { row, column: c.column, value: issueValue(answers[itemId]!), reason: 'answerImport.reason.badCode', params: { options: optionCodes(def, itemId).join(', ') } },
    });
  }
  const valid = Object.fromEntries(Object.entries(answers).filter(([id]) => !bad.has(id)));
  const scored = scoreForm(def, valid);
  // A wrong code is already reported; counted as a blank it would be reported a second time.
  const standIn = bad.size === 0 ? scored : scoreForm(def, { ...valid, ...Object.fromEntries([...bad].map((id) => [id, optionCodes(def, id)[0]!])) });
  for (const reason of standIn.validity.reasons) {
    if (reason.kind !== 'missing') continue;
    const scale = def.scales.find((s) => s.id === reason.scale)!;
    for (const c of items) {
      if (!scale.items.includes(c.itemId) || c.itemId in answers || issues.some((x) => x.index === c.index)) continue;
      issues.push({ index: c.index, issue: { row, column: c.column, value: '', reason: 'answerImport.reason.blank', params: { allowed: reason.allowed } } });
    }
  }
  return { result: bad.size === 0 ? scored : null, critical: scored.alerts.some((a) => a.severity === 'critical') };
}
