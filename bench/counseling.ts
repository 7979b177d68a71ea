/**
 * Counseling benchmarks (npm run bench runs them after the roster ones; alone:
 * `npx tsx bench/counseling.ts`):
 * - search over 30,000 session records of ~500 characters, 2-, 3- and 4-character queries, p50/p95:
 *   the repository's FTS5 bigram query, and a raw LIKE scan of the same six columns on the same
 *   encrypted archive in the same run (ratio); then search.notes through the dispatcher
 *   (snippets and its audit row included);
 * - archive.timeline of a student with about 200 entries;
 * - records.saveDraft autosave of a ~500-character record.
 * The 30,000 records are written with the app's own repositories (index included), in bulk
 * transactions on the archive opened with its raw key, rather than 30,000 dispatcher calls.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RecordFields } from '../shared/api/records';
import { ftsQuery, parseQuery } from '../shared/domain/bigram-search';
import { addDays } from '../shared/domain/dates';
import { stmt } from '../electron/db/statements';
import { closeCase, insertCase } from '../electron/services/counseling/cases-repo';
import { insertConsent, insertContact } from '../electron/services/counseling/contacts-repo';
import { insertAddendum, insertDisclosure, insertRecord, signRecord } from '../electron/services/counseling/records-repo';
import { matchNotes } from '../electron/services/counseling/search-repo';
import { syntheticNotes } from './dataset';
import { benchArchive, ms, runIfMain, sample } from './harness';

const RECORDS = 30_000;
const STUDENTS = 600;
const QUERIES = ['焦虑', '失眠', '早恋', '注意力', '安全感', '情绪低落', '学生'];

interface Seeded {
  me: string;
  target: { studentId: string; caseId: string; entries: number };
}

/** Session dates of the seeded records: `days` days from `from` (two years here; ten in the large school). */
export interface RecordSpan {
  from: string;
  days: number;
}

/** `records` records (30,000 here) over the students' cases, plus one student with ~200 archive entries. */
export function seedRecords(db: Database, me: string, studentIds: string[], records = RECORDS, span: RecordSpan = { from: '2023-03-01', days: 730 }): Seeded {
  const notes = syntheticNotes(records);
  const now = Date.UTC(2025, 2, 12, 2, 0);
  const caseOf = new Map<string, string>();
  db.transaction(() => {
    for (const studentId of studentIds) {
      caseOf.set(
        studentId,
        insertCase(
          db,
          { clientKind: 'student', studentId, clientLabel: '', source: 'walkIn', sourceNote: '', appointmentId: null, categories: ['emotion'], goals: '', openedOn: span.from, counselorId: me, createdBy: me },
          now,
        ),
      );
    }
  })();
  const fields = (i: number): RecordFields => ({
    ...notes[i]!,
    sessionDate: addDays(span.from, i % span.days),
    startTime: null,
    durationMinutes: 45,
    mode: 'face',
    participants: { student: true, guardian: false, teacher: false },
    kind: 'followUp',
    nextAppointmentDate: null,
    riskOfHarm: 'none',
  });
  const target = studentIds[0]!;
  // The target student takes 150 of the records, over three cases (two of them closed).
  const targetCases = [caseOf.get(target)!];
  db.transaction(() => {
    for (let k = 0; k < 2; k++) {
      targetCases.push(
        insertCase(
          db,
          { clientKind: 'student', studentId: target, clientLabel: '', source: 'teacherReferral', sourceNote: '', appointmentId: null, categories: ['family'], goals: '', openedOn: span.from, counselorId: me, createdBy: me },
          now,
        ),
      );
    }
  })();
  const targetRecords: string[] = [];
  for (let start = 0; start < records; start += 1000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(records, start + 1000); i++) {
        const studentId = i < 150 ? target : studentIds[1 + (i % (studentIds.length - 1))]!;
        const caseId = i < 150 ? targetCases[i % 3]! : caseOf.get(studentId)!;
        const id = insertRecord(db, { caseId, studentId, authorId: me, fields: fields(i) }, now);
        if (i % 3 !== 0) signRecord(db, id, now);
        if (i < 150) targetRecords.push(id);
      }
    })();
  }
  db.transaction(() => {
    for (let k = 0; k < 20; k++) insertAddendum(db, { recordId: targetRecords[k * 3 + 1]!, authorId: me, text: `补充说明第${k + 1}条：家长已知情。`, writtenOn: '2025-03-01' }, now);
    for (let k = 0; k < 10; k++) {
      insertDisclosure(
        db,
        { recordId: targetRecords[k * 3 + 2]!, informedKind: 'guardian', informedLabel: '母亲', informedAt: now, informedOn: '2025-03-12', channel: 'phone', note: '', recordedBy: me },
        now,
      );
    }
    for (let k = 0; k < 15; k++) {
      insertContact(
        db,
        { studentId: target, caseId: null, contactDate: addDays('2023-04-01', k * 30), withKind: 'guardian', withLabel: '', channel: 'phone', summary: '电话沟通近况。', agreedActions: '', authorId: me },
        now,
      );
    }
    for (let k = 0; k < 5; k++) {
      insertConsent(db, { studentId: target, scope: 'testing', party: k % 2 ? 'student' : 'guardian', outcome: 'given', date: '2024-09-01', form: 'written', note: '', recordedById: me }, now);
    }
    // Close the two referral cases once their drafts are signed (the archive shows each close).
    for (const caseId of targetCases.slice(1)) {
      stmt(db, 'UPDATE session_records SET signed_at = ? WHERE case_id = ? AND signed_at IS NULL').run(now, caseId);
      closeCase(db, caseId, '结案。', '2025-01-10', now);
    }
  })();
  // 3 opened + 2 closed + 150 records + 20 addenda + 10 disclosures + 15 contacts + 5 consents.
  return { me, target: { studentId: target, caseId: targetCases[0]!, entries: 205 } };
}

