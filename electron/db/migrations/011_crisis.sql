-- 011: crisis intervention (六步工作法). A crisis case is a case of category crisis; these tables add
-- its tier, status and the six steps, each owned and dated, with what was written into them.
-- Nothing here is deleted: steps are closed or marked not applicable, entries and changes are kept.

CREATE TABLE crisis_cases (
  case_id         TEXT PRIMARY KEY REFERENCES cases (id),
  source          TEXT NOT NULL CHECK (source IN ('screening', 'session', 'teacher', 'peer', 'guardian', 'selfReport', 'other')),
  source_alert_id TEXT REFERENCES alerts (id),
  tier            TEXT NOT NULL CHECK (tier IN ('red', 'orange', 'yellow')),
  reason          TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('open', 'monitoring', 'closed')),
  closed_on       TEXT,
  closed_reason   TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
) STRICT;
CREATE INDEX crisis_cases_status ON crisis_cases (status, tier);
CREATE TRIGGER crisis_cases_no_delete BEFORE DELETE ON crisis_cases
BEGIN SELECT RAISE(ABORT, 'crisis cases are closed, never deleted'); END;

CREATE TABLE crisis_steps (
  case_id      TEXT NOT NULL REFERENCES crisis_cases (case_id),
  step         TEXT NOT NULL CHECK (step IN ('assess', 'pairing', 'intervention', 'peer', 'family', 'referral')),
  owner_id     TEXT NOT NULL REFERENCES users (id),
  due_on       TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('open', 'done', 'notApplicable')),
  state_reason TEXT NOT NULL DEFAULT '',
  done_on      TEXT,
  PRIMARY KEY (case_id, step)
) STRICT, WITHOUT ROWID;
CREATE INDEX crisis_steps_due ON crisis_steps (state, due_on);
CREATE TRIGGER crisis_steps_no_delete BEFORE DELETE ON crisis_steps
BEGIN SELECT RAISE(ABORT, 'crisis steps are kept'); END;

-- What was written into a step; the kind's fields as JSON (checked by the contract), with the rows
-- they name as columns so they stay referenced.
CREATE TABLE crisis_entries (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES crisis_cases (case_id),
  step           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  entry_date     TEXT NOT NULL,
  fields         TEXT NOT NULL CHECK (json_valid(fields)),
  partner_id     TEXT REFERENCES referral_partners (id),
  peer_id        TEXT REFERENCES peer_supporters (id),
  referral_id    TEXT REFERENCES crisis_entries (id),
  appointment_id TEXT REFERENCES appointments (id),
  created_by     TEXT NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX crisis_entries_case ON crisis_entries (case_id, entry_date, created_at);
CREATE TRIGGER crisis_entries_no_update BEFORE UPDATE ON crisis_entries
BEGIN SELECT RAISE(ABORT, 'crisis entries are kept as written'); END;
CREATE TRIGGER crisis_entries_no_delete BEFORE DELETE ON crisis_entries
BEGIN SELECT RAISE(ABORT, 'crisis entries are kept'); END;

-- Every change of tier, step owner, due date, step state or case status, with the value before.
CREATE TABLE crisis_changes (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES crisis_cases (case_id),
  field      TEXT NOT NULL CHECK (field IN ('tier', 'owner', 'dueOn', 'state', 'status')),
  step       TEXT,
  from_value TEXT,
  to_value   TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  changed_by TEXT NOT NULL REFERENCES users (id),
  changed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX crisis_changes_case ON crisis_changes (case_id, changed_at);
CREATE TRIGGER crisis_changes_no_update BEFORE UPDATE ON crisis_changes
BEGIN SELECT RAISE(ABORT, 'crisis changes are kept as written'); END;
CREATE TRIGGER crisis_changes_no_delete BEFORE DELETE ON crisis_changes
BEGIN SELECT RAISE(ABORT, 'crisis changes are kept'); END;

-- Case review meetings (研判会).
CREATE TABLE crisis_reviews (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES crisis_cases (case_id),
  meeting_date   TEXT NOT NULL,
  attendees      TEXT NOT NULL,
  decision       TEXT NOT NULL,
  next_review_on TEXT,
  created_by     TEXT NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX crisis_reviews_case ON crisis_reviews (case_id, meeting_date);
CREATE TRIGGER crisis_reviews_no_delete BEFORE DELETE ON crisis_reviews
BEGIN SELECT RAISE(ABORT, 'review meetings are kept'); END;

CREATE TABLE referral_partners (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  department        TEXT NOT NULL DEFAULT '',
  contact           TEXT NOT NULL DEFAULT '',
  agreement_on_file INTEGER NOT NULL CHECK (agreement_on_file IN (0, 1)),
  agreement_note    TEXT NOT NULL DEFAULT '',
  active            INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
) STRICT;
CREATE TRIGGER referral_partners_no_delete BEFORE DELETE ON referral_partners
BEGIN SELECT RAISE(ABORT, 'referral partners are made inactive, never deleted'); END;

-- Class peer supporters (心理委员): a roster student; the class is the student's.
CREATE TABLE peer_supporters (
  id         TEXT PRIMARY KEY,
  student_id TEXT NOT NULL UNIQUE REFERENCES students (id),
  since      TEXT NOT NULL,
  active     INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TRIGGER peer_supporters_no_delete BEFORE DELETE ON peer_supporters
BEGIN SELECT RAISE(ABORT, 'peer supporters are made inactive, never deleted'); END;

-- The weekly class report (班级心理晴雨表), one per supporter and week (its Monday).
CREATE TABLE class_weather (
  id         TEXT PRIMARY KEY,
  peer_id    TEXT NOT NULL REFERENCES peer_supporters (id),
  week_start TEXT NOT NULL,
  weather    TEXT NOT NULL CHECK (weather IN ('calm', 'someConcern', 'concern')),
  note       TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  UNIQUE (peer_id, week_start)
) STRICT;

-- The school's written crisis procedure (危机干预预案), every version kept inside the archive.
CREATE TABLE crisis_plans (
  version      TEXT PRIMARY KEY,
  effective_on TEXT NOT NULL,
  body         TEXT NOT NULL,
  saved_by     TEXT NOT NULL REFERENCES users (id),
  saved_at     INTEGER NOT NULL
) STRICT;
CREATE TRIGGER crisis_plans_no_update BEFORE UPDATE ON crisis_plans
BEGIN SELECT RAISE(ABORT, 'a stored procedure version is kept as written'); END;
CREATE TRIGGER crisis_plans_no_delete BEFORE DELETE ON crisis_plans
BEGIN SELECT RAISE(ABORT, 'procedure versions are kept'); END;
