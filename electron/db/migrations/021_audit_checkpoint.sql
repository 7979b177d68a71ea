-- 021: the audit chain's verified checkpoint (electron/audit/checkpoint.ts). The checklist's figure
-- "audit log intact" walks only the rows after it instead of the whole chain, which at ten years
-- holds hundreds of thousands of rows. One row: the last row a verification reached (seq, and its
-- hash as it was then), when that was, whether it was a full walk from the first row, and when the
-- last full walk was (the checklist shows it: an edit to a row before the checkpoint that leaves
-- the stored hashes untouched is noticed only by a full walk, audit.verify).
CREATE TABLE audit_checkpoint (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  seq          INTEGER NOT NULL CHECK (seq >= 0),
  hash         TEXT NOT NULL,
  verified_at  INTEGER NOT NULL,
  full_walk    INTEGER NOT NULL CHECK (full_walk IN (0, 1)),
  full_walk_at INTEGER
) STRICT;
