import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/audit/chain';
import { openDatabase } from '../../electron/db/connection';
import { appendAuditHistory } from '../../bench/audit-history';
import { buildSchool, type SchoolSize } from '../../bench/school';

/**
 * The benchmark's ten years of audit rows (bench/audit-history.ts) on a small built school: the
 * count its estimate promises, a chain that verifies on from the rows already there, time order,
 * and details without a student's name.
 */
const TINY: SchoolSize = { students: 30, years: 2, records: 60, appointments: 320, groupSessions: 10, crisisCases: 1, openCases: 5 };

const dir = mkdtempSync(join(tmpdir(), 'counselroom-audit-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('appends 15 rows a session record, 2 an appointment and 6 a weekday, chained onto the log, in time order, naming no student', async () => {
  const meta = await buildSchool(join(dir, 'school'), TINY);
  const db = openDatabase({ file: join(dir, 'school', 'counselroom.db'), key: Buffer.from(meta.rawKeyHex, 'hex') });
  try {
    const before = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    const written = appendAuditHistory(db, meta.userId);

    const records = (db.prepare('SELECT count(*) AS n FROM session_records WHERE deleted_at IS NULL').get() as { n: number }).n;
    const appointments = (db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n;
    const days = (db.prepare(`SELECT count(DISTINCT date(at / 1000, 'unixepoch', '+8 hours')) AS n FROM audit_log WHERE seq > ? AND action = 'auth.login'`).get(before) as { n: number }).n;
    expect(written).toBe(records * 15 + appointments * 2 + days * 6);
    expect(days).toBeGreaterThan(300);
    expect(verifyAudit(db)).toEqual({ ok: true, rows: before + written, firstBroken: null });

    const unordered = (db.prepare('SELECT count(*) AS n FROM audit_log a JOIN audit_log b ON b.seq = a.seq + 1 WHERE a.seq > ? AND b.at < a.at').get(before) as { n: number }).n;
    expect(unordered).toBe(0);
    const names = db.prepare('SELECT name FROM students').pluck().all() as string[];
    const details = db.prepare('SELECT details FROM audit_log WHERE seq > ? AND details IS NOT NULL').pluck().all(before) as string[];
    expect(details.length).toBeGreaterThan(records * 12);
    expect(details.filter((d) => names.some((n) => d.includes(n)))).toEqual([]);
  } finally {
    db.close();
  }
}, 300_000);
