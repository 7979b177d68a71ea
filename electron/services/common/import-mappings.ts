import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readSetting, writeSetting } from '../accounts/settings-store';
import { headerKey } from '../roster/roster-import';

/**
 * The column mappings a counselor chose in an import, by the header row they were chosen for: a
 * school's records system exports the same layout every term, and a class's answer sheets come
 * typed the same way every time, so the next file is read the same way without asking again.
 * Kept in the archive (headers only, never a cell), newest first, one setting per importer.
 */
const MAX_REMEMBERED = 20;

interface Remembered {
  headers: string;
  fields: (string | null)[];
}

export interface MappingMemory<F extends string> {
  /** The mapping chosen for this header row (within `scope`), if one was and it still fits the row. */
  recall(db: Database, header: readonly string[], scope?: string): (F | null)[] | undefined;
  remember(db: Database, header: readonly string[], fields: readonly (F | null)[], scope?: string): void;
}

/**
 * Header texts folded as the header rules fold them, so 学籍号 and 学籍号 * are one layout; a scope
 * (the answer import's scale, whose items the fields name) keeps one importer's layouts apart. An
 * unscoped layout is written as the roster import always wrote it, so mappings already kept still apply.
 */
function layoutOf(header: readonly string[], scope: string): string {
  const folded = header.map(headerKey).join('\u001f');
  return scope === '' ? folded : `${scope}\u001e${folded}`;
}

/** The memory of one importer, kept in the setting named `setting`. */
export function mappingMemory<F extends string>(setting: string): MappingMemory<F> {
  const all = (db: Database) => readSetting<Remembered[]>(db, setting, []);
  return {
    recall(db, header, scope = '') {
      const layout = layoutOf(header, scope);
      const found = all(db).find((r) => r.headers === layout);
      return found && found.fields.length === header.length ? (found.fields as (F | null)[]) : undefined;
    },
    remember(db, header, fields, scope = '') {
      const layout = layoutOf(header, scope);
      const others = all(db).filter((r) => r.headers !== layout);
      writeSetting(db, setting, [{ headers: layout, fields: [...fields] }, ...others].slice(0, MAX_REMEMBERED));
    },
  };
}
