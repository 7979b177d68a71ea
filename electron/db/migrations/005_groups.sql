-- 005: group work and the staff-training register. A named program keeps members (with join and
-- leave dates) and per-session attendance; an unnamed one (a class/grade lecture, a parent
-- lecture) keeps only a headcount and the audience grades per session, never roster rows.

CREATE TABLE group_programs (
  id               TEXT PRIMARY KEY,
  theme            TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('groupCounseling', 'training', 'rolePlay', 'lecture', 'psychClass', 'parentLecture', 'staffTraining', 'other')),
  target_kind      TEXT NOT NULL CHECK (target_kind IN ('grade', 'class', 'students', 'parents', 'staff')),
  -- JSON arrays: [8, 9] and [{"grade":8,"className":"3班"}].
  target_grades    TEXT NOT NULL DEFAULT '[]',
  target_classes   TEXT NOT NULL DEFAULT '[]',
  named            INTEGER NOT NULL CHECK (named IN (0, 1)),
  planned_sessions INTEGER NOT NULL CHECK (planned_sessions > 0),
  goals            TEXT NOT NULL DEFAULT '',
  start_date       TEXT NOT NULL,
  end_date         TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('planned', 'running', 'finished', 'cancelled')),
  created_by       TEXT NOT NULL REFERENCES users (id),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  deleted_at       INTEGER,
  deleted_reason   TEXT,
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX group_programs_dates ON group_programs (start_date, end_date) WHERE deleted_at IS NULL;

-- position keeps the order given: the first leader holds the room booking and signs the archive entry.
CREATE TABLE group_leaders (
  program_id TEXT NOT NULL REFERENCES group_programs (id),
  user_id    TEXT NOT NULL REFERENCES users (id),
  position   INTEGER NOT NULL CHECK (position >= 0),
  PRIMARY KEY (program_id, user_id)
) STRICT, WITHOUT ROWID;

-- A student may leave and rejoin: one row per membership spell.
CREATE TABLE group_members (
  program_id TEXT NOT NULL REFERENCES group_programs (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  joined_on  TEXT NOT NULL,
  left_on    TEXT,
  PRIMARY KEY (program_id, student_id, joined_on),
  CHECK (left_on IS NULL OR left_on >= joined_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_members_student ON group_members (student_id);

CREATE TABLE group_sessions (
  id              TEXT PRIMARY KEY,
  program_id      TEXT NOT NULL REFERENCES group_programs (id),
  date            TEXT NOT NULL,
  start_min       INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  end_min         INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
  room_id         TEXT REFERENCES rooms (id),
  appointment_id  TEXT REFERENCES appointments (id),
  content         TEXT NOT NULL DEFAULT '',
  observations    TEXT NOT NULL DEFAULT '',
  outcome         TEXT NOT NULL DEFAULT '',
  headcount       INTEGER CHECK (headcount BETWEEN 0 AND 5000),
  audience_grades TEXT NOT NULL DEFAULT '[]',
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  -- A session recorded by mistake is removed softly: its attendance rows stay, out of every view.
  deleted_at      INTEGER,
  deleted_reason  TEXT,
  CHECK (end_min > start_min)
) STRICT;
CREATE INDEX group_sessions_program ON group_sessions (program_id, date, start_min, id) WHERE deleted_at IS NULL;
CREATE INDEX group_sessions_date ON group_sessions (date) WHERE deleted_at IS NULL;

CREATE TABLE group_attendance (
  session_id TEXT NOT NULL REFERENCES group_sessions (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  status     TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, student_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_attendance_student ON group_attendance (student_id);

CREATE TABLE staff (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  role             TEXT NOT NULL CHECK (role IN ('counselingTeacher', 'homeroomTeacher', 'teacher', 'leader', 'other')),
  employment       TEXT CHECK (employment IN ('fullTime', 'partTime')),
  degree           TEXT CHECK (degree IN ('none', 'associate', 'bachelor', 'master', 'doctor')),
  psychology_major INTEGER NOT NULL CHECK (psychology_major IN (0, 1)),
  qualification    TEXT NOT NULL DEFAULT '',
  active           INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  CHECK (employment IS NULL OR role = 'counselingTeacher')
) STRICT;

CREATE TABLE training_events (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  scope          TEXT NOT NULL CHECK (scope IN ('internal', 'external')),
  tier           TEXT NOT NULL CHECK (tier IN ('counselingTeachers', 'homeroomTeachers', 'allTeachers')),
  start_date     TEXT NOT NULL,
  end_date       TEXT NOT NULL,
  -- Tenths of an hour: exact sums for the yearly totals.
  hours_tenths   INTEGER NOT NULL CHECK (hours_tenths BETWEEN 5 AND 2000),
  provider       TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  deleted_at     INTEGER,
  deleted_reason TEXT,
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX training_events_start ON training_events (start_date) WHERE deleted_at IS NULL;

CREATE TABLE training_attendees (
  event_id TEXT NOT NULL REFERENCES training_events (id),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  PRIMARY KEY (event_id, staff_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX training_attendees_staff ON training_attendees (staff_id);
