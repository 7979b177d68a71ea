import type { Database } from 'better-sqlite3-multiple-ciphers';
import { BAND_LABELS, bandLabelKey } from '../../../shared/domain/scales/definition';
import { stmt } from '../../db/statements';

/**
 * The triage queue's order, kept in SQL so that a page of it is read from an index
 * (triage_entries_queue, migration 020) instead of sorting every flagged student in TypeScript.
 *
 * Critical entries first, then other alerts, then screen-positive (the priority, which never
 * lowers); within a priority the severest first: the severest alert of the entry's reasons, its
 * severest band, its highest banded score; then the longest waiting, then 学号.
 */

/** Priority as a number, smaller first; the same expression as in the index, so SQLite can use it. */
export const PRIORITY_RANK = (col: string) => `CASE ${col} WHEN 'critical' THEN 0 WHEN 'alert' THEN 1 ELSE 2 END`;

/** The queue's sort key as selected columns of triage_entries `t` joined to students `s`. */
export const QUEUE_KEY = `${PRIORITY_RANK('t.priority')} AS k1, t.sort_alert AS k2, t.sort_band AS k3, t.sort_score AS k4, t.flagged_at AS k5, s.student_no AS k6`;
/** The ORDER BY of those columns, selected beside it or (with a prefix) from a subquery that did. */
export const queueOrder = (prefix = '') => `${prefix}k1, ${prefix}k2, ${prefix}k3 DESC, ${prefix}k4 DESC, ${prefix}k5, ${prefix}k6`;

const ALERT_RANK = `CASE a.severity WHEN 'critical' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`;
/** The neutral band labels run from clear to priorityReview: the later, the severer. */
const BAND_RANK = `CASE json_extract(f.banded, '$.band.labelKey') ${BAND_LABELS.map((l, i) => `WHEN '${bandLabelKey(l)}' THEN ${i}`).join(' ')} ELSE -1 END`;

/**
 * The entry's three sort columns from its reasons (what the 分流 tab lists): of the campaign's forms
 * of the student that are not voided, per scale the latest completed one when screen-positive (its
 * first flagged subscale, else its first banded one) or alerting (it or the form it was rescored
 * from), and every form in progress that raised an alert. Migration 020 fills existing entries with
 * this same statement.
 */
const SORT_KEY = `(
  SELECT coalesce(min(r.alert), 3), coalesce(max(r.band), -1), max(r.score)
  FROM (
    SELECT f.alert, CASE WHEN f.banded IS NOT NULL THEN ${BAND_RANK} END AS band, json_extract(f.banded, '$.score') AS score
    FROM (
      SELECT f.status,
        (SELECT min(${ALERT_RANK}) FROM alerts a WHERE a.form_id IN (f.id, f.derived_from)) AS alert,
        (SELECT sc.value FROM json_each(f.result_json, '$.scales') sc WHERE json_type(sc.value, '$.band') = 'object'
         ORDER BY json_extract(sc.value, '$.band.flag') IS 1 DESC, sc.id LIMIT 1) AS banded,
        row_number() OVER (PARTITION BY f.scale_id, f.status ORDER BY f.completed_at DESC, f.id DESC) AS nth
      FROM forms f
      WHERE f.campaign_id = triage_entries.campaign_id AND f.student_id = triage_entries.student_id AND f.status <> 'voided'
    ) f
    WHERE CASE f.status WHEN 'completed' THEN f.nth = 1 AND (json_extract(f.banded, '$.band.flag') IS 1 OR f.alert IS NOT NULL)
      ELSE f.alert IS NOT NULL END
  ) r
)`;

/**
 * Recomputes the student's sort key in the campaign's queue (nothing when they are not in it).
 * Called after every change of a campaign form or its alerts (campaign-hooks.ts): completing,
 * rescoring, voiding, an alert raised while answering or on handling.
 */
export function refreshTriageOrder(db: Database, campaignId: string, studentId: string): void {
  stmt(db, `UPDATE triage_entries SET (sort_alert, sort_band, sort_score) = ${SORT_KEY} WHERE campaign_id = ? AND student_id = ?`).run(campaignId, studentId);
}
