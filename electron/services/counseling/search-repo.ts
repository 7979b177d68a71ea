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

/**
 * How many matches are ranked: the most recently indexed ones (highest doc numbers, FTS5 walks
 * its doclist backwards and stops there). bm25 over every hit of a term found in every note cost
 * ~100 ms on a ten-year archive; a term that frequent needs another word to narrow it, so the
 * screen says "more than N" rather than ranking notes nobody pages through.
 */
export const RANK_WINDOW = 1000;

/**
 * One page of matches, best bm25 first, newer notes first on a tie, among the newest
 * RANK_WINDOW matches; `capped` when there are more matches than that (then `total` is the window).
 * Under the window the ranking is exactly the one over all matches.
 */
export function matchNotes(db: Database, match: string, limit: number, offset: number): { rows: MatchRow[]; total: number; capped: boolean } {
  const counted = (
    stmt(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT ?)').get(match, RANK_WINDOW + 1) as { n: number }
  ).n;
  const rows = stmt(
    db,
    `SELECT n.source_kind AS source, n.source_id AS sourceId, n.note_date AS date
     FROM (SELECT rowid AS doc, bm25(notes_fts) AS score FROM notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m
     JOIN note_index n ON n.doc = m.doc
     ORDER BY m.score, n.note_date DESC, n.doc DESC
     LIMIT ? OFFSET ?`,
  ).all(match, RANK_WINDOW, limit, offset) as MatchRow[];
  return { rows, total: Math.min(counted, RANK_WINDOW), capped: counted > RANK_WINDOW };
}

/** An alert's handling note and whose it is: the alert itself belongs to the assessments area. */
export function alertNote(db: Database, id: string): { caseId: string | null; studentId: string; studentName: string; note: string } | null {
  return (
    (stmt(db, 'SELECT a.case_id AS caseId, a.student_id AS studentId, s.name AS studentName, a.note FROM alerts a JOIN students s ON s.id = a.student_id WHERE a.id = ?').get(id) as
      | { caseId: string | null; studentId: string; studentName: string; note: string }
      | undefined) ?? null
  );
}
