-- 010: history keeps the grade it had. A screening's participant and a group session's attendance
-- carry the grade and class the student had when screened or present, so a 学年升级 moves the
-- roster without rewriting a closed screening's report. Rows already there take today's values,
-- the best the archive knows. Each 升级 run keeps what it changed, so it can be undone the same day.

ALTER TABLE campaign_participants ADD COLUMN grade INTEGER;
ALTER TABLE campaign_participants ADD COLUMN class_name TEXT;
UPDATE campaign_participants SET
  grade = (SELECT s.grade FROM students s WHERE s.id = campaign_participants.student_id),
  class_name = (SELECT s.class_name FROM students s WHERE s.id = campaign_participants.student_id);

ALTER TABLE group_attendance ADD COLUMN grade INTEGER;
ALTER TABLE group_attendance ADD COLUMN class_name TEXT;
UPDATE group_attendance SET
  grade = (SELECT s.grade FROM students s WHERE s.id = group_attendance.student_id),
  class_name = (SELECT s.class_name FROM students s WHERE s.id = group_attendance.student_id);

CREATE TABLE roll_forward_runs (
  id          TEXT PRIMARY KEY,
  ran_at      INTEGER NOT NULL,
  ran_on      TEXT NOT NULL,
  ran_by      TEXT NOT NULL REFERENCES users (id),
  promoted    INTEGER NOT NULL,
  graduated   INTEGER NOT NULL,
  reverted_at INTEGER,
  reverted_by TEXT REFERENCES users (id)
) STRICT;

-- Each student the run moved: before and after, so the revert restores exactly and sees later edits.
CREATE TABLE roll_forward_changes (
  run_id          TEXT NOT NULL REFERENCES roll_forward_runs (id),
  student_id      TEXT NOT NULL REFERENCES students (id),
  from_grade      INTEGER NOT NULL,
  from_class_name TEXT NOT NULL,
  from_status     TEXT NOT NULL,
  to_grade        INTEGER NOT NULL,
  to_class_name   TEXT NOT NULL,
  to_status       TEXT NOT NULL,
  PRIMARY KEY (run_id, student_id)
) STRICT, WITHOUT ROWID;
