import { fieldLabel, mapHeaders, type ColumnMapping, type HeaderMapping } from './columns';
import { issueValue, normalizeRows, type Candidate, type RosterIssue } from './rows';
import { parseSpreadsheet, unreadable, type SheetFormat } from './spreadsheet';

export { IMPORT_REASONS, type Candidate, type ImportReason, type RosterIssue } from './rows';
export type { ColumnMapping, RosterField } from './columns';

export interface RosterFile {
  format: SheetFormat;
  encoding: string;
  mapping: ColumnMapping[];
  candidates: Candidate[];
  /** Header issues (row 1) first, then row issues in sheet order. */
  issues: RosterIssue[];
  /** Data rows that are not blank, valid or not. */
  totalRows: number;
}

/** Reads a roster file without touching the database: the shared first step of preview and commit. */
export async function readRosterFile(bytes: Uint8Array, fileName: string): Promise<RosterFile> {
  const { format, encoding, rows } = await parseSpreadsheet(bytes, fileName);
  const header = rows[0];
  if (header === undefined) throw unreadable('import.error.empty');
  const headers = mapHeaders(header);
  const { candidates, issues, totalRows } = normalizeRows(rows, headers.mapping);
  return { format, encoding, mapping: headers.mapping, candidates, issues: [...headerIssues(headers), ...issues], totalRows };
}

function headerIssues({ missingRequired, duplicates }: HeaderMapping): RosterIssue[] {
  return [
    ...missingRequired.map((field): RosterIssue => ({ row: 1, column: fieldLabel(field), value: '', reason: 'import.reason.missingColumn' })),
    ...duplicates.map(({ column }): RosterIssue => ({ row: 1, column, value: issueValue(column), reason: 'import.reason.duplicateColumn' })),
  ];
}
