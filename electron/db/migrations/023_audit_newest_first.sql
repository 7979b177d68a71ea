-- 023: the audit list pages newest first by time (at, then seq), so that each of its filters has
-- an index already in that order: the log's own (at), a user's (user_id, at), and an action's,
-- which was (action, seq). Ordered by seq, a user's rows of a school year (70,000 at ten years)
-- were read through (user_id, at) and sorted whole for every page: 110-120 ms when the 审计
-- screen opened with a user and a date range. The rowid ends every index, so (action, at) is
-- (action, at, seq), and the distinct-action skip scan (audit.actions) reads it as before.
DROP INDEX audit_log_action;
CREATE INDEX audit_log_action ON audit_log (action, at);
