-- 012: the room-compliance checklist. A run is a snapshot: the pack it used (its JSON as it was),
-- each item's automatic figure and attestation, evidence files (kept here, inside the encrypted
-- archive, never at a path), the score and the principal's sign-off. A signed run no longer changes.

-- Rule packs brought in from a file; the built-in ones ship with the app and are not stored.
CREATE TABLE compliance_packs (
  id          TEXT NOT NULL,
  version     TEXT NOT NULL,
  pack_json   TEXT NOT NULL,
  imported_by TEXT NOT NULL REFERENCES users (id),
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE compliance_runs (
  id             TEXT PRIMARY KEY,
  pack_id        TEXT NOT NULL,
  pack_version   TEXT NOT NULL,
  pack_json      TEXT NOT NULL,
  -- The school date the figures were read for, and the term they came from.
  as_of          TEXT NOT NULL,
  term_name      TEXT,
  status         TEXT NOT NULL CHECK (status IN ('open', 'signed')),
  started_by     TEXT NOT NULL REFERENCES users (id),
  started_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  score_percent  REAL,
  score_earned   REAL,
  score_possible REAL,
  grade_zh       TEXT,
  grade_en       TEXT,
  signed_by      TEXT REFERENCES users (id),
  signer_name    TEXT,
  signed_on      TEXT,
  signed_at      INTEGER,
  CHECK ((status = 'signed') = (signed_at IS NOT NULL))
) STRICT;
CREATE INDEX compliance_runs_pack ON compliance_runs (pack_id, started_at);
-- At most one run of a pack in progress: starting again resumes it.
CREATE UNIQUE INDEX compliance_runs_open ON compliance_runs (pack_id) WHERE status = 'open';

CREATE TRIGGER compliance_runs_signed_no_update BEFORE UPDATE ON compliance_runs WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed compliance run is read-only'); END;
CREATE TRIGGER compliance_runs_no_delete BEFORE DELETE ON compliance_runs
BEGIN SELECT RAISE(ABORT, 'compliance runs are kept'); END;

CREATE TABLE compliance_results (
  run_id      TEXT NOT NULL REFERENCES compliance_runs (id),
  item_id     TEXT NOT NULL,
  -- The automatic metric's verdict, its figure (an i18n key and numbers) and where it came from.
  auto_status TEXT CHECK (auto_status IN ('pass', 'partial', 'fail', 'manual')),
  figure_json TEXT,
  source      TEXT,
  attestation TEXT CHECK (attestation IN ('compliant', 'partly', 'notCompliant', 'notApplicable')),
  level       INTEGER,
  reason      TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  attested_by TEXT REFERENCES users (id),
  attested_at INTEGER,
  PRIMARY KEY (run_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER compliance_results_signed_no_update BEFORE UPDATE ON compliance_results
WHEN (SELECT status FROM compliance_runs WHERE id = OLD.run_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed compliance run is read-only'); END;

CREATE TABLE compliance_evidence (
  id         TEXT PRIMARY KEY,
  run_id     TEXT NOT NULL REFERENCES compliance_runs (id),
  item_id    TEXT NOT NULL,
  file_name  TEXT NOT NULL,
  mime       TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'application/pdf')),
  size       INTEGER NOT NULL CHECK (size > 0),
  data       BLOB NOT NULL,
  added_by   TEXT NOT NULL REFERENCES users (id),
  added_at   INTEGER NOT NULL,
  removed_at INTEGER
) STRICT;
CREATE INDEX compliance_evidence_item ON compliance_evidence (run_id, item_id) WHERE removed_at IS NULL;

CREATE TRIGGER compliance_evidence_signed_no_change BEFORE UPDATE ON compliance_evidence
WHEN (SELECT status FROM compliance_runs WHERE id = OLD.run_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed compliance run is read-only'); END;

-- 整改: a task follows an item of a pack across runs; the next run shows whether it got fixed.
CREATE TABLE compliance_tasks (
  id          TEXT PRIMARY KEY,
  pack_id     TEXT NOT NULL,
  item_id     TEXT NOT NULL,
  from_run_id TEXT NOT NULL REFERENCES compliance_runs (id),
  title       TEXT NOT NULL,
  owner       TEXT NOT NULL,
  due_date    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'inProgress', 'done')),
  created_by  TEXT NOT NULL REFERENCES users (id),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX compliance_tasks_item ON compliance_tasks (pack_id, item_id);
