import type { AnswerImportIssue } from '../../../../shared/api/assessments';
import { CounselError } from '../../../../shared/api/errors';
import type { ScaleDefinition } from '../../../../shared/domain/scales';
import { checkMappingFits, fieldLabel, fieldOfHeader, headerKey } from '../../roster/roster-import/columns';
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
  /** Each column in file order, what it is read as (null: ignored) and what its header alone says. */
  mapping: { column: string; itemId: string | null; guessed: string | null; suggested: null }[];
  studentNo: { index: number; column: string } | null;
  /** A 姓名 column, read only to name a row whose 学号 the roster does not know. */
  name: { index: number; column: string } | null;
  /** In the definition's item order. */
  items: ItemColumn[];
  /** Header problems, all on row 1: a missing 学号 or item column, a column given twice. */
  issues: AnswerImportIssue[];
}

/** How a paper form's column gets headed: the item id, its printed number, 第1题, Q1 or 题1. */
export function headerForms(item: ScaleDefinition['items'][number]): string[] {
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
export const missingItemLabel = (item: ScaleDefinition['items'][number]) => (item.number === '' ? item.id : `第${item.number}题`);

/**
 * Each column's item: the counselor's `chosen` one when given (one entry per column, null for 不导入,
 * studentNo for the 学号 column), else the header's. A chosen list of another length than the
 * header row was made for another file, and a choice that is no item of this scale is refused by name.
 */
export function mapColumns(header: readonly string[], def: ScaleDefinition, chosen?: readonly (string | null)[]): SheetColumns {
  const byKey = itemsByHeaderKey(def);
  if (chosen !== undefined) checkChosen(header, def, chosen);
  const issues: AnswerImportIssue[] = [];
  const items = new Map<string, ItemColumn>();
  let studentNo: SheetColumns['studentNo'] = null;
  let name: SheetColumns['name'] = null;

  const mapping = header.map((column, index) => {
    const guessed = byKey.get(headerKey(column)) ?? (fieldOfHeader(column) === 'studentNo' ? STUDENT_NO_COLUMN : null);
    const base = { column, guessed, suggested: null };
    const itemId = chosen === undefined ? guessed : chosen[index]!;
    if (itemId === null && name === null && fieldOfHeader(column) === 'name') name = { index, column };
    if (itemId === null) return { ...base, itemId };
    const taken = itemId === STUDENT_NO_COLUMN ? studentNo !== null : items.has(itemId);
    if (taken) {
      issues.push({ row: 1, column, value: issueValue(column), reason: 'import.reason.duplicateColumn' });
      return { ...base, itemId: null };
    }
    if (itemId === STUDENT_NO_COLUMN) studentNo = { index, column };
    else items.set(itemId, { itemId, index, column });
    return { ...base, itemId };
  });

  if (studentNo === null) issues.unshift({ row: 1, column: fieldLabel('studentNo'), value: '', reason: 'import.reason.missingColumn' });
  for (const item of def.items) {
    if (!items.has(item.id)) issues.push({ row: 1, column: missingItemLabel(item), value: '', reason: 'import.reason.missingColumn' });
  }
  return { mapping, studentNo, name, items: def.items.flatMap((i) => items.get(i.id) ?? []), issues };
}

const knownFields = (def: ScaleDefinition) => new Set([STUDENT_NO_COLUMN, ...def.items.map((i) => i.id)]);

/** Whether every column of a mapping is 不导入, the 学号 column or an item of this scale. */
export function mappingFitsScale(def: ScaleDefinition, chosen: readonly (string | null)[]): boolean {
  const known = knownFields(def);
  return chosen.every((c) => c === null || known.has(c));
}

/** A hand-made mapping must fit this file and name only this scale's items (or the 学号 column). */
function checkChosen(header: readonly string[], def: ScaleDefinition, chosen: readonly (string | null)[]): void {
  checkMappingFits(header, chosen);
  const known = knownFields(def);
  const unknown = chosen.flatMap((c, index) => (c !== null && !known.has(c) ? [{ path: `mapping.${index}`, reason: 'errors.field.choose' }] : []));
  if (unknown.length > 0) throw new CounselError('VALIDATION', 'errors.validation', unknown);
}
