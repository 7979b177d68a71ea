-- 013: the district exchange. A school keeps its Ed25519 signing key here, inside the encrypted
-- archive (never in a file of its own). A district-mode archive keeps its age identity, the
-- registry of schools with their pinned public keys, and every package it imported.

CREATE TABLE district_signing_key (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  secret_key  BLOB NOT NULL,
  public_key  BLOB NOT NULL,
  key_id      TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE district_identity (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  identity    TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE district_schools (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  code           TEXT NOT NULL,
  key_id         TEXT NOT NULL UNIQUE,
  public_key     BLOB NOT NULL,
  registered_at  INTEGER NOT NULL,
  registered_by  TEXT NOT NULL REFERENCES users (id)
) STRICT;

-- One row per imported package; a newer package of a school for the same period supersedes the
-- older one (which stays, for the record). Only the payload's figures are kept, never a file.
CREATE TABLE district_packages (
  package_id     TEXT PRIMARY KEY,
  school_id      TEXT NOT NULL REFERENCES district_schools (id),
  period_from    TEXT NOT NULL,
  period_to      TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  imported_at    INTEGER NOT NULL,
  imported_by    TEXT NOT NULL REFERENCES users (id),
  file_sha256    TEXT NOT NULL,
  manifest_json  TEXT NOT NULL,
  payload_json   TEXT NOT NULL,
  superseded_by  TEXT REFERENCES district_packages (package_id)
) STRICT;

CREATE INDEX district_packages_current ON district_packages (period_from, period_to, school_id) WHERE superseded_by IS NULL;
