import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { SearchHit } from '../../../shared/api/search';
import { ftsQuery, parseQuery, snippet } from '../../../shared/domain/bigram-search';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { contactText, getContact } from './contacts-repo';
import { fieldsOf, getRecordRow, getRecordRows, type RecordRow, recordText } from './records-repo';
import { alertNote, matchNotes, type MatchRow } from './search-repo';
import { stmt } from '../../db/statements';

// Handling an alert puts its note into this index, in the same transaction.
export { indexNote } from './search-repo';

type HitBase = Omit<SearchHit, 'snippet' | 'source' | 'id' | 'date'> & { text: string };

/**
 * The note behind an index row, with the text the snippet is cut from. `records` holds the page's
 * session records, read in one statement: most hits are records, and one read per hit was a
 * statement each.
 */
function noteOf(db: Database, m: MatchRow, records: Map<string, RecordRow>): HitBase | null {
  if (m.source === 'record') {
    const r = records.get(m.sourceId);
    if (!r) return null;
    return { recordId: r.id, caseId: r.case_id, studentId: r.student_id, clientLabel: r.client_label, signed: r.signed_at !== null, text: recordText(fieldsOf(r)) };
  }
  if (m.source === 'addendum') {
    const a = stmt(db, 'SELECT record_id AS recordId, body FROM record_addenda WHERE id = ?').get(m.sourceId) as { recordId: string; body: string } | undefined;
    const r = a ? getRecordRow(db, a.recordId) : null;
    if (!a || !r) return null;
    return { recordId: r.id, caseId: r.case_id, studentId: r.student_id, clientLabel: r.client_label, signed: null, text: a.body };
  }
  if (m.source === 'alert') {
    const a = alertNote(db, m.sourceId);
    if (!a) return null;
    return { recordId: null, caseId: a.caseId, studentId: a.studentId, clientLabel: a.studentName, signed: null, text: a.note };
  }
  const c = getContact(db, m.sourceId);
  if (!c) return null;
  return { recordId: null, caseId: c.caseId, studentId: c.studentId, clientLabel: c.studentName, signed: null, text: contactText(c) };
}

export const searchHandlers: HandlerMap<'search.notes'> = {
  'search.notes': dbHandler<'search.notes'>({
    run: (ctx, input) => {
      const { db } = ctx;
      const parsed = parseQuery(input.query);
      if (!parsed.ok) {
        const reason = parsed.reason === 'noTerms' ? 'errors.search.noTerms' : 'errors.search.singleCharacter';
        throw new CounselError('VALIDATION', 'errors.validation', [{ path: 'query', reason }]);
      }
      const { rows, total, capped } = matchNotes(db, ftsQuery(parsed.phrases), input.pageSize, (input.page - 1) * input.pageSize);
      const records = getRecordRows(db, rows.filter((m) => m.source === 'record').map((m) => m.sourceId));
      const items: SearchHit[] = [];
      for (const m of rows) {
        const note = noteOf(db, m, records);
        if (!note) continue;
        const { text, ...hit } = note;
        items.push({ ...hit, source: m.source, id: m.sourceId, date: m.date, snippet: snippet(text, parsed.phrases) });
      }
      // The query itself is not recorded: it may hold a name or clinical words.
      ctx.audit = { targetType: null, targetId: null, details: { page: input.page, total, capped } };
      return { items, total, capped };
    },
  }),
};
