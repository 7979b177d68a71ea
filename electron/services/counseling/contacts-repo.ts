import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ConsentView, ContactView } from '../../../shared/api/contacts';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';
import { indexNote, unindexNote } from './search-repo';

export type ContactFields = Pick<ContactView, 'contactDate' | 'withKind' | 'withLabel' | 'channel' | 'summary' | 'agreedActions' | 'caseId'>;

const SELECT_CONTACT = `
  SELECT k.id, k.student_id AS studentId, s.name AS studentName, k.case_id AS caseId, k.contact_date AS contactDate,
    k.with_kind AS withKind, k.with_label AS withLabel, k.channel, k.summary, k.agreed_actions AS agreedActions,
    k.author_id AS authorId, u.display_name AS authorName, k.created_at AS createdAt, k.updated_at AS updatedAt
  FROM contacts k JOIN students s ON s.id = k.student_id JOIN users u ON u.id = k.author_id
  WHERE k.deleted_at IS NULL`;

export function getContact(db: Database, id: string): ContactView | null {
  return (stmt(db, `${SELECT_CONTACT} AND k.id = ?`).get(id) as ContactView | undefined) ?? null;
}

/** What the search index holds for a contact: its summary and the agreed actions. */
export function contactText(f: Pick<ContactFields, 'summary' | 'agreedActions'>): string {
  return [f.summary, f.agreedActions].filter((t) => t !== '').join('\n');
}

export function insertContact(db: Database, c: ContactFields & { studentId: string; authorId: string }, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO contacts (id, student_id, case_id, contact_date, with_kind, with_label, channel, summary, agreed_actions, author_id, created_at, updated_at)
     VALUES (@id, @studentId, @caseId, @contactDate, @withKind, @withLabel, @channel, @summary, @agreedActions, @authorId, @now, @now)`,
  ).run({ ...c, id, now });
  indexNote(db, 'contact', id, contactText(c), c.contactDate);
  return id;
}

export function updateContact(db: Database, id: string, c: ContactFields, now: number): void {
  stmt(
    db,
    `UPDATE contacts SET case_id = @caseId, contact_date = @contactDate, with_kind = @withKind, with_label = @withLabel,
       channel = @channel, summary = @summary, agreed_actions = @agreedActions, updated_at = @now
     WHERE id = @id`,
  ).run({ ...c, id, now });
  indexNote(db, 'contact', id, contactText(c), c.contactDate);
}

export function softDeleteContact(db: Database, id: string, reason: string, now: number): void {
  stmt(db, 'UPDATE contacts SET deleted_at = ?, deleted_reason = ? WHERE id = ?').run(now, reason, id);
  unindexNote(db, 'contact', id);
}

const SELECT_CONSENT = `
  SELECT id, student_id AS studentId, scope, party, outcome, consent_date AS date, form, note, recorded_by AS recordedById,
    created_at AS createdAt
  FROM consents`;

export function insertConsent(db: Database, c: Omit<ConsentView, 'id' | 'createdAt'>, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO consents (id, student_id, scope, party, outcome, consent_date, form, note, recorded_by, created_at)
     VALUES (@id, @studentId, @scope, @party, @outcome, @date, @form, @note, @recordedById, @now)`,
  ).run({ ...c, id, now });
  return id;
}

export function getConsent(db: Database, id: string): ConsentView {
  return stmt(db, `${SELECT_CONSENT} WHERE id = ?`).get(id) as ConsentView;
}

/** The effective consent of one party: its latest record by date, then the one entered last (rowid: consents are never deleted). */
export function latestConsent(db: Database, studentId: string, scope: ConsentView['scope'], party: ConsentView['party']): ConsentView | null {
  return (
    (stmt(db, `${SELECT_CONSENT} WHERE student_id = ? AND scope = ? AND party = ? ORDER BY consent_date DESC, rowid DESC LIMIT 1`).get(
      studentId,
      scope,
      party,
    ) as ConsentView | undefined) ?? null
  );
}
