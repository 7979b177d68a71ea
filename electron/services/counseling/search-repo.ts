import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SEARCH_SOURCES } from '../../../shared/api/search';
import { indexText } from '../../../shared/domain/bigram-search';
import { stmt } from '../../db/statements';

export type NoteSource = (typeof SEARCH_SOURCES)[number];

/**
 * The bigram index (notes_fts, contentless) and its map back to the notes (note_index).
 * Repositories call these inside the transaction of the write they index, so the index
 * never disagrees with the notes.
 */
export function indexNote(db: Database, source: NoteSource, sourceId: string, text: string, date: string): void {
  const existing = stmt(db, 'SELECT doc FROM note_index WHERE source_kind = ? AND source_id = ?').get(source, sourceId) as { doc: number } | undefined;
  let doc: number;
  if (existing) {
    doc = existing.doc;
    stmt(db, 'DELETE FROM notes_fts WHERE rowid = ?').run(doc);
    stmt(db, 'UPDATE note_index SET note_date = ? WHERE doc = ?').run(date, doc);
  } else {
    doc = Number(stmt(db, 'INSERT INTO note_index (source_kind, source_id, note_date) VALUES (?, ?, ?)').run(source, sourceId, date).lastInsertRowid);
  }
  stmt(db, 'INSERT INTO notes_fts (rowid, body) VALUES (?, ?)').run(doc, indexText(text));
}

export function unindexNote(db: Database, source: NoteSource, sourceId: string): void {
  const existing = stmt(db, 'SELECT doc FROM note_index WHERE source_kind = ? AND source_id = ?').get(source, sourceId) as { doc: number } | undefined;
  if (!existing) return;
  stmt(db, 'DELETE FROM notes_fts WHERE rowid = ?').run(existing.doc);
  stmt(db, 'DELETE FROM note_index WHERE doc = ?').run(existing.doc);
}

export interface MatchRow {
  source: NoteSource;
  sourceId: string;
  date: string;
}

/** One page of matches, best bm25 first, newer notes first on a tie. */
export function matchNotes(db: Database, match: string, limit: number, offset: number): { rows: MatchRow[]; total: number } {
  const total = (stmt(db, 'SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH ?').get(match) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT n.source_kind AS source, n.source_id AS sourceId, n.note_date AS date
     FROM notes_fts JOIN note_index n ON n.doc = notes_fts.rowid
     WHERE notes_fts MATCH ?
     ORDER BY bm25(notes_fts), n.note_date DESC, n.doc DESC
     LIMIT ? OFFSET ?`,
  ).all(match, limit, offset) as MatchRow[];
  return { rows, total };
}

/** An alert's handling note and whose it is: the alert itself belongs to the assessments area. */
export function alertNote(db: Database, id: string): { caseId: string | null; studentId: string; studentName: string; note: string } | null {
  return (
    (stmt(db, 'SELECT a.case_id AS caseId, a.student_id AS studentId, s.name AS studentName, a.note FROM alerts a JOIN students s ON s.id = a.student_id WHERE a.id = ?').get(id) as
      | { caseId: string | null; studentId: string; studentName: string; note: string }
      | undefined) ?? null
  );
}
