-- 022 (after 021, the audit checkpoint): what a roster import writes per student, made smaller.
-- A 5,000-row import into a ten-year archive wrote each student into three indexes keyed on its
-- pinyin (new keys land at random places, so every page of all three was rewritten, encrypted
-- and checkpointed at each import) and a guardian row with two more index entries. The roster
-- only ever reads a student's guardians with the student (students-repo.ts): nothing searches
-- or joins them.

-- 1. The guardians move into the student's row as a JSON array of {name, relation, phone}, in
-- their old position order. The old table and its index go (secure_delete overwrites its pages).
ALTER TABLE students ADD COLUMN guardians TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(guardians) AND json_type(guardians) = 'array');
UPDATE students SET guardians = (
  SELECT json_group_array(json_object('name', g.name, 'relation', g.relation, 'phone', g.phone) ORDER BY g.position, g.rowid)
  FROM guardians g WHERE g.student_id = students.id
) WHERE id IN (SELECT student_id FROM guardians);
DROP TABLE guardians;

-- 2. One pinyin index instead of three, and a smaller one. It gives the roster's name order by
-- its first key (students of the same pinyin, a few at most, are then sorted by name and 学号
-- as the query asks; the name itself is left out of the index, a quarter of its size) and
-- carries the initials, so a Latin search reads it alone: every key matching a compact pinyin
-- prefix ("zhangs" for "zhang san") or an initials prefix starts with the query's first letter,
-- so the search takes the range of that letter and tests both from the index (listStudents
-- explains the bounds). At 10,000 students a letter holds a few hundred to a couple of thousand
-- keys, read without touching the table: deleted_at (NULL in every entry of this partial index,
-- a byte each) is in it only so that SQLite counts the index as covering.
DROP INDEX students_pinyin_compact;
DROP INDEX students_initials;
DROP INDEX students_pinyin;
CREATE INDEX students_pinyin ON students (name_pinyin, name_initials, deleted_at) WHERE deleted_at IS NULL;
