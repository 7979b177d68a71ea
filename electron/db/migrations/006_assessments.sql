-- 006: the assessment archive. Imported scale definitions (built-ins ship with the app and are not
-- stored), forms with each answer saved as it is given, immutable results, and the alerts answers
-- raise (docs/ARCHITECTURE.md; issue 5).

-- A new version is a new row: results keep pointing at the definition that scored them.
CREATE TABLE scale_definitions (
  id          TEXT NOT NULL,
  version     TEXT NOT NULL,
  json        TEXT NOT NULL,
  hash        TEXT NOT NULL,
  built_in    INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (id, version)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER scale_definitions_no_update BEFORE UPDATE ON scale_definitions
BEGIN SELECT RAISE(ABORT, 'scale definitions are immutable'); END;

CREATE TABLE forms (
  id               TEXT PRIMARY KEY,
  student_id       TEXT NOT NULL REFERENCES students (id),
  scale_id         TEXT NOT NULL,
  version          TEXT NOT NULL,
  definition_hash  TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('kiosk', 'paper')),
  status           TEXT NOT NULL CHECK (status IN ('inProgress', 'completed', 'voided')),
  date             TEXT NOT NULL,
  norm_profile_id  TEXT,
  administered_by  TEXT NOT NULL REFERENCES users (id),
  started_at       INTEGER NOT NULL,
  completed_at     INTEGER,
  void_reason      TEXT,
  result_json      TEXT,
  CHECK ((status = 'completed') = (result_json IS NOT NULL) OR status = 'voided')
) STRICT;
CREATE INDEX forms_student ON forms (student_id, date, started_at);

-- A completed result never changes: it may only be voided (keeping the result), and a voided form
-- is final. Enforced below the application too, like signed session records.
CREATE TRIGGER forms_closed_no_update BEFORE UPDATE ON forms
WHEN OLD.status = 'voided'
  OR (OLD.status = 'completed' AND NOT (NEW.status = 'voided' AND NEW.result_json IS OLD.result_json
      AND NEW.definition_hash IS OLD.definition_hash AND NEW.completed_at IS OLD.completed_at
      AND NEW.norm_profile_id IS OLD.norm_profile_id AND NEW.student_id IS OLD.student_id
      AND NEW.scale_id IS OLD.scale_id AND NEW.version IS OLD.version AND NEW.date IS OLD.date))
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;
CREATE TRIGGER forms_closed_no_delete BEFORE DELETE ON forms WHEN OLD.status <> 'inProgress'
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;

-- One row per answered item, written on the tap or keystroke, so a crash loses nothing.
CREATE TABLE form_answers (
  form_id     TEXT NOT NULL REFERENCES forms (id),
  item_id     TEXT NOT NULL,
  code        TEXT NOT NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (form_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER form_answers_closed_no_insert BEFORE INSERT ON form_answers
WHEN (SELECT status FROM forms WHERE id = NEW.form_id) <> 'inProgress'
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;
CREATE TRIGGER form_answers_closed_no_update BEFORE UPDATE ON form_answers
WHEN (SELECT status FROM forms WHERE id = OLD.form_id) <> 'inProgress'
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;
CREATE TRIGGER form_answers_closed_no_delete BEFORE DELETE ON form_answers
WHEN (SELECT status FROM forms WHERE id = OLD.form_id) <> 'inProgress'
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;

-- Each alert is a task until acknowledged, once; an alert id fires at most once per form.
CREATE TABLE alerts (
  id              TEXT PRIMARY KEY,
  form_id         TEXT NOT NULL REFERENCES forms (id),
  student_id      TEXT NOT NULL REFERENCES students (id),
  scale_id        TEXT NOT NULL,
  alert_id        TEXT NOT NULL,
  severity        TEXT NOT NULL CHECK (severity IN ('critical', 'urgent', 'followup')),
  items_json      TEXT NOT NULL DEFAULT '[]',
  raised_at       INTEGER NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT REFERENCES users (id),
  action          TEXT,
  note            TEXT NOT NULL DEFAULT '',
  UNIQUE (form_id, alert_id)
) STRICT;
CREATE INDEX alerts_open ON alerts (raised_at) WHERE acknowledged_at IS NULL;
CREATE TRIGGER alerts_acknowledged_no_update BEFORE UPDATE ON alerts WHEN OLD.acknowledged_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'acknowledged alerts are read-only'); END;
CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts
BEGIN SELECT RAISE(ABORT, 'alerts are kept'); END;
