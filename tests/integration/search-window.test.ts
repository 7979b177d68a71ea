import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { indexNote, matchNotes, RANK_WINDOW } from '../../electron/services/counseling/search-repo';
import { ftsQuery } from '../../shared/domain/bigram-search';
import { openRaw } from '../helpers/raw-db';

let dir: string;
let db: Database.Database;

/**
 * The notes index alone, on a real keyed file: more notes with 学生 than the ranking window, and
 * a few with 焦虑 among the oldest, so what the window leaves out is visible.
 */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'counselroom-search-window-'));
  db = openRaw(join(dir, 'counselroom.db'), randomBytes(32).toString('hex'));
  migrate(db);
  db.transaction(() => {
    for (let i = 0; i < RANK_WINDOW + 50; i++) {
      // The 10 oldest notes say 学生 three times (the best bm25 of all), the rest once.
      const text = i < 10 ? `学生焦虑，学生失眠，学生第${i}次` : `学生第${i}次来访`;
      indexNote(db, 'record', `r${i}`, text, '2020-01-01');
    }
  })();
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = (word: string) => ftsQuery([[word]]);

describe('notes search ranks a bounded window of the newest matches', () => {
  it('caps the count of a term in more notes than the window and ranks only the newest ones', () => {
    const r = matchNotes(db, q('学生'), 20, 0);
    expect(r).toMatchObject({ total: RANK_WINDOW, capped: true });
    expect(r.rows).toHaveLength(20);
    // The oldest notes rank best over all matches, but they are outside the window.
    const ids = r.rows.map((m) => Number(m.sourceId.slice(1)));
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(50);
    // Pages reach to the end of the window and no further.
    expect(matchNotes(db, q('学生'), 20, RANK_WINDOW - 20).rows).toHaveLength(20);
    expect(matchNotes(db, q('学生'), 20, RANK_WINDOW).rows).toHaveLength(0);
  });

  it('ranks every match, exactly, when they fit in the window', () => {
    const r = matchNotes(db, q('焦虑'), 20, 0);
    expect(r).toMatchObject({ total: 10, capped: false });
    expect(r.rows.map((m) => m.sourceId).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`).sort());
    // The same order as ranking without any window: bm25, then the newer doc first on a tie.
    const unbounded = db
      .prepare(
        `SELECT n.source_id AS id FROM notes_fts JOIN note_index n ON n.doc = notes_fts.rowid
         WHERE notes_fts MATCH ? ORDER BY bm25(notes_fts), n.note_date DESC, n.doc DESC`,
      )
      .all(q('焦虑'))
      .map((x) => (x as { id: string }).id);
    expect(r.rows.map((m) => m.sourceId)).toEqual(unbounded);
  });
});
