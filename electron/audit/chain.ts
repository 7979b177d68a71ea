import { stmt } from '../db/statements';
import { hash } from 'node:crypto';
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

export interface StoredRow {
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

/** The row's digest: sha256 of the JSON array of its twelve stored fields in this order, the link included. */
export function rowHash(r: Omit<StoredRow, 'hash'>): string {
  return digest([r.seq, r.at, r.user_id, r.username, r.role, r.door, r.action, r.target_type, r.target_id, r.outcome, r.details, r.prev_hash]);
}

// crypto.hash, one call without a Hash object: about half the cost of createHash per row, which
// counts in a walk of 700,000 rows.
function digest(fields: unknown[]): string {
  return hash('sha256', JSON.stringify(fields), 'hex');
}

/** Appends one row; call inside the transaction of the change it records. */
export function appendAudit(db: Database, e: AuditEntry): number {
  const last = lastAuditRow(db);
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
  insertSealed(db, { ...row, hash: rowHash(row) });
  return row.seq;
}

/**
 * The newest row, through max(seq): one step down the primary key whatever the planner believes.
 * `ORDER BY seq DESC LIMIT 1` was planned from statistics, and with sqlite_stat1 taken when the
 * log was small it scanned the at index and sorted: 1.2-2 s per audited call at 700,000 rows.
 */
export function lastAuditRow(db: Database): ChainPoint | undefined {
  return stmt(db, 'SELECT seq, hash FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').get() as ChainPoint | undefined;
}

/** Writes a row whose link and digest are already computed (appendAudit, or a bulk import of history). */
export function insertSealed(db: Database, row: StoredRow): void {
  stmt(
    db,
    `INSERT INTO audit_log (seq, at, user_id, username, role, door, action, target_type, target_id, outcome, details, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @username, @role, @door, @action, @target_type, @target_id, @outcome, @details, @prev_hash, @hash)`,
  ).run(row);
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  firstBroken: { seq: number; reason: 'hash' | 'link' | 'sequence' } | null;
}

/** A row the chain is taken as sound up to: the walk goes on from the row after it. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/** Before the first row. */
export const CHAIN_START: ChainPoint = { seq: 0, hash: GENESIS };

/**
 * The stored fields in rowHash's order, then the stored hash. The walk reads rows as arrays of
 * these (`.raw()`): no object per row, and JSON.stringify of the first twelve values is byte for
 * byte the string rowHash digests, so chains written by appendAudit verify unchanged.
 */
const CHAIN_COLUMNS = 'seq, at, user_id, username, role, door, action, target_type, target_id, outcome, details, prev_hash, hash';
const SEQ = 0;
const PREV_HASH = 11;
/**
 * Rows fetched per statement: a seq range read through the primary key, so memory stays bounded
 * at any size. Small enough that a chunk's arrays die in the core's 4 MiB young generation: with
 * 4,096 rows (about 2.5 MB of arrays and strings) each chunk outlived a scavenge into the old
 * generation, and one walk of 705,000 rows grew the core by 46-180 MiB; with 256 by under 1 MiB,
 * and the walk is no slower (3.7 s against 3.9 s on the ten-year benchmark school).
 */
const CHUNK = 256;

export interface WalkResult extends VerifyResult {
  /** The last row the walk confirmed (`from` when there was none after it). */
  last: ChainPoint;
}

/**
 * Walks the rows after `from` in seq order, each checked for its position (seq one past the
 * previous), its link (prev_hash is the previous row's hash) and its content (the stored hash is
 * the digest of its fields); stops at the first row that fails one. `rows` counts every row up to
 * the last one looked at, those up to `from` included, as a walk from the first row would.
 */
export function walkChain(db: Database, from: ChainPoint): WalkResult {
  const chunk = stmt(db, `SELECT ${CHAIN_COLUMNS} FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq`).raw();
  const hi = (stmt(db, 'SELECT max(seq) AS n FROM audit_log').get() as { n: number | null }).n ?? 0;
  let prevHash = from.hash;
  let expectedSeq = from.seq + 1;
  let rows = from.seq;
  const broken = (seq: number, reason: 'hash' | 'link' | 'sequence'): WalkResult => ({ ok: false, rows, firstBroken: { seq, reason }, last: { seq: expectedSeq - 1, hash: prevHash } });
  for (let lo = from.seq; lo < hi; lo += CHUNK) {
    for (const r of chunk.all(lo, Math.min(lo + CHUNK, hi)) as unknown[][]) {
      rows++;
      const seq = r[SEQ] as number;
      if (seq !== expectedSeq) return broken(seq, 'sequence');
      if (r[PREV_HASH] !== prevHash) return broken(seq, 'link');
      // The stored hash comes off the end, leaving exactly the twelve fields rowHash digests.
      const stored = r.pop() as string;
      if (digest(r) !== stored) return broken(seq, 'hash');
      prevHash = stored;
      expectedSeq++;
    }
  }
  return { ok: true, rows, firstBroken: null, last: { seq: expectedSeq - 1, hash: prevHash } };
}

/**
 * The whole chain from its first row, with the last row it confirmed. A row numbered below 1
 * (only a hand edit makes one) comes first and is out of place.
 */
export function walkWholeChain(db: Database): WalkResult {
  const lowest = (stmt(db, 'SELECT min(seq) AS n FROM audit_log').get() as { n: number | null }).n;
  if (lowest !== null && lowest < 1) return { ok: false, rows: 1, firstBroken: { seq: lowest, reason: 'sequence' }, last: CHAIN_START };
  return walkChain(db, CHAIN_START);
}

/** Walks the whole chain in order and names the first row whose content, link or position is wrong. */
export function verifyAudit(db: Database): VerifyResult {
  const { ok, rows, firstBroken } = walkWholeChain(db);
  return { ok, rows, firstBroken };
}
