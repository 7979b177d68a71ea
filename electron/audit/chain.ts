import { stmt } from '../db/statements';
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface AuditEntry {
  at: number;
  userId: string | null;
  username: string | null;
  role: string | null;
  door: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** Ids, counts and field names only: never a name or clinical text. */
  details: Record<string, unknown> | null;
}

interface StoredRow {
  seq: number;
  at: number;
  user_id: string | null;
  username: string | null;
  role: string | null;
  door: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  details: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

function rowHash(r: Omit<StoredRow, 'hash'>): string {
  const fields = [r.seq, r.at, r.user_id, r.username, r.role, r.door, r.action, r.target_type, r.target_id, r.outcome, r.details, r.prev_hash];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Appends one row; call inside the transaction of the change it records. */
export function appendAudit(db: Database, e: AuditEntry): number {
  const last = stmt(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row: Omit<StoredRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: e.at,
    user_id: e.userId,
    username: e.username,
    role: e.role,
    door: e.door,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    outcome: e.outcome,
    details: e.details === null ? null : JSON.stringify(e.details),
    prev_hash: last?.hash ?? GENESIS,
  };
  stmt(
    db,
    `INSERT INTO audit_log (seq, at, user_id, username, role, door, action, target_type, target_id, outcome, details, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @username, @role, @door, @action, @target_type, @target_id, @outcome, @details, @prev_hash, @hash)`,
  ).run({ ...row, hash: rowHash(row) });
  return row.seq;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  firstBroken: { seq: number; reason: 'hash' | 'link' | 'sequence' } | null;
}

/** Walks the chain in order and names the first row whose content, link or position is wrong. */
export function verifyAudit(db: Database): VerifyResult {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  for (const r of stmt(db, 'SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<StoredRow>) {
    rows++;
    if (r.seq !== expectedSeq) return { ok: false, rows, firstBroken: { seq: r.seq, reason: 'sequence' } };
    if (r.prev_hash !== prevHash) return { ok: false, rows, firstBroken: { seq: r.seq, reason: 'link' } };
    const { hash, ...rest } = r;
    if (rowHash(rest) !== hash) return { ok: false, rows, firstBroken: { seq: r.seq, reason: 'hash' } };
    prevHash = hash;
    expectedSeq++;
  }
  return { ok: true, rows, firstBroken: null };
}
