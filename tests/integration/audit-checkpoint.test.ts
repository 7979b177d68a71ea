import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit, type AuditEntry } from '../../electron/audit/chain';
import { readCheckpoint, verifyAndCheckpoint, verifySinceCheckpoint } from '../../electron/audit/checkpoint';
import { migrate } from '../../electron/db/migrate';
import { AUDIT_COUNT_CAP } from '../../shared/api/audit';
import { seedComplianceSchool } from '../helpers/compliance';
import { colleague, counselingSchool, type CounselingSchool } from '../helpers/counseling';
import { openRaw, tempArchive } from '../helpers/raw-db';

/**
 * The audit chain's walk in seq-range chunks, and the checkpoint that lets the checklist verify
 * only the rows written since (electron/audit/checkpoint.ts), on a real encrypted archive file.
 */

let archive: ReturnType<typeof tempArchive> | undefined;
let s: CounselingSchool | undefined;
afterEach(async () => {
  archive?.remove();
  archive = undefined;
  await s?.t.cleanup();
  s = undefined;
});

const T0 = Date.UTC(2025, 2, 12, 1);

function migrated(): Database.Database {
  archive = tempArchive('counselroom-audit-checkpoint-');
  migrate(archive.db);
  return archive.db;
}

/** Rows as the dispatcher writes them, with every kind of field value the digest must round-trip. */
function entry(k: number): AuditEntry {
  const kinds: Partial<AuditEntry>[] = [
    { action: 'auth.login', targetType: null, targetId: null, details: null, userId: null, username: null, role: null },
    { action: 'records.saveDraft', targetType: 'record', targetId: `r-${k}`, details: { caseId: 'c1', revision: k, changed: ['plan', 'analysis'] } },
    { action: 'students.get', targetType: 'student', targetId: `s-${k % 7}`, details: { note: '引号 " 与反斜杠 \\ 与换行\n', ratio: 0.25, flag: true, none: null } },
    { action: 'appointments.create', targetType: 'appointment', targetId: `a-${k}`, details: { date: '2025-03-12', count: 1, seriesId: null }, outcome: 'denied' },
  ];
  return {
    at: T0 + k * 1000,
    userId: 'u1',
    username: 'wang',
    role: 'counselor',
    door: 'ipc',
    outcome: 'ok',
    ...kinds[k % kinds.length]!,
  } as AuditEntry;
}

function append(db: Database.Database, n: number): void {
  const from = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  db.transaction(() => {
    for (let k = from; k < from + n; k++) appendAudit(db, entry(k));
  })();
}

/** Hand edits, as someone holding the archive key could make them: the append-only triggers dropped first. */
function unguard(db: Database.Database): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
}

/** A row's own digest written back after an edit, so only its link (or nothing) is left broken. */
function rehash(db: Database.Database, seq: number): void {
  const r = db.prepare('SELECT seq, at, user_id, username, role, door, action, target_type, target_id, outcome, details, prev_hash FROM audit_log WHERE seq = ?').raw().get(seq) as unknown[];
  db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(createHash('sha256').update(JSON.stringify(r)).digest('hex'), seq);
}

const NOW = Date.UTC(2025, 2, 20, 2);

describe('the chain walk', () => {
  it('verifies rows written by appendAudit, digest for digest as the row-object walk computed them, across chunk boundaries', () => {
    const db = migrated();
    append(db, 9000);
    // The digest of every row recomputed here from the row as an object, in the order the chain has always used.
    const objects = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
    for (const r of objects) {
      const fields = [r.seq, r.at, r.user_id, r.username, r.role, r.door, r.action, r.target_type, r.target_id, r.outcome, r.details, r.prev_hash];
      expect(createHash('sha256').update(JSON.stringify(fields)).digest('hex')).toBe(r.hash);
    }
    expect(verifyAudit(db)).toEqual({ ok: true, rows: 9000, firstBroken: null });
  });

  it('names the first broken row past the first chunk, as content, link or position', () => {
    const db = migrated();
    append(db, 9000);
    unguard(db);
    db.prepare(`UPDATE audit_log SET action = 'students.list' WHERE seq = 8500`).run();
    db.prepare(`UPDATE audit_log SET target_id = 'other' WHERE seq = 5000`).run();
    expect(verifyAudit(db)).toEqual({ ok: false, rows: 5000, firstBroken: { seq: 5000, reason: 'hash' } });
    db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = 4200').run('f'.repeat(64));
    rehash(db, 4200);
    expect(verifyAudit(db).firstBroken).toEqual({ seq: 4200, reason: 'link' });
    db.prepare('DELETE FROM audit_log WHERE seq = 4096').run();
    expect(verifyAudit(db).firstBroken).toEqual({ seq: 4097, reason: 'sequence' });
    db.prepare('INSERT INTO audit_log SELECT 0, at, user_id, username, role, door, action, target_type, target_id, outcome, details, prev_hash, hash FROM audit_log WHERE seq = 1').run();
    expect(verifyAudit(db)).toEqual({ ok: false, rows: 1, firstBroken: { seq: 0, reason: 'sequence' } });
  });
});

