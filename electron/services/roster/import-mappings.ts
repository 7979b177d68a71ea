import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readSetting, writeSetting } from '../accounts/settings-store';
import { headerKey, type RosterField } from './roster-import';

/**
 * The column mappings a counselor chose, by the header row they were chosen for: a school's
 * records system exports the same layout every term, so its next file is read the same way.
 * Kept in the archive (headers only, never a cell), newest first.
 */
const SETTING = 'rosterImportMappings';
const MAX_REMEMBERED = 20;

interface Remembered {
  headers: string;
  fields: (RosterField | null)[];
}

/** Header texts folded as the header rules fold them, so 学籍号 and 学籍号 * are one layout. */
const layoutOf = (header: readonly string[]) => header.map(headerKey).join('\u001f');

export function rememberedMapping(db: Database, header: readonly string[]): (RosterField | null)[] | undefined {
  const layout = layoutOf(header);
  const found = readSetting<Remembered[]>(db, SETTING, []).find((r) => r.headers === layout);
  return found && found.fields.length === header.length ? found.fields : undefined;
}

export function rememberMapping(db: Database, header: readonly string[], fields: readonly (RosterField | null)[]): void {
  const layout = layoutOf(header);
  const others = readSetting<Remembered[]>(db, SETTING, []).filter((r) => r.headers !== layout);
  writeSetting(db, SETTING, [{ headers: layout, fields: [...fields] }, ...others].slice(0, MAX_REMEMBERED));
}
