-- 003: purging soft-deleted clinical rows once the retention setting allows it.
-- Signed records, addenda and disclosures stay undeletable, except for the rows of a case named
-- in purge_gate; a case can be named there only once it is soft-deleted. The purge fills the
-- gate, deletes and empties it in one transaction, so outside a purge the gate is always empty.

CREATE TABLE purge_gate (case_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE TRIGGER purge_gate_only_deleted BEFORE INSERT ON purge_gate
WHEN NOT EXISTS (SELECT 1 FROM cases WHERE id = NEW.case_id AND deleted_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'only a soft-deleted case can be purged'); END;

DROP TRIGGER session_records_signed_no_delete;
CREATE TRIGGER session_records_signed_no_delete BEFORE DELETE ON session_records
WHEN OLD.signed_at IS NOT NULL AND OLD.case_id NOT IN (SELECT case_id FROM purge_gate)
BEGIN SELECT RAISE(ABORT, 'signed session records are read-only'); END;

DROP TRIGGER record_addenda_no_delete;
CREATE TRIGGER record_addenda_no_delete BEFORE DELETE ON record_addenda
WHEN NOT EXISTS (SELECT 1 FROM session_records r JOIN purge_gate g ON g.case_id = r.case_id WHERE r.id = OLD.record_id)
BEGIN SELECT RAISE(ABORT, 'addenda are immutable'); END;

DROP TRIGGER disclosures_no_delete;
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
WHEN NOT EXISTS (SELECT 1 FROM session_records r JOIN purge_gate g ON g.case_id = r.case_id WHERE r.id = OLD.record_id)
BEGIN SELECT RAISE(ABORT, 'disclosures are immutable'); END;