describe('the checkpoint', () => {
  it('is set by a full walk, and the incremental check walks on from it and advances it', () => {
    const db = migrated();
    expect(readCheckpoint(db)).toBeNull();
    expect(verifySinceCheckpoint(db, NOW)).toEqual({ ok: true, rows: 0, firstBroken: null, fullWalkAt: NOW });
    append(db, 300);
    // The first check with a checkpoint at the empty chain walks every row once.
    expect(verifySinceCheckpoint(db, NOW + 1)).toEqual({ ok: true, rows: 300, firstBroken: null, fullWalkAt: NOW });
    const tail = db.prepare('SELECT seq, hash FROM audit_log WHERE seq = 300').get();
    expect(readCheckpoint(db)).toEqual({ ...(tail as object), verifiedAt: NOW + 1, fullWalk: false, fullWalkAt: NOW });

    expect(verifyAndCheckpoint(db, NOW + 2)).toEqual({ ok: true, rows: 300, firstBroken: null, fullWalkAt: NOW + 2 });
    expect(readCheckpoint(db)).toMatchObject({ seq: 300, verifiedAt: NOW + 2, fullWalk: true, fullWalkAt: NOW + 2 });
    append(db, 50);
    expect(verifySinceCheckpoint(db, NOW + 3)).toEqual({ ok: true, rows: 350, firstBroken: null, fullWalkAt: NOW + 2 });
    expect(readCheckpoint(db)).toMatchObject({ seq: 350, verifiedAt: NOW + 3, fullWalk: false, fullWalkAt: NOW + 2 });
  });

  it('walks only the rows after it: an unguarded edit before it, hashes untouched, passes until the full walk', () => {
    const db = migrated();
    append(db, 200);
    verifyAndCheckpoint(db, NOW);
    append(db, 20);
    unguard(db);
    // The trade-off the checkpoint makes (docs/ARCHITECTURE.md, the audit chain): only a full walk reads row 120 again.
    db.prepare(`UPDATE audit_log SET target_id = 'someone-else' WHERE seq = 120`).run();
    expect(verifySinceCheckpoint(db, NOW + 1)).toMatchObject({ ok: true, rows: 220 });
    expect(verifyAndCheckpoint(db, NOW + 2)).toMatchObject({ ok: false, firstBroken: { seq: 120, reason: 'hash' } });
    // The full walk's finding stands: the checkpoint is gone, so the next incremental check walks from the first row.
    expect(readCheckpoint(db)).toBeNull();
    expect(verifySinceCheckpoint(db, NOW + 3)).toMatchObject({ ok: false, firstBroken: { seq: 120, reason: 'hash' } });
  });

  it('catches a changed row and a broken link after it, and does not advance past them', () => {
    const db = migrated();
    append(db, 200);
    verifyAndCheckpoint(db, NOW);
    append(db, 30);
    unguard(db);
    db.prepare(`UPDATE audit_log SET details = NULL WHERE seq = 215`).run();
    expect(verifySinceCheckpoint(db, NOW + 1)).toEqual({ ok: false, rows: 215, firstBroken: { seq: 215, reason: 'hash' }, fullWalkAt: NOW });
    expect(readCheckpoint(db)).toMatchObject({ seq: 200, verifiedAt: NOW });
    db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = 205').run('e'.repeat(64));
    rehash(db, 205);
    expect(verifySinceCheckpoint(db, NOW + 2)).toMatchObject({ ok: false, firstBroken: { seq: 205, reason: 'link' } });
    expect(readCheckpoint(db)).toMatchObject({ seq: 200, verifiedAt: NOW });
  });

  it('catches a changed checkpoint row and names the first broken row as the full walk does', () => {
    const db = migrated();
    append(db, 200);
    verifyAndCheckpoint(db, NOW);
    append(db, 10);
    unguard(db);
    // Its hash overwritten: the row no longer matches its digest.
    db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 200').run('d'.repeat(64));
    expect(verifySinceCheckpoint(db, NOW + 1)).toMatchObject({ ok: false, rows: 200, firstBroken: { seq: 200, reason: 'hash' } });
    // Rewritten with a digest of its own: the next row's link no longer holds.
    db.prepare(`UPDATE audit_log SET action = 'students.list' WHERE seq = 200`).run();
    rehash(db, 200);
    expect(verifySinceCheckpoint(db, NOW + 2)).toMatchObject({ ok: false, rows: 201, firstBroken: { seq: 201, reason: 'link' } });
  });

  it('catches a deleted row before it (a gap in the numbering) and names the row after it', () => {
    const db = migrated();
    append(db, 200);
    verifyAndCheckpoint(db, NOW);
    append(db, 10);
    unguard(db);
    db.prepare('DELETE FROM audit_log WHERE seq = 57').run();
    expect(verifySinceCheckpoint(db, NOW + 1)).toMatchObject({ ok: false, firstBroken: { seq: 58, reason: 'sequence' } });
  });

  it('a checkpoint changed by itself (the log intact) is replaced after a full walk', () => {
    const db = migrated();
    append(db, 100);
    verifyAndCheckpoint(db, NOW);
    db.prepare('UPDATE audit_checkpoint SET hash = ?').run('0'.repeat(64));
    expect(verifySinceCheckpoint(db, NOW + 1)).toEqual({ ok: true, rows: 100, firstBroken: null, fullWalkAt: NOW + 1 });
    expect(readCheckpoint(db)).toMatchObject({ seq: 100, fullWalk: true, fullWalkAt: NOW + 1 });
  });
});

