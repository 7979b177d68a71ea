-- 020: a screening's triage queue (campaigns.triage, the 分流 tab) is paged in SQL. Its order was
-- computed in TypeScript over every flagged student (1,155 in the largest campaign of the ten-year
-- school: every flagged form read and its result parsed for one page). Each entry now keeps how
-- severe its reasons are, in the order the queue sorts by (smaller first):
--   sort_alert  the severest alert of its reasons: 0 critical, 1 urgent, 2 follow-up, 3 none;
--   sort_band   the severest band label of its reasons, as the index in BAND_LABELS (clear 0 …
--               priorityReview 4; -1 none), sorted descending;
--   sort_score  the highest banded score of its reasons (null: none), sorted descending.
-- The reasons are the entry's campaign forms that are not voided: per scale the latest completed
-- form when it is screen-positive (its first flagged subscale, else its first banded one) or raised
-- an alert (it or the form it was rescored from), and every form in progress that raised one. The
-- app writes the three after every change of a campaign form or its alerts (triage-order.ts, the
-- same statement as here); here they are filled for the entries that exist.
ALTER TABLE triage_entries ADD COLUMN sort_alert INTEGER NOT NULL DEFAULT 3;
ALTER TABLE triage_entries ADD COLUMN sort_band INTEGER NOT NULL DEFAULT -1;
ALTER TABLE triage_entries ADD COLUMN sort_score REAL;

UPDATE triage_entries SET (sort_alert, sort_band, sort_score) = (
  SELECT coalesce(min(r.alert), 3), coalesce(max(r.band), -1), max(r.score)
  FROM (
    SELECT f.alert,
      CASE WHEN f.banded IS NOT NULL THEN CASE json_extract(f.banded, '$.band.labelKey')
        WHEN 'scales.band.clear' THEN 0 WHEN 'scales.band.watch' THEN 1 WHEN 'scales.band.attention' THEN 2
        WHEN 'scales.band.review' THEN 3 WHEN 'scales.band.priorityReview' THEN 4 ELSE -1 END END AS band,
      json_extract(f.banded, '$.score') AS score
    FROM (
      SELECT f.status,
        (SELECT min(CASE a.severity WHEN 'critical' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END) FROM alerts a
         WHERE a.form_id IN (f.id, f.derived_from)) AS alert,
        (SELECT sc.value FROM json_each(f.result_json, '$.scales') sc WHERE json_type(sc.value, '$.band') = 'object'
         ORDER BY json_extract(sc.value, '$.band.flag') IS 1 DESC, sc.id LIMIT 1) AS banded,
        row_number() OVER (PARTITION BY f.scale_id, f.status ORDER BY f.completed_at DESC, f.id DESC) AS nth
      FROM forms f
      WHERE f.campaign_id = triage_entries.campaign_id AND f.student_id = triage_entries.student_id AND f.status <> 'voided'
    ) f
    WHERE CASE f.status WHEN 'completed' THEN f.nth = 1 AND (json_extract(f.banded, '$.band.flag') IS 1 OR f.alert IS NOT NULL)
      ELSE f.alert IS NOT NULL END
  ) r
);

-- The queue's order after the campaign: priority (critical, alert, flagged), then the three above,
-- then the longest waiting; the state beside them filters without the row. A page stops after its
-- rows; only entries flagged in the same millisecond (an imported sheet) are sorted by 学号.
CREATE INDEX triage_entries_queue ON triage_entries (
  campaign_id, (CASE priority WHEN 'critical' THEN 0 WHEN 'alert' THEN 1 ELSE 2 END),
  sort_alert, sort_band DESC, sort_score DESC, flagged_at, state);

-- The screening summary (campaigns.summary) counted each participant's latest completed form per
-- scale in one grouped pass over the campaign's forms, joined to the participants for grade and
-- outcome: ~10-13 ms for 6,000 participants × 2 scales, over its 10 ms. Both are now kept as the
-- forms change (campaign-results.ts, called with the triage key above):
--   campaign_results          per participant and scale, the band of the latest completed form
--                             (completed_at, then id) with the participant's grade at screening;
--   campaign_participants.screened  the scales with such a form, a JSON array of ids.
-- The band counts then come from campaign_results_bands alone, and "still to screen" from the
-- pending participants grouped by grade and screened scales (few groups), with no join.
CREATE TABLE campaign_results (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  student_id  TEXT NOT NULL REFERENCES students (id),
  scale_id    TEXT NOT NULL,
  grade       INTEGER,
  band_code   TEXT,
  PRIMARY KEY (campaign_id, student_id, scale_id)
) STRICT, WITHOUT ROWID;
INSERT INTO campaign_results (campaign_id, student_id, scale_id, grade, band_code)
SELECT l.campaign_id, l.student_id, l.scale_id, p.grade, l.band
FROM (SELECT f.campaign_id, f.student_id, f.scale_id, f.band_code AS band, max(printf('%020d', f.completed_at) || f.id)
      FROM forms f WHERE f.status = 'completed' AND f.campaign_id IS NOT NULL
      GROUP BY f.campaign_id, f.student_id, f.scale_id) l
JOIN campaign_participants p ON p.campaign_id = l.campaign_id AND p.student_id = l.student_id;
CREATE INDEX campaign_results_bands ON campaign_results (campaign_id, scale_id, grade, band_code);

ALTER TABLE campaign_participants ADD COLUMN screened TEXT NOT NULL DEFAULT '[]';
UPDATE campaign_participants SET screened = (
  SELECT json_group_array(r.scale_id) FROM (
    SELECT r.scale_id FROM campaign_results r
    WHERE r.campaign_id = campaign_participants.campaign_id AND r.student_id = campaign_participants.student_id ORDER BY r.scale_id) r);
CREATE INDEX campaign_participants_screened ON campaign_participants (campaign_id, outcome, grade, screened);
