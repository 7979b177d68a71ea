-- 007: screening campaigns with their consent list, outcomes and triage; forms imported from a
-- spreadsheet or derived by rescoring; alerts handed over to a case (issue 5).

CREATE TABLE campaigns (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  -- [{ "scaleId": "phq9", "version": "1.0.0" }, …]: pinned when the campaign is created.
  scales_json TEXT NOT NULL,
  grades_json TEXT NOT NULL,
  classes_json TEXT NOT NULL DEFAULT '[]',
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL CHECK (end_date >= start_date),
  status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'closed')),
  rescreen_of TEXT REFERENCES campaigns (id),
  note        TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL REFERENCES users (id),
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE campaign_participants (
  campaign_id      TEXT NOT NULL REFERENCES campaigns (id),
  student_id       TEXT NOT NULL REFERENCES students (id),
  student_consent  TEXT NOT NULL DEFAULT 'pending' CHECK (student_consent IN ('pending', 'given', 'declined')),
  guardian_consent TEXT NOT NULL DEFAULT 'pending' CHECK (guardian_consent IN ('pending', 'given', 'declined')),
  outcome          TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'done', 'declined', 'absent')),
  note             TEXT NOT NULL DEFAULT '',
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, student_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX campaign_participants_student ON campaign_participants (student_id);

-- One entry per flagged student per campaign; the reasons are read from the campaign's forms and alerts.
CREATE TABLE triage_entries (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  student_id  TEXT NOT NULL REFERENCES students (id),
  priority    TEXT NOT NULL CHECK (priority IN ('critical', 'alert', 'flagged')),
  state       TEXT NOT NULL DEFAULT 'toReview' CHECK (state IN ('toReview', 'interviewed', 'noConcern', 'caseOpened', 'referred')),
  note        TEXT NOT NULL DEFAULT '',
  case_id     TEXT REFERENCES cases (id),
  flagged_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  updated_by  TEXT REFERENCES users (id),
  PRIMARY KEY (campaign_id, student_id),
  CHECK (state <> 'caseOpened' OR case_id IS NOT NULL)
) STRICT, WITHOUT ROWID;

ALTER TABLE alerts ADD COLUMN case_id TEXT REFERENCES cases (id);

-- forms gains the import mode, a campaign and a rescoring's origin. SQLite cannot alter a CHECK,
-- so the table is rebuilt; the triggers that name it are dropped first and recreated unchanged.
-- Foreign keys pointing at forms are checked at commit. The app migrates with foreign keys on, and
-- dropping a parent counts every answer and alert as orphaned: the rows are therefore held aside,
-- the table dropped and created under its own name, and the rows put back, which clears the count
-- (a rename of a new table would not, and the commit would fail on any archive with answers).
PRAGMA defer_foreign_keys = ON;
DROP TRIGGER form_answers_closed_no_insert;
DROP TRIGGER form_answers_closed_no_update;
DROP TRIGGER form_answers_closed_no_delete;

CREATE TEMP TABLE forms_v6 AS SELECT * FROM forms;
DROP TABLE forms;

CREATE TABLE forms (
  id               TEXT PRIMARY KEY,
  student_id       TEXT NOT NULL REFERENCES students (id),
  scale_id         TEXT NOT NULL,
  version          TEXT NOT NULL,
  definition_hash  TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('kiosk', 'paper', 'import')),
  status           TEXT NOT NULL CHECK (status IN ('inProgress', 'completed', 'voided')),
  date             TEXT NOT NULL,
  norm_profile_id  TEXT,
  administered_by  TEXT NOT NULL REFERENCES users (id),
  started_at       INTEGER NOT NULL,
  completed_at     INTEGER,
  void_reason      TEXT,
  result_json      TEXT,
  campaign_id      TEXT REFERENCES campaigns (id),
  derived_from     TEXT REFERENCES forms (id),
  CHECK ((status = 'completed') = (result_json IS NOT NULL) OR status = 'voided')
) STRICT;
INSERT INTO forms (id, student_id, scale_id, version, definition_hash, mode, status, date, norm_profile_id,
  administered_by, started_at, completed_at, void_reason, result_json)
SELECT id, student_id, scale_id, version, definition_hash, mode, status, date, norm_profile_id,
  administered_by, started_at, completed_at, void_reason, result_json FROM temp.forms_v6;
DROP TABLE temp.forms_v6;
CREATE INDEX forms_student ON forms (student_id, date, started_at);
CREATE INDEX forms_campaign ON forms (campaign_id, student_id) WHERE campaign_id IS NOT NULL;

CREATE TRIGGER forms_closed_no_update BEFORE UPDATE ON forms
WHEN OLD.status = 'voided'
  OR (OLD.status = 'completed' AND NOT (NEW.status = 'voided' AND NEW.result_json IS OLD.result_json
      AND NEW.definition_hash IS OLD.definition_hash AND NEW.completed_at IS OLD.completed_at
      AND NEW.norm_profile_id IS OLD.norm_profile_id AND NEW.student_id IS OLD.student_id
      AND NEW.scale_id IS OLD.scale_id AND NEW.version IS OLD.version AND NEW.date IS OLD.date
      AND NEW.campaign_id IS OLD.campaign_id AND NEW.derived_from IS OLD.derived_from AND NEW.mode IS OLD.mode))
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;
CREATE TRIGGER forms_closed_no_delete BEFORE DELETE ON forms WHEN OLD.status <> 'inProgress'
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;

CREATE TRIGGER form_answers_closed_no_insert BEFORE INSERT ON form_answers
WHEN (SELECT status FROM forms WHERE id = NEW.form_id) <> 'inProgress'
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;
CREATE TRIGGER form_answers_closed_no_update BEFORE UPDATE ON form_answers
WHEN (SELECT status FROM forms WHERE id = OLD.form_id) <> 'inProgress'
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;
CREATE TRIGGER form_answers_closed_no_delete BEFORE DELETE ON form_answers
WHEN (SELECT status FROM forms WHERE id = OLD.form_id) <> 'inProgress'
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;
