import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TrashItem, TrashKind } from '../../../shared/api/trash';
import { stmt } from '../../db/statements';
import { contactText } from './contacts-repo';
import { fieldsOf, recordText, type RecordRow } from './records-repo';
import { indexNote } from './search-repo';

type TrashRow = Omit<TrashItem, 'purgeableAt' | 'due'>;

/** Deleted cases, draft records of live cases and contacts; a deleted case's own records go with it. */
const TRASH = `
  SELECT 'case' AS kind, c.id, coalesce(s.name, c.client_label) AS clientLabel, c.deleted_at AS deletedAt, c.deleted_reason AS deletedReason,
    (SELECT count(*) FROM session_records r WHERE r.case_id = c.id AND r.deleted_at IS NULL) AS recordCount
  FROM cases c LEFT JOIN students s ON s.id = c.student_id WHERE c.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'record', r.id, coalesce(s.name, c.client_label), r.deleted_at, r.deleted_reason, 0
  FROM session_records r JOIN cases c ON c.id = r.case_id AND c.deleted_at IS NULL LEFT JOIN students s ON s.id = r.student_id
  WHERE r.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'contact', k.id, s.name, k.deleted_at, k.deleted_reason, 0
  FROM contacts k JOIN students s ON s.id = k.student_id WHERE k.deleted_at IS NOT NULL`;

export function trashRows(db: Database): TrashRow[] {
  return stmt(db, `SELECT * FROM (${TRASH}) ORDER BY deletedAt DESC, id`).all() as TrashRow[];
}

export function trashRow(db: Database, kind: TrashKind, id: string): TrashRow | null {
  return (stmt(db, `SELECT * FROM (${TRASH}) WHERE kind = ? AND id = ?`).get(kind, id) as TrashRow | undefined) ?? null;
}

/** A deleted record or contact whose case is also deleted (restore the case instead). */
export function caseOfDeletedRecordIsDeleted(db: Database, recordId: string): boolean {
  return (
    stmt(db, 'SELECT 1 FROM session_records r JOIN cases c ON c.id = r.case_id WHERE r.id = ? AND c.deleted_at IS NOT NULL').get(recordId) !==
    undefined
  );
}

function indexRecordAndAddenda(db: Database, r: RecordRow): void {
  indexNote(db, 'record', r.id, recordText(fieldsOf(r)), r.session_date);
  const addenda = stmt(db, 'SELECT id, body, written_on FROM record_addenda WHERE record_id = ?').all(r.id) as { id: string; body: string; written_on: string }[];
  for (const a of addenda) indexNote(db, 'addendum', a.id, a.body, a.written_on);
}

export function restoreCase(db: Database, id: string, now: number): void {
  stmt(db, 'UPDATE cases SET deleted_at = NULL, deleted_reason = NULL, deleted_by = NULL, updated_at = ? WHERE id = ?').run(now, id);
  const records = stmt(db, 'SELECT * FROM session_records WHERE case_id = ? AND deleted_at IS NULL').all(id) as RecordRow[];
  for (const r of records) indexRecordAndAddenda(db, r);
}

export function restoreRecord(db: Database, id: string, now: number): void {
  stmt(db, 'UPDATE session_records SET deleted_at = NULL, deleted_reason = NULL, updated_at = ? WHERE id = ?').run(now, id);
  indexRecordAndAddenda(db, stmt(db, 'SELECT * FROM session_records WHERE id = ?').get(id) as RecordRow);
}

export function restoreContact(db: Database, id: string, now: number): void {
  stmt(db, 'UPDATE contacts SET deleted_at = NULL, deleted_reason = NULL, updated_at = ? WHERE id = ?').run(now, id);
  const k = stmt(db, 'SELECT summary, agreed_actions AS agreedActions, contact_date AS contactDate FROM contacts WHERE id = ?').get(id) as {
    summary: string;
    agreedActions: string;
    contactDate: string;
  };
  indexNote(db, 'contact', id, contactText(k), k.contactDate);
}

export interface Purged {
  caseIds: string[];
  records: number;
  contacts: number;
}

/**
 * Erases what was deleted before `cutoff`. Deleted rows are already out of the search index.
 * The purge gate (migration 003) is what lets the immutability triggers allow these deletes.
 */
export function purgeDeletedBefore(db: Database, cutoff: number): Purged {
  // A crisis case deleted before deleting one was refused stays in the trash, restorable: its rows refuse deletion.
  const caseIds = stmt(db, 'SELECT id FROM cases WHERE deleted_at IS NOT NULL AND deleted_at < ? AND id NOT IN (SELECT case_id FROM crisis_cases)')
    .pluck()
    .all(cutoff) as string[];
  let records = 0;
  for (const caseId of caseIds) {
    stmt(db, 'INSERT INTO purge_gate (case_id) VALUES (?)').run(caseId);
    const inCase = 'SELECT id FROM session_records WHERE case_id = ?';
    stmt(db, `DELETE FROM record_addenda WHERE record_id IN (${inCase})`).run(caseId);
    stmt(db, `DELETE FROM disclosures WHERE record_id IN (${inCase})`).run(caseId);
    records += stmt(db, 'DELETE FROM session_records WHERE case_id = ?').run(caseId).changes;
    stmt(db, 'DELETE FROM case_categories WHERE case_id = ?').run(caseId);
    stmt(db, 'DELETE FROM case_transfers WHERE case_id = ?').run(caseId);
    // A home-school contact belongs to the student; it outlives the case it was filed under.
    stmt(db, 'UPDATE contacts SET case_id = NULL WHERE case_id = ?').run(caseId);
    stmt(db, 'DELETE FROM cases WHERE id = ?').run(caseId);
    stmt(db, 'DELETE FROM purge_gate WHERE case_id = ?').run(caseId);
  }
  // A deleted draft was never signed, so it has no addenda and no disclosures to keep it.
  records += stmt(db, 'DELETE FROM session_records WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(cutoff).changes;
  const contacts = stmt(db, 'DELETE FROM contacts WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(cutoff).changes;
  return { caseIds, records, contacts };
}
