-- 004: the counseling-room schedule. Rooms by the guide's zones, the school calendar (terms,
-- holidays, 调休 make-up workdays, bell schedule), recurring opening slots with the person on
-- duty and their exceptions, appointments (series share a series_id; every occurrence is its own
-- row, so moving one never moves the others) and the waitlist. Dates are school-local
-- 'YYYY-MM-DD'; times of day are minutes since midnight, so overlap checks are integer compares.

CREATE TABLE rooms (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  zone_type   TEXT NOT NULL CHECK (zone_type IN ('individual', 'group', 'office', 'assessment', 'relaxation', 'selfHelp', 'sandplay', 'other')),
  -- Hundredths of a square metre: exact, so 15.00 m² is never 14.999….
  area_centi_m2 INTEGER NOT NULL CHECK (area_centi_m2 > 0),
  capacity    INTEGER NOT NULL CHECK (capacity > 0),
  notes       TEXT NOT NULL DEFAULT '',
  active      INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX rooms_name ON rooms (name);

CREATE TABLE terms (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date   TEXT NOT NULL,
  CHECK (end_date >= start_date)
) STRICT;

CREATE TABLE special_days (
  date            TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('holiday', 'makeupWorkday')),
  follows_weekday INTEGER CHECK (follows_weekday BETWEEN 1 AND 5),
  name            TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'makeupWorkday') = (follows_weekday IS NOT NULL))
) STRICT, WITHOUT ROWID;

CREATE TABLE class_periods (
  weekday   INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  end_min   INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
  label     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (weekday, start_min),
  CHECK (end_min > start_min)
) STRICT, WITHOUT ROWID;

CREATE TABLE opening_slots (
  id          TEXT PRIMARY KEY,
  room_id     TEXT NOT NULL REFERENCES rooms (id),
  rrule       TEXT NOT NULL,
  valid_from  TEXT NOT NULL,
  valid_until TEXT,
  start_min   INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  end_min     INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
  duty_name   TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (end_min > start_min),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
) STRICT;
CREATE INDEX opening_slots_room ON opening_slots (room_id);

CREATE TABLE opening_exceptions (
  id         TEXT PRIMARY KEY,
  room_id    TEXT NOT NULL REFERENCES rooms (id),
  date       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('closed', 'extra')),
  slot_id    TEXT REFERENCES opening_slots (id),
  start_min  INTEGER,
  end_min    INTEGER,
  duty_name  TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  CHECK ((kind = 'extra') = (start_min IS NOT NULL AND end_min IS NOT NULL)),
  CHECK (kind = 'closed' OR slot_id IS NULL),
  CHECK (start_min IS NULL OR end_min > start_min)
) STRICT;
CREATE INDEX opening_exceptions_room_date ON opening_exceptions (room_id, date);

CREATE TABLE appointments (
  id                 TEXT PRIMARY KEY,
  series_id          TEXT,
  client_kind        TEXT NOT NULL CHECK (client_kind IN ('student', 'staff', 'parent', 'group')),
  student_id         TEXT REFERENCES students (id),
  client_label       TEXT NOT NULL DEFAULT '',
  counselor_id       TEXT NOT NULL REFERENCES users (id),
  room_id            TEXT REFERENCES rooms (id),
  date               TEXT NOT NULL,
  start_min          INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  end_min            INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
  kind               TEXT NOT NULL CHECK (kind IN ('individual', 'group', 'assessment', 'parentMeeting', 'other')),
  source             TEXT NOT NULL CHECK (source IN ('walkIn', 'selfReferral', 'mailbox', 'teacherReferral', 'screening', 'crisis')),
  status             TEXT NOT NULL CHECK (status IN ('requested', 'confirmed', 'completed', 'noShow', 'cancelled')),
  cancel_reason      TEXT,
  notes              TEXT NOT NULL DEFAULT '',
  outside_opening    INTEGER NOT NULL CHECK (outside_opening IN (0, 1)),
  created_by         TEXT NOT NULL REFERENCES users (id),
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  CHECK (end_min > start_min),
  CHECK ((client_kind = 'student') = (student_id IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
) STRICT;
-- Conflict checks look up one date by room, counselor or student among the live bookings.
CREATE INDEX appointments_room_date ON appointments (room_id, date, start_min) WHERE status IN ('requested', 'confirmed', 'completed');
CREATE INDEX appointments_counselor_date ON appointments (counselor_id, date, start_min) WHERE status IN ('requested', 'confirmed', 'completed');
CREATE INDEX appointments_student_date ON appointments (student_id, date, start_min) WHERE status IN ('requested', 'confirmed', 'completed');
CREATE INDEX appointments_date ON appointments (date, start_min);
CREATE INDEX appointments_series ON appointments (series_id, date) WHERE series_id IS NOT NULL;

CREATE TABLE waitlist (
  id           TEXT PRIMARY KEY,
  client_kind  TEXT NOT NULL CHECK (client_kind IN ('student', 'staff', 'parent', 'group')),
  student_id   TEXT REFERENCES students (id),
  client_label TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL CHECK (source IN ('walkIn', 'selfReferral', 'mailbox', 'teacherReferral', 'screening', 'crisis')),
  preference   TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  added_by     TEXT NOT NULL REFERENCES users (id),
  added_at     INTEGER NOT NULL,
  -- Left the list: booked (with the appointment) or removed.
  closed_at    INTEGER,
  appointment_id TEXT REFERENCES appointments (id),
  CHECK ((client_kind = 'student') = (student_id IS NOT NULL))
) STRICT;
CREATE INDEX waitlist_open ON waitlist (added_at) WHERE closed_at IS NULL;
