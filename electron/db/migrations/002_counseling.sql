-- 002: individual counseling. Cases, session records (draft → signed, then read-only), addenda,
-- confidentiality-exception disclosures, home-school contacts, consents, and the bigram
-- full-text index over the notes (docs/ARCHITECTURE.md, "Counseling records and search").

CREATE TABLE cases (
  id              TEXT PRIMARY KEY,
  client_kind     TEXT NOT NULL CHECK (client_kind IN ('student', 'staff', 'parent')),
  -- A student client is a roster row; staff and parent clients are a free-text label.
  student_id      TEXT REFERENCES students (id),
  client_label    TEXT NOT NULL DEFAULT '',
  source          TEXT NOT NULL CHECK (source IN ('appointment', 'referral', 'screening', 'walkIn')),
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
CREATE INDEX cases_student ON cases (student_id, opened_on) WHERE deleted_at IS NULL;
CREATE INDEX cases_counselor ON cases (counselor_id, status) WHERE deleted_at IS NULL;

-- Several presenting-problem categories per case, as stable codes.
CREATE TABLE case_categories (
  case_id  TEXT NOT NULL REFERENCES cases (id),
  category TEXT NOT NULL CHECK (category IN ('study', 'relationships', 'emotion', 'family', 'puberty', 'internet', 'career', 'selfAwareness', 'crisis', 'other')),
  PRIMARY KEY (case_id, category)
) STRICT, WITHOUT ROWID;

CREATE TABLE case_transfers (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases (id),
  from_user_id TEXT NOT NULL REFERENCES users (id),
  to_user_id   TEXT NOT NULL REFERENCES users (id),
  reason       TEXT NOT NULL DEFAULT '',
  by_user_id   TEXT NOT NULL REFERENCES users (id),
  at           INTEGER NOT NULL
) STRICT;
CREATE INDEX case_transfers_case ON case_transfers (case_id, at);

CREATE TABLE session_records (
  id                    TEXT PRIMARY KEY,
  case_id               TEXT NOT NULL REFERENCES cases (id),
  -- Copied from the case (whose client never changes) so the archive and caseload need no join.
  student_id            TEXT REFERENCES students (id),
  author_id             TEXT NOT NULL REFERENCES users (id),
  session_date          TEXT NOT NULL,
  start_time            TEXT,
  duration_minutes      INTEGER,
  mode                  TEXT NOT NULL CHECK (mode IN ('face', 'phone', 'online')),
  with_student          INTEGER NOT NULL CHECK (with_student IN (0, 1)),
  with_guardian         INTEGER NOT NULL CHECK (with_guardian IN (0, 1)),
  with_teacher          INTEGER NOT NULL CHECK (with_teacher IN (0, 1)),
  kind                  TEXT NOT NULL CHECK (kind IN ('first', 'followUp', 'crisis', 'closing', 'other')),
  current_state         TEXT NOT NULL DEFAULT '',
  main_problem          TEXT NOT NULL DEFAULT '',
  analysis              TEXT NOT NULL DEFAULT '',
  plan                  TEXT NOT NULL DEFAULT '',
  outcome_evaluation    TEXT NOT NULL DEFAULT '',
  follow_up_actions     TEXT NOT NULL DEFAULT '',
  next_appointment_date TEXT,
  risk_of_harm          TEXT NOT NULL CHECK (risk_of_harm IN ('none', 'self', 'others', 'both')),
  revision              INTEGER NOT NULL,
  signed_at             INTEGER,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL,
  deleted_at            INTEGER,
  deleted_reason        TEXT
) STRICT;
CREATE INDEX session_records_case ON session_records (case_id, session_date) WHERE deleted_at IS NULL;
CREATE INDEX session_records_student ON session_records (student_id, session_date) WHERE deleted_at IS NULL;
CREATE INDEX session_records_unsigned ON session_records (author_id, created_at) WHERE deleted_at IS NULL AND signed_at IS NULL;
-- Signed means read-only, enforced below the application too.
CREATE TRIGGER session_records_signed_no_update BEFORE UPDATE ON session_records WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed session records are read-only'); END;
CREATE TRIGGER session_records_signed_no_delete BEFORE DELETE ON session_records WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed session records are read-only'); END;

-- Corrections of a signed record: their own author and time, never changed.
CREATE TABLE record_addenda (
  id         TEXT PRIMARY KEY,
  record_id  TEXT NOT NULL REFERENCES session_records (id),
  author_id  TEXT NOT NULL REFERENCES users (id),
  body       TEXT NOT NULL,
  written_on TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX record_addenda_record ON record_addenda (record_id, created_at);
CREATE TRIGGER record_addenda_no_update BEFORE UPDATE ON record_addenda
BEGIN SELECT RAISE(ABORT, 'addenda are immutable'); END;
CREATE TRIGGER record_addenda_no_delete BEFORE DELETE ON record_addenda
BEGIN SELECT RAISE(ABORT, 'addenda are immutable'); END;

-- Confidentiality exception (guide ETH-04): who was told, when and how.
CREATE TABLE disclosures (
  id             TEXT PRIMARY KEY,
  record_id      TEXT NOT NULL REFERENCES session_records (id),
  informed_kind  TEXT NOT NULL CHECK (informed_kind IN ('homeroomTeacher', 'guardian', 'schoolLeader', 'other')),
  informed_label TEXT NOT NULL DEFAULT '',
  informed_at    INTEGER NOT NULL,
  informed_on    TEXT NOT NULL,
  channel        TEXT NOT NULL CHECK (channel IN ('inPerson', 'phone', 'wechat', 'written')),
  note           TEXT NOT NULL DEFAULT '',
  recorded_by    TEXT NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX disclosures_record ON disclosures (record_id, informed_at);
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
BEGIN SELECT RAISE(ABORT, 'disclosures are immutable'); END;
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
BEGIN SELECT RAISE(ABORT, 'disclosures are immutable'); END;

-- Home-school contacts (家校沟通).
CREATE TABLE contacts (
  id             TEXT PRIMARY KEY,
  student_id     TEXT NOT NULL REFERENCES students (id),
  case_id        TEXT REFERENCES cases (id),
  contact_date   TEXT NOT NULL,
  with_kind      TEXT NOT NULL CHECK (with_kind IN ('guardian', 'teacher', 'other')),
  with_label     TEXT NOT NULL DEFAULT '',
  channel        TEXT NOT NULL CHECK (channel IN ('homeVisit', 'phone', 'wechat', 'schoolMeeting')),
  summary        TEXT NOT NULL,
  agreed_actions TEXT NOT NULL DEFAULT '',
  author_id      TEXT NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  deleted_at     INTEGER,
  deleted_reason TEXT
) STRICT;
CREATE INDEX contacts_student ON contacts (student_id, contact_date) WHERE deleted_at IS NULL;

-- Informed consent, append-only: the latest row per party is the effective one.
CREATE TABLE consents (
  id           TEXT PRIMARY KEY,
  student_id   TEXT NOT NULL REFERENCES students (id),
  scope        TEXT NOT NULL CHECK (scope IN ('counseling', 'testing')),
  party        TEXT NOT NULL CHECK (party IN ('student', 'guardian')),
  outcome      TEXT NOT NULL CHECK (outcome IN ('given', 'declined', 'withdrawn')),
  consent_date TEXT NOT NULL,
  form         TEXT NOT NULL CHECK (form IN ('written', 'verbal', 'electronic')),
  note         TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL REFERENCES users (id),
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX consents_student ON consents (student_id, scope, party, consent_date);
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN SELECT RAISE(ABORT, 'consent records are immutable'); END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'consent records are immutable'); END;

-- Full-text search over notes. The FTS table holds only the index (contentless) of the text
-- split into CJK character bigrams and lower-cased Latin/digit words; note_index maps its rowids
-- back to the note and carries the date used as the ranking tie-break.
CREATE TABLE note_index (
  doc         INTEGER PRIMARY KEY,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('record', 'addendum', 'contact')),
  source_id   TEXT NOT NULL,
  note_date   TEXT NOT NULL,
  UNIQUE (source_kind, source_id)
) STRICT;
CREATE VIRTUAL TABLE notes_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1);
