-- 008: alert handling in the student's archive (issue 20): the school day an alert was handled
-- (the archive's timeline pages by date), every "handle later" a counselor chose, and handling
-- notes in the notes search.

-- The read-only trigger would refuse the backfill of already handled alerts, so it steps aside
-- for this one statement and comes back unchanged.
DROP TRIGGER alerts_acknowledged_no_update;
ALTER TABLE alerts ADD COLUMN acknowledged_on TEXT;
-- Alerts handled before this migration: every school these archives belong to keeps China
-- Standard Time (UTC+8, no daylight saving), so the day is exact; the service writes the school
-- date itself from now on.
UPDATE alerts SET acknowledged_on = date(acknowledged_at / 1000, 'unixepoch', '+8 hours') WHERE acknowledged_at IS NOT NULL;
CREATE TRIGGER alerts_acknowledged_no_update BEFORE UPDATE ON alerts WHEN OLD.acknowledged_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'acknowledged alerts are read-only'); END;
CREATE INDEX alerts_student ON alerts (student_id, raised_at);

-- "Later": leaving or finishing a form with an unhandled alert. The alert stays open; each choice
-- is kept, who and when, and never deleted.
CREATE TABLE alert_deferrals (
  id          TEXT PRIMARY KEY,
  alert_id    TEXT NOT NULL REFERENCES alerts (id),
  deferred_by TEXT NOT NULL REFERENCES users (id),
  deferred_at INTEGER NOT NULL,
  context     TEXT NOT NULL CHECK (context IN ('kiosk', 'paper', 'form'))
) STRICT;
CREATE INDEX alert_deferrals_alert ON alert_deferrals (alert_id, deferred_at);
CREATE TRIGGER alert_deferrals_no_update BEFORE UPDATE ON alert_deferrals
BEGIN SELECT RAISE(ABORT, 'deferrals are kept as written'); END;
CREATE TRIGGER alert_deferrals_no_delete BEFORE DELETE ON alert_deferrals
BEGIN SELECT RAISE(ABORT, 'deferrals are kept'); END;

-- The notes index learns a fourth source, the alert-handling note. note_index has no dependants
-- (notes_fts is keyed by its doc numbers, which are copied as they are).
CREATE TABLE note_index_new (
  doc         INTEGER PRIMARY KEY,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('record', 'addendum', 'contact', 'alert')),
  source_id   TEXT NOT NULL,
  note_date   TEXT NOT NULL,
  UNIQUE (source_kind, source_id)
) STRICT;
INSERT INTO note_index_new (doc, source_kind, source_id, note_date) SELECT doc, source_kind, source_id, note_date FROM note_index;
DROP TABLE note_index;
ALTER TABLE note_index_new RENAME TO note_index;
