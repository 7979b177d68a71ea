/**
 * The physical baseline of a method: the repository queries it runs, called straight on a
 * connection, without the dispatcher (session, role and gate checks, zod on input and output,
 * the audit row, the JSON round trip). bench/methods.ts times each on the encrypted archive opened
 * with its raw key and on a decrypted copy of it, so a row shows what the app adds on top of
 * SQLite and what the encryption costs on the same queries.
 *
 * Keys are `method` or `method|variant label` (a variant's own baseline wins). Each takes the
 * method's parsed input (defaults filled in) and the archive's counselor.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { TIMELINE_KINDS } from '../shared/api/archive';
import { ftsQuery, parseQuery } from '../shared/domain/bigram-search';
import { weekOf } from '../shared/domain/dates';
import { schoolDate } from '../electron/services/common/clinical';
import { lastSeenOfCaseload, followUpsBetween, openCasesOf, timeline } from '../electron/services/counseling/archive-repo';
import { TODO_AGE_MS, unsignedOf } from '../electron/services/counseling/records-repo';
import { matchNotes } from '../electron/services/counseling/search-repo';
import { listStudents, type ListQuery } from '../electron/services/roster/students-repo';
import { listAppointments, type AppointmentQuery } from '../electron/services/schedule/appointments-repo';

type Baseline = (db: Database, input: Record<string, unknown>, me: string) => unknown;

function notes(db: Database, input: Record<string, unknown>): unknown {
  const parsed = parseQuery(String(input.query));
  if (!parsed.ok) throw new Error(`not a search: ${String(input.query)}`);
  const pageSize = Number(input.pageSize);
  return matchNotes(db, ftsQuery(parsed.phrases), pageSize, (Number(input.page) - 1) * pageSize);
}

export const BASELINES: Record<string, Baseline> = {
  'students.list': (db, input) => listStudents(db, input as unknown as ListQuery),
  'search.notes': (db, input) => notes(db, input),
  'appointments.list': (db, input) => listAppointments(db, input as unknown as AppointmentQuery),
  'records.todo': (db, _input, me) => unsignedOf(db, me, Date.now(), TODO_AGE_MS),
  'caseload.mine': (db, _input, me) => {
    const today = schoolDate(db, Date.now());
    const week = weekOf(today);
    return [openCasesOf(db, me), lastSeenOfCaseload(db, me, today), followUpsBetween(db, me, week.start, week.end), unsignedOf(db, me, Date.now())];
  },
  'archive.timeline': (db, input) =>
    timeline(db, { studentId: String(input.studentId), kinds: TIMELINE_KINDS, from: null, to: null, order: 'desc', limit: Number(input.pageSize), offset: (Number(input.page) - 1) * Number(input.pageSize) }),
};

/**
 * The notes search as it was before the ranking window: bm25 over every hit, then the top page,
 * and a count of every hit. Timed beside search.notes in the same run, so the window's gain is
 * measured against raw FTS5 rather than remembered.
 */
export function unboundedNotes(db: Database, input: Record<string, unknown>): unknown {
  const parsed = parseQuery(String(input.query));
  if (!parsed.ok) throw new Error(`not a search: ${String(input.query)}`);
  const match = ftsQuery(parsed.phrases);
  const pageSize = Number(input.pageSize);
  return [
    db.prepare('SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH ?').get(match),
    db
      .prepare(
        `SELECT n.source_kind, n.source_id, n.note_date FROM notes_fts JOIN note_index n ON n.doc = notes_fts.rowid
         WHERE notes_fts MATCH ? ORDER BY bm25(notes_fts), n.note_date DESC, n.doc DESC LIMIT ? OFFSET ?`,
      )
      .all(match, pageSize, (Number(input.page) - 1) * pageSize),
  ];
}

export function baselineOf(method: string, variant: string): Baseline | undefined {
  return BASELINES[`${method}|${variant}`] ?? BASELINES[method];
}
