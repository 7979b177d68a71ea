-- 014: indexes for an archive that grows for ten years. A school year's statistics read session
-- records and completed forms by date; without these they read every record (with its ~3 KB of
-- notes) and every form ever made. The records index carries the columns the statistics count,
-- so those queries never touch the notes.
CREATE INDEX session_records_date ON session_records (session_date, case_id, student_id, kind, duration_minutes) WHERE deleted_at IS NULL;
CREATE INDEX forms_completed_date ON forms (date) WHERE status = 'completed';
-- The trash lists deleted drafts: a handful among the records, found without reading them all.
CREATE INDEX session_records_deleted ON session_records (deleted_at) WHERE deleted_at IS NOT NULL;
-- The audit viewer's action filter and its list of actions: the log gains a row per call for years.
CREATE INDEX audit_log_action ON audit_log (action, seq);
