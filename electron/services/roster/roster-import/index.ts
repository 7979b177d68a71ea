import { fieldLabel, mapHeaders, type ColumnMapping, type HeaderMapping, type RosterField } from './columns';
import { issueValue, normalizeRows, type Candidate, type RosterIssue } from './rows';
import { type ParsedSheet, parseSpreadsheet, unreadable, type SheetFormat } from './spreadsheet';

export { IMPORT_REASONS, type Candidate, type ImportReason, type RosterIssue } from './rows';
export { headerKey, ROSTER_FIELDS } from './columns';
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

/**
 * Reads a roster file without touching the database: the shared first step of preview and commit.
 * `chosen` is the counselor's field for each column (the preview's mapping step), else headers decide.
 */
export async function readRosterFile(bytes: Uint8Array, fileName: string, chosen?: readonly (RosterField | null)[]): Promise<RosterFile> {
  return planRoster(await parseSpreadsheet(bytes, fileName), chosen);
}

/** The header row, or the file's refusal as empty. */
export function headerOf({ rows }: ParsedSheet): string[] {
  const header = rows[0];
  if (header === undefined) throw unreadable('import.error.empty');
  return header;
}

/** A parsed sheet read through a mapping: the rows as students and every issue. */
export function planRoster(sheet: ParsedSheet, chosen?: readonly (RosterField | null)[]): RosterFile {
  const { format, encoding, rows } = sheet;
  const headers = mapHeaders(headerOf(sheet), chosen);
  const { candidates, issues, totalRows } = normalizeRows(rows, headers.mapping);
  return { format, encoding, mapping: headers.mapping, candidates, issues: [...headerIssues(headers), ...issues], totalRows };
}

function headerIssues({ missingRequired, duplicates, chosen }: HeaderMapping): RosterIssue[] {
  return [
    ...missingRequired.map((field): RosterIssue => ({ row: 1, column: fieldLabel(field), value: '', reason: 'import.reason.missingColumn' })),
    ...duplicates.map(({ column, field, first }): RosterIssue =>
      chosen
        ? { row: 1, column, value: issueValue(column), reason: 'import.reason.sameField', params: { first, field: fieldLabel(field) } }
        : { row: 1, column, value: issueValue(column), reason: 'import.reason.duplicateColumn' },
    ),
  ];
}
