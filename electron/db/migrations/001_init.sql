-- 001: settings, staff accounts, the student roster and the hash-chained audit log.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id                     TEXT PRIMARY KEY,
  username               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name           TEXT NOT NULL,
  role                   TEXT NOT NULL CHECK (role IN ('counselor', 'principal', 'district')),
  disabled               INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  must_change_passphrase INTEGER NOT NULL DEFAULT 0 CHECK (must_change_passphrase IN (0, 1)),
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL
) STRICT;

CREATE TABLE students (
  id              TEXT PRIMARY KEY,
  student_no      TEXT NOT NULL,
  name            TEXT NOT NULL,
  name_pinyin     TEXT NOT NULL,
  name_initials   TEXT NOT NULL,
  sex             TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  birth_date      TEXT,
  grade           INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  class_name      TEXT NOT NULL,
  enrollment_year INTEGER,
  status          TEXT NOT NULL CHECK (status IN ('active', 'graduated', 'transferred', 'suspended')),
  notes           TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  deleted_at      INTEGER,
  deleted_reason  TEXT
) STRICT;
CREATE UNIQUE INDEX students_student_no ON students (student_no) WHERE deleted_at IS NULL;
CREATE INDEX students_pinyin ON students (name_pinyin, name) WHERE deleted_at IS NULL;
CREATE INDEX students_grade_class ON students (grade, class_name) WHERE deleted_at IS NULL;

CREATE TABLE guardians (
  id         TEXT PRIMARY KEY,
  student_id TEXT NOT NULL REFERENCES students (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  relation   TEXT NOT NULL,
  phone      TEXT NOT NULL
) STRICT;
CREATE INDEX guardians_student ON guardians (student_id, position);

-- Append-only: each row carries the previous row's hash and its own.
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  user_id     TEXT,
  username    TEXT,
  role        TEXT,
  door        TEXT,
  action      TEXT NOT NULL,
  target_type TEXT,
  target_id   TEXT,
  outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
  details     TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