/** The same six columns scanned with LIKE, as the app would do without an index. */
const LIKE_COUNT = `SELECT count(*) AS n FROM session_records WHERE deleted_at IS NULL AND (current_state LIKE @p OR main_problem LIKE @p
  OR analysis LIKE @p OR plan LIKE @p OR outcome_evaluation LIKE @p OR follow_up_actions LIKE @p)`;
const LIKE_PAGE = `SELECT id FROM session_records WHERE deleted_at IS NULL AND (current_state LIKE @p OR main_problem LIKE @p
  OR analysis LIKE @p OR plan LIKE @p OR outcome_evaluation LIKE @p OR follow_up_actions LIKE @p) ORDER BY session_date DESC LIMIT 20`;

export async function counselingBench(dir: string): Promise<[string, string][]> {
  const results: [string, string][] = [];
  const archive = await benchArchive(join(dir, 'counseling'), STUDENTS);
  // Raw side: the archive opened with its key, the app's repositories and SQL, no dispatcher.
  const db = archive.raw;
  const t0 = performance.now();
  const seeded = seedRecords(db, archive.userId, archive.studentIds);
  const seedMs = performance.now() - t0;
  const chars = (db.prepare(`SELECT avg(length(current_state || main_problem || analysis || plan || outcome_evaluation || follow_up_actions)) AS n FROM session_records`).get() as { n: number }).n;
  results.push([`seed ${RECORDS} session records (~${chars.toFixed(0)} characters) with their bigram index, bulk transactions`, `${(seedMs / 1000).toFixed(1)} s`]);
  for (const q of QUERIES) {
    const parsed = parseQuery(q);
    if (!parsed.ok) throw new Error(q);
    const match = ftsQuery(parsed.phrases);
    let hits = 0;
    const fts = await sample(50, () => (hits = matchNotes(db, match, 20, 0).total));
    const like = await sample(10, () => {
      stmt(db, LIKE_COUNT).get({ p: `%${q}%` });
      stmt(db, LIKE_PAGE).all({ p: `%${q}%` });
    });
    results.push([`  "${q}" (${q.length} chars, in ${((hits / RECORDS) * 100).toFixed(1)} % of records): FTS5 bigram count + top 20 by bm25`, ms(fts)]);
    results.push([`  "${q}": raw LIKE '%${q}%' scan of the six fields, count + 20 newest`, `${ms(like)} (LIKE/FTS p50 ${(like.p50 / fts.p50).toFixed(1)}x)`]);
  }

  // Through the dispatcher: the same archive, a real login, audit rows written.
  const { c, shutdown } = await archive.login();
  for (const q of ['焦虑', '失眠', '早恋', '注意力', '情绪低落']) {
    const r = await sample(30, () => c.search.notes({ query: q }));
    results.push([`search.notes "${q}" through the dispatcher (20 hits with snippets, audit row)`, ms(r)]);
  }
  const { studentId, caseId, entries } = seeded.target;
  const total = (await c.archive.timeline({ studentId, pageSize: 200, page: 2 })).total;
  results.push([`archive.timeline of a student with ${total} entries (expected ${entries}): first page of 50`, ms(await sample(30, () => c.archive.timeline({ studentId, pageSize: 50 })))]);
  results.push([`archive.timeline: all ${total} entries in pages of 200`, ms(await sample(30, () => Promise.all([c.archive.timeline({ studentId, pageSize: 200 }), c.archive.timeline({ studentId, pageSize: 200, page: 2 })])))]);
  const note = syntheticNotes(1, 99)[0]!;
  let draft = await c.records.saveDraft({ caseId, ...note });
  let i = 0;
  const save = await sample(100, async () => {
    draft = await c.records.saveDraft({ id: draft.id, revision: draft.revision, ...note, currentState: `${note.currentState}${i++}` });
  });
  results.push([`records.saveDraft autosave of a ~${Object.values(note).join('').length}-character record (re-index + audit row)`, ms(save)]);
  results.push(['records.saveDraft with nothing changed', ms(await sample(100, () => c.records.saveDraft({ id: draft.id, revision: draft.revision, ...note, currentState: `${note.currentState}${i - 1}` })))]);
  await shutdown();
  return results;
}

runIfMain(import.meta.url, 'counseling', counselingBench);
