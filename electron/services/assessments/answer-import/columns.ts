import type { AnswerImportIssue } from '../../../../shared/api/assessments';
import type { ScaleDefinition } from '../../../../shared/domain/scales';
import { fieldLabel, fieldOfHeader, headerKey } from '../../roster/roster-import/columns';
import { issueValue } from '../../roster/roster-import/rows';

/**
 * The mapping's marker for the 学号 column. Item ids are lower case (the definition schema), so
 * this can never be mistaken for one.
 */
export const STUDENT_NO_COLUMN = 'studentNo';

export interface ItemColumn {
  itemId: string;
  index: number;
  column: string;
}

export interface SheetColumns {
  /** Each column in file order and what it was read as (null: ignored). */
  mapping: { column: string; itemId: string | null }[];
  studentNo: { index: number; column: string } | null;
  /** A 姓名 column, read only to name a row whose 学号 the roster does not know. */
  name: { index: number; column: string } | null;
  /** In the definition's item order. */
  items: ItemColumn[];
  /** Header problems, all on row 1: a missing 学号 or item column, a column given twice. */
  issues: AnswerImportIssue[];
}

/** How a paper form's column gets headed: the item id, its printed number, 第1题, Q1 or 题1. */
function headerForms(item: ScaleDefinition['items'][number]): string[] {
  const n = item.number;
  return n === '' ? [item.id] : [item.id, n, `第${n}题`, `q${n}`, `题${n}`, `${n}题`];
}

function itemsByHeaderKey(def: ScaleDefinition): Map<string, string> {
  const byKey = new Map<string, string>();
  // Ids first, so a printed number never shadows another item's id.
  for (const item of def.items) byKey.set(headerKey(item.id), item.id);
  for (const item of def.items) {
    for (const form of headerForms(item)) if (!byKey.has(headerKey(form))) byKey.set(headerKey(form), item.id);
  }
  return byKey;
}

/** The label of a column the sheet lacks, as a school would head it. */
const missingItemLabel = (item: ScaleDefinition['items'][number]) => (item.number === '' ? item.id : `第${item.number}题`);

export function mapColumns(header: readonly string[], def: ScaleDefinition): SheetColumns {
  const byKey = itemsByHeaderKey(def);
  const issues: AnswerImportIssue[] = [];
  const items = new Map<string, ItemColumn>();
  let studentNo: SheetColumns['studentNo'] = null;
  let name: SheetColumns['name'] = null;

  const mapping = header.map((column, index) => {
    const itemId = byKey.get(headerKey(column)) ?? (fieldOfHeader(column) === 'studentNo' ? STUDENT_NO_COLUMN : null);
    if (itemId === null && name === null && fieldOfHeader(column) === 'name') name = { index, column };
    if (itemId === null) return { column, itemId };
    const taken = itemId === STUDENT_NO_COLUMN ? studentNo !== null : items.has(itemId);
    if (taken) {
      issues.push({ row: 1, column, value: issueValue(column), reason: 'import.reason.duplicateColumn' });
      return { column, itemId: null };
    }
    if (itemId === STUDENT_NO_COLUMN) studentNo = { index, column };
    else items.set(itemId, { itemId, index, column });
    return { column, itemId };
  });

  if (studentNo === null) issues.unshift({ row: 1, column: fieldLabel('studentNo'), value: '', reason: 'import.reason.missingColumn' });
  for (const item of def.items) {
    if (!items.has(item.id)) issues.push({ row: 1, column: missingItemLabel(item), value: '', reason: 'import.reason.missingColumn' });
  }
  return { mapping, studentNo, name, items: def.items.flatMap((i) => items.get(i.id) ?? []), issues };
}
