import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from '../db/statements';
import { CHAIN_START, walkChain, walkWholeChain, type ChainPoint, type VerifyResult } from './chain';

/**
 * The audit chain's verified checkpoint (migration 021): the last row a verification reached, so
 * the checklist's "audit log intact" figure, read on every compliance.start and .refresh, walks
 * only the rows written since instead of the whole log (~700,000 rows at ten years in the
 * benchmark's estimate: 4-8 s a walk on a two-core machine, docs/PERFORMANCE.md).
 *
 * What that gives up: rows before the checkpoint are taken as verified. The incremental check
 * confirms the checkpoint's row still carries the hash it had and that no row is missing (as many
 * rows as the highest seq), so a deleted row, a changed checkpoint row, or any break after it is
 * still found; but an edit to an earlier row that leaves the stored hashes as they were (its
 * fields rewritten with the archive key, the hash column untouched) is noticed only by a full
 * walk. audit.verify (the 审计 screen's 核验完整性) stays a full walk, and the checklist figure says
 * when the last one was.
 */

export interface Checkpoint extends ChainPoint {
  verifiedAt: number;
  /** Whether the verification that set it walked the chain from its first row. */
  fullWalk: boolean;
  /** When the chain was last walked from its first row, null if never since the checkpoint began. */
  fullWalkAt: number | null;
}

interface Stored {
  seq: number;
  hash: string;
  verified_at: number;
  full_walk: number;
  full_walk_at: number | null;
}

export function readCheckpoint(db: Database): Checkpoint | null {
  const r = stmt(db, 'SELECT seq, hash, verified_at, full_walk, full_walk_at FROM audit_checkpoint WHERE id = 1').get() as Stored | undefined;
  return r ? { seq: r.seq, hash: r.hash, verifiedAt: r.verified_at, fullWalk: r.full_walk === 1, fullWalkAt: r.full_walk_at } : null;
}

function saveCheckpoint(db: Database, c: Checkpoint): void {
  stmt(
    db,
    `INSERT INTO audit_checkpoint (id, seq, hash, verified_at, full_walk, full_walk_at) VALUES (1, @seq, @hash, @verifiedAt, @fullWalk, @fullWalkAt)
     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, verified_at = excluded.verified_at, full_walk = excluded.full_walk, full_walk_at = excluded.full_walk_at`,
  ).run({ ...c, fullWalk: c.fullWalk ? 1 : 0 });
}

export interface CheckedChain extends VerifyResult {
  /** When the chain was last walked from its first row (this call included), null if never. */
  fullWalkAt: number | null;
}

/**
 * The whole chain walked (audit.verify). Intact, it becomes the checkpoint; broken, the
 * checkpoint goes, so the next incremental check walks from the first row and finds the break too.
 */
export function verifyAndCheckpoint(db: Database, now: number): CheckedChain {
  const { last, ...v } = walkWholeChain(db);
  if (v.ok) saveCheckpoint(db, { ...last, verifiedAt: now, fullWalk: true, fullWalkAt: now });
  else stmt(db, 'DELETE FROM audit_checkpoint').run();
  return { ...v, fullWalkAt: now };
}

/**
 * The checklist's verification: from the checkpoint on, after checking that it still holds.
 * Without one, or when the rows before it are in doubt (the checkpoint's row changed or gone, a
 * row missing, a row numbered below 1), the whole chain is walked, which names the first broken
 * row as audit.verify does. An intact chain moves the checkpoint to its last row.
 */
export function verifySinceCheckpoint(db: Database, now: number): CheckedChain {
  const cp = readCheckpoint(db);
  if (!cp || !prefixHolds(db, cp)) return verifyAndCheckpoint(db, now);
  const { last, ...v } = walkChain(db, cp);
  if (v.ok) saveCheckpoint(db, { ...last, verifiedAt: now, fullWalk: false, fullWalkAt: cp.fullWalkAt });
  return { ...v, fullWalkAt: cp.fullWalkAt };
}

/** The checkpoint's row as it was, and seqs 1…max with none missing: count(*) reads one index, not the rows. */
function prefixHolds(db: Database, cp: Checkpoint): boolean {
  const anchor = cp.seq === CHAIN_START.seq ? CHAIN_START.hash : (stmt(db, 'SELECT hash FROM audit_log WHERE seq = ?').pluck().get(cp.seq) as string | undefined);
  if (anchor !== cp.hash) return false;
  const count = stmt(db, 'SELECT count(*) FROM audit_log').pluck().get() as number;
  const lowest = stmt(db, 'SELECT min(seq) FROM audit_log').pluck().get() as number | null;
  const highest = stmt(db, 'SELECT max(seq) FROM audit_log').pluck().get() as number | null;
  return count === 0 || (lowest === 1 && highest === count);
}
