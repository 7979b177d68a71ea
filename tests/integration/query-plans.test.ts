import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { startComplianceRun } from '../../bench/compliance-run';
import { reopenArchive } from '../../bench/harness';
import { casesOf, drawIds } from '../../bench/method-inputs';
import { buildSchool, type SchoolSize } from '../../bench/school';

/**
 * Every statement the read methods prepare, caught while each method is called once through the
 * dispatcher on a small benchmark school, then planned with EXPLAIN QUERY PLAN on the same schema:
 * a full scan of a table that grows with the years fails the test, so an index cannot silently go
 * missing (the 10-year figures are in docs/PERFORMANCE.md). Walking a whole index of such a table
 * (SCAN … USING INDEX) counts as a full scan too: it reads every year as surely as the table does.
 * The checklist's evaluation (compliance.start, a principal's write) is walked as well, since it
 * reads figures from every area.
 */
const TINY: SchoolSize = { students: 40, years: 2, records: 120, appointments: 640, groupSessions: 20, crisisCases: 2, openCases: 10 };
/** The tables that grow with the years. */
const GROWING = ['appointments', 'forms', 'form_answers', 'session_records', 'audit_log'];
const GROWING_NAME = new RegExp(`\\b(${GROWING.join('|')})\\b(?:\\s+(?:AS\\s+)?([A-Za-z_]\\w*))?`, 'gi');

/** Whole-table reads that are what the statement is for, by statement (several methods may share one). */
const WHOLE_TABLE_BY_DESIGN: Record<string, string> = {
  'SELECT count(*) FROM audit_log':
    'the checklist figure "audit log intact" (compliance.start) counts the rows against the highest seq to know none is missing before the checkpoint: one pass over the smallest index, where the chain walk it replaces read every row',
};

const KEYWORDS = new Set(['where', 'join', 'left', 'inner', 'on', 'group', 'order', 'limit', 'set', 'values', 'union', 'as', 'select', 'from']);

/** The names a growing table goes by in a statement: its own and its aliases. */
function growingNames(sql: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of sql.matchAll(GROWING_NAME)) {
    const table = m[1]!.toLowerCase();
    names.set(table, table);
    if (m[2] && !KEYWORDS.has(m[2].toLowerCase())) names.set(m[2], table);
  }
  return names;
}

/** NULL for every parameter: better-sqlite3 wants each bound, and the plan does not depend on the values. */
function unboundParameters(sql: string): unknown[] {
  const named = [...new Set(sql.match(/[@:$][A-Za-z_]\w*/g) ?? [])].map((p) => [p.slice(1), null]);
  const positional = (sql.match(/\?/g) ?? []).map(() => null);
  return named.length ? [Object.fromEntries(named), ...positional] : positional;
}

interface Scan {
  method: string;
  table: string;
  plan: string;
  sql: string;
}

let dir = '';
let rawKey = Buffer.alloc(0);
const prepared = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counselroom-plans-'));
  const meta = await buildSchool(join(dir, 'school'), TINY);
  rawKey = Buffer.from(meta.rawKeyHex, 'hex');
  const archive = reopenArchive(join(dir, 'school'), meta.rawKeyHex, meta.userId, meta.studentIds);
  const ids = drawIds(archive.raw, meta.studentIds[0]!);
  let methods = 0;
  // Statements are cached per connection, so each is caught once, under the first method to use it.
  let current = '(login)';
  const proto = Database.prototype as unknown as { prepare: (this: unknown, sql: string, ...rest: unknown[]) => unknown };
  const original = proto.prepare;
  proto.prepare = function (sql, ...rest) {
    if (!prepared.has(sql)) prepared.set(sql, current);
    return original.call(this, sql, ...rest);
  };
  try {
    const counselor = await archive.login();
    // The checklist's evaluation reads live figures from every area, the growing tables included.
    current = 'compliance.start';
    const compliance = await startComplianceRun(counselor, 1);
    for (const k of casesOf({ ...ids, complianceRun: compliance.runId, signedComplianceRun: compliance.signedRunId, complianceEvidence: compliance.evidenceId }).cases) {
      current = k.method;
      methods++;
      await counselor.call(k.method, k.input);
    }
    await counselor.shutdown();
  } finally {
    proto.prepare = original;
  }
  expect(methods).toBeGreaterThan(60);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The plan of the one statement a method prepared that matches `pattern`. */
