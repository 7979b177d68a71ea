-- 019: one list of where a client came from (来源) for cases, appointments and the waitlist
-- (shared/api/sources.ts): walkIn, selfReferral, mailbox, teacherReferral, guardianReferral,
-- screening, crisis, other. SQLite cannot alter a CHECK, so the three tables are rebuilt as 007
-- rebuilt forms: foreign keys pointing at them are checked at commit, each table's rows (with their
-- rowids) are held aside, the table is dropped and created under its own name, and the rows are put
-- back, which clears the count of children a drop leaves orphaned. None of the three has a trigger;
-- their indexes are recreated unchanged.
PRAGMA defer_foreign_keys = ON;

-- Appointments and the waitlist already used the list's first values: their rows go back as they were.
CREATE TEMP TABLE appointments_v18 AS SELECT rowid AS row_id, * FROM appointments;
DROP TABLE appointments;
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
  source             TEXT NOT NULL CHECK (source IN ('walkIn', 'selfReferral', 'mailbox', 'teacherReferral', 'guardianReferral', 'screening', 'crisis', 'other')),
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
INSERT INTO appointments (rowid, id, series_id, client_kind, student_id, client_label, counselor_id, room_id, date, start_min, end_min,
  kind, source, status, cancel_reason, notes, outside_opening, created_by, created_at, updated_at)
SELECT row_id, id, series_id, client_kind, student_id, client_label, counselor_id, room_id, date, start_min, end_min,
  kind, source, status, cancel_reason, notes, outside_opening, created_by, created_at, updated_at
FROM temp.appointments_v18 ORDER BY row_id;
DROP TABLE temp.appointments_v18;
-- Conflict checks look up one date by room, counselor or student among the live bookings.
CREATE INDEX appointments_room_date ON appointments (room_id, date, start_min) WHERE status IN ('requested', 'confirmed', 'completed');
CREATE INDEX appointments_counselor_date ON appointments (counselor_id, date, start_min) WHERE status IN ('requested', 'confirmed', 'completed');
CREATE INDEX appointments_student_date ON appointments (student_id, date, start_min) WHERE status IN ('requested', 'confirmed', 'completed');
CREATE INDEX appointments_date ON appointments (date, start_min);
CREATE INDEX appointments_series ON appointments (series_id, date) WHERE series_id IS NOT NULL;

CREATE TEMP TABLE waitlist_v18 AS SELECT rowid AS row_id, * FROM waitlist;
DROP TABLE waitlist;
CREATE TABLE waitlist (
  id           TEXT PRIMARY KEY,
  client_kind  TEXT NOT NULL CHECK (client_kind IN ('student', 'staff', 'parent', 'group')),
  student_id   TEXT REFERENCES students (id),
  client_label TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL CHECK (source IN ('walkIn', 'selfReferral', 'mailbox', 'teacherReferral', 'guardianReferral', 'screening', 'crisis', 'other')),
  preference   TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  added_by     TEXT NOT NULL REFERENCES users (id),
  added_at     INTEGER NOT NULL,
  -- Left the list: booked (with the appointment) or removed.
  closed_at    INTEGER,
  appointment_id TEXT REFERENCES appointments (id),
  CHECK ((client_kind = 'student') = (student_id IS NOT NULL))
) STRICT;
INSERT INTO waitlist (rowid, id, client_kind, student_id, client_label, source, preference, notes, added_by, added_at, closed_at, appointment_id)
SELECT row_id, id, client_kind, student_id, client_label, source, preference, notes, added_by, added_at, closed_at, appointment_id
FROM temp.waitlist_v18 ORDER BY row_id;
DROP TABLE temp.waitlist_v18;
CREATE INDEX waitlist_open ON waitlist (added_at) WHERE closed_at IS NULL;

-- Cases move from their older list (appointment, referral, screening, walkIn):
--   a crisis case takes its crisis record's source as crisis.ts maps it for new ones (screening →
--   screening, teacher → teacherReferral, guardian → guardianReferral, the rest → crisis);
--   'appointment' takes the linked appointment's source (they now share the list), else
--   selfReferral (a booked talk is most often the student's own);
--   'referral' becomes teacherReferral (the referral the older list meant was the homeroom
--   teacher's); screening and walkIn stay. Nothing else of a case changes, updated_at included.
CREATE TEMP TABLE cases_v18 AS SELECT rowid AS row_id, * FROM cases;
DROP TABLE cases;
CREATE TABLE cases (
  id              TEXT PRIMARY KEY,
  client_kind     TEXT NOT NULL CHECK (client_kind IN ('student', 'staff', 'parent')),
  -- A student client is a roster row; staff and parent clients are a free-text label.
  student_id      TEXT REFERENCES students (id),
  client_label    TEXT NOT NULL DEFAULT '',
  source          TEXT NOT NULL CHECK (source IN ('walkIn', 'selfReferral', 'mailbox', 'teacherReferral', 'guardianReferral', 'screening', 'crisis', 'other')),
  source_note     TEXT NOT NULL DEFAULT '',
  -- Free text until the schedule lands, so either can land first.
  appointment_id  TEXT,
  goals           TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  opened_on       TEXT NOT NULL,
  closed_on       TEXT,
  closed_at       INTEGER,
  closing_summary TEXT,
  counselor_id    TEXT NOT NULL REFERENCES users (id),
  created_by      TEXT NOT NULL REFERENCES users (id),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  deleted_at      INTEGER,
  deleted_reason  TEXT,
  deleted_by      TEXT REFERENCES users (id),
  CHECK ((client_kind = 'student') = (student_id IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
) STRICT;
INSERT INTO cases (rowid, id, client_kind, student_id, client_label, source, source_note, appointment_id, goals, status, opened_on,
  closed_on, closed_at, closing_summary, counselor_id, created_by, created_at, updated_at, deleted_at, deleted_reason, deleted_by)
SELECT c.row_id, c.id, c.client_kind, c.student_id, c.client_label,
  CASE
    WHEN k.source IS NOT NULL THEN
      CASE k.source WHEN 'screening' THEN 'screening' WHEN 'teacher' THEN 'teacherReferral' WHEN 'guardian' THEN 'guardianReferral' ELSE 'crisis' END
    WHEN c.source = 'appointment' THEN coalesce(a.source, 'selfReferral')
    WHEN c.source = 'referral' THEN 'teacherReferral'
    ELSE c.source
  END,
  c.source_note, c.appointment_id, c.goals, c.status, c.opened_on,
  c.closed_on, c.closed_at, c.closing_summary, c.counselor_id, c.created_by, c.created_at, c.updated_at, c.deleted_at, c.deleted_reason, c.deleted_by
FROM temp.cases_v18 c
LEFT JOIN crisis_cases k ON k.case_id = c.id
LEFT JOIN appointments a ON a.id = c.appointment_id
ORDER BY c.row_id;
DROP TABLE temp.cases_v18;
CREATE INDEX cases_student ON cases (student_id, opened_on) WHERE deleted_at IS NULL;
CREATE INDEX cases_counselor ON cases (counselor_id, status) WHERE deleted_at IS NULL;
