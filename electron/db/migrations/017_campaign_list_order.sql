-- 017: a screening's participant list is paged in SQL (campaigns.get). Its order is grade, class,
-- then 学号. With the grade and class in an index after the campaign, SQLite walks a campaign's
-- participants already in class order and sorts only within a class by 学号, so a page stops
-- after its rows instead of sorting all 6,000; the class list is read from the index alone, and
-- the class and outcome filters need no table row. The 学号 beside the student id lets the
-- ids of a whole filter (选择全部, campaigns.participantIds) be ordered without reading each
-- student's full row.
CREATE INDEX campaign_participants_list ON campaign_participants (campaign_id, grade, class_name, outcome);
CREATE INDEX students_id_no ON students (id, student_no);
-- The progress counts (campaigns.get, campaigns.list) group a campaign's participants by outcome
-- and both consents: in this order they are counted from the index without a sort or a table row.
CREATE INDEX campaign_participants_progress ON campaign_participants (campaign_id, outcome, student_consent, guardian_consent);