function planOfOne(db: ReturnType<typeof openDatabase>, method: string, pattern: RegExp): string[] {
  const found = [...prepared].filter(([sql, m]) => m === method && pattern.test(sql)).map(([sql]) => sql);
  expect(found, `${method} ${String(pattern)}`).toHaveLength(1);
  return (db.prepare(`EXPLAIN QUERY PLAN ${found[0]!}`).all(...unboundParameters(found[0]!)) as { detail: string }[]).map((r) => r.detail);
}

describe('query plans of the read methods', () => {
  it('scan no table that grows with the years', () => {
    const db = openDatabase({ file: join(dir, 'school', 'counselroom.db'), key: rawKey });
    const scans: Scan[] = [];
    let planned = 0;
    try {
      for (const [sql, method] of prepared) {
        if (!/^\s*(SELECT|WITH)\b/i.test(sql) || WHOLE_TABLE_BY_DESIGN[sql.replace(/\s+/g, ' ').trim()]) continue;
        const names = growingNames(sql);
        if (names.size === 0) continue;
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...unboundParameters(sql)) as { detail: string }[];
        planned++;
        for (const { detail } of plan) {
          const m = /^SCAN (\w+)(.*)$/.exec(detail);
          if (m && names.has(m[1]!) && !/USING INTEGER PRIMARY KEY/.test(m[2]!)) scans.push({ method, table: names.get(m[1]!)!, plan: detail, sql: sql.replace(/\s+/g, ' ') });
        }
      }
    } finally {
      db.close();
    }
    expect(planned).toBeGreaterThan(20);
    expect(scans).toEqual([]);
  });

  it('page the screening triage queue along its index and count the summary from indexes alone', () => {
    const db = openDatabase({ file: join(dir, 'school', 'counselroom.db'), key: rawKey });
    try {
      const planOf = (method: string, pattern: RegExp) => planOfOne(db, method, pattern);
      // The page is found in index order; only entries flagged in the same millisecond are sorted (by 学号), so a LIMIT stops after its page.
      const page = planOf('campaigns.triage', /LIMIT @limit OFFSET @offset/);
      expect(page).toContain('SEARCH t USING COVERING INDEX triage_entries_queue (campaign_id=?)');
      expect(page).toContain('USE TEMP B-TREE FOR LAST TERM OF ORDER BY');
      expect(planOf('campaigns.summary', /FROM campaign_results/)).toContain('SEARCH campaign_results USING COVERING INDEX campaign_results_bands (campaign_id=? AND scale_id=?)');
      expect(planOf('campaigns.summary', /screened <> '\[\]'/)).toEqual(['SEARCH campaign_participants USING COVERING INDEX campaign_participants_screened (campaign_id=? AND outcome=?)']);
    } finally {
      db.close();
    }
  });

  it('read a page of the participant list and of the 学年升级 plan from the classes it falls in', () => {
    const db = openDatabase({ file: join(dir, 'school', 'counselroom.db'), key: rawKey });
    try {
      const planOf = (method: string, pattern: RegExp) => planOfOne(db, method, pattern);
      // The participants of the page's classes only (a range of the index), each 学号 from students_id_no; never the whole campaign.
      const page = planOf('campaigns.get', /LIMIT @limit OFFSET @skip/);
      expect(page).toContain('SEARCH p USING COVERING INDEX campaign_participants_list (campaign_id=? AND (grade,class_name)>(?,?) AND (grade,class_name)<(?,?))');
      expect(page).toContain('SEARCH s USING COVERING INDEX students_id_no (id=?)');
      expect(page.filter((d) => /campaign_participants_list \(campaign_id=\?\)$|AUTOMATIC/.test(d))).toEqual([]);
      // The plan's page: its classes first, each class's students on students_grade_class.
      expect(planOf('students.rollForwardPreview', /json_each\(\?\) k/).slice(0, 2)).toEqual([
        expect.stringMatching(/^SCAN k VIRTUAL TABLE/),
        'SEARCH s USING INDEX students_grade_class (grade=? AND class_name=?)',
      ]);
    } finally {
      db.close();
    }
  });
});