describe('through the dispatcher', () => {
  it('audit.verify sets the checkpoint; the checklist figure says when the last full walk was and names a broken row', async () => {
    s = await counselingSchool();
    await seedComplianceSchool(s.c, s.studentId);
    const principal = (await colleague(s.t, 'principal', 'lixiaozhang')).client;
    const { rawKeyHex } = await s.c.key.exportRaw({ recoveryKey: s.recoveryKey });
    const raw = openRaw(`${s.t.dataDir}/counselroom.db`, rawKeyHex);
    try {
      const verified = await principal.audit.verify({});
      expect(verified).toMatchObject({ ok: true, firstBroken: null });
      expect(readCheckpoint(raw)).toMatchObject({ seq: verified.rows, fullWalk: true });
      const run = await principal.compliance.start({ packId: 'national-2015' });
      const rec03 = run.items.find((i) => i.id === 'REC-03')!;
      // The test clock's school day; the figure carries counts and a date only, no student's id.
      expect(rec03.auto).toMatchObject({ status: 'pass', figure: { key: 'compliance.figure.storage', params: { fullWalk: '2025-03-12' } } });
      expect(Object.keys(rec03.auto!.figure.params).sort()).toEqual(['fullWalk', 'rows']);
      // compliance.start checked on from where audit.verify left it (nothing new: its own audit row comes after).
      expect(readCheckpoint(raw)).toMatchObject({ seq: verified.rows, fullWalk: false });

      await s.c.students.get({ id: s.studentId });
      const seq = (raw.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
      unguard(raw);
      raw.prepare(`UPDATE audit_log SET target_id = 'someone-else' WHERE seq = ?`).run(seq);
      const refreshed = await principal.compliance.refresh({ id: run.id });
      expect(refreshed.items.find((i) => i.id === 'REC-03')!.auto).toMatchObject({ status: 'fail', figure: { key: 'compliance.figure.auditBroken', params: { seq } } });
      expect(await principal.audit.verify({})).toMatchObject({ ok: false, firstBroken: { seq, reason: 'hash' } });
    } finally {
      raw.close();
    }
  });

  it('audit.list counts matching rows up to the cap and says when there are more', async () => {
    s = await counselingSchool();
    const { rawKeyHex } = await s.c.key.exportRaw({ recoveryKey: s.recoveryKey });
    const raw = openRaw(`${s.t.dataDir}/counselroom.db`, rawKeyHex);
    try {
      const few = await s.c.audit.list({ action: 'students.get' });
      expect(few).toMatchObject({ capped: false });
      expect(few.total).toBe(few.items.length);
      append(raw, AUDIT_COUNT_CAP);
      const all = await s.c.audit.list({ pageSize: 10 });
      expect(all).toMatchObject({ total: AUDIT_COUNT_CAP, capped: true });
      expect(all.items).toHaveLength(10);
      // entry() writes one row in four as students.get: 2,500 of them, counted exactly.
      const some = await s.c.audit.list({ action: 'students.get', pageSize: 1 });
      expect(some).toMatchObject({ total: few.total + AUDIT_COUNT_CAP / 4, capped: false });
    } finally {
      raw.close();
    }
  });
});
