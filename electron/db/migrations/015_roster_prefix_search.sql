-- 015: the roster search by pinyin or initials as index range scans. The search ORed a prefix
-- match on the spaced pinyin (replace(...) LIKE 'zh%') with contains-matches on the name and
-- the student number, so every keystroke read all students; at 10,000 it took 10-25 ms.
-- A Latin query is now answered by ranges on these indexes (students-repo.ts, listStudents).
CREATE INDEX students_pinyin_compact ON students (replace(name_pinyin, ' ', '')) WHERE deleted_at IS NULL;
CREATE INDEX students_initials ON students (name_initials) WHERE deleted_at IS NULL;
-- The few names and student numbers with Latin letters in them, which a contains-match of a
-- Latin query can find; the condition is repeated word for word in the query so the planner uses them.
CREATE INDEX students_latin_name ON students (name) WHERE deleted_at IS NULL AND name GLOB '*[A-Za-z]*';
CREATE INDEX students_latin_no ON students (student_no) WHERE deleted_at IS NULL AND student_no GLOB '*[A-Za-z]*';
