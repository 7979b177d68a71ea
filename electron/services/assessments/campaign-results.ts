import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from '../../db/statements';

/**
 * What the screening summary counts, kept as a campaign's forms change (migration 020): per
 * participant and scale the band of the latest completed form (campaign_results), and the scales
 * the participant has such a form of (campaign_participants.screened). The summary then groups an
 * index instead of every form of the campaign. Migration 020 fills both with the same queries.
 */

/**
 * Recomputes one participant's results after a form of the campaign was completed (rescorings
 * included) or voided; a student who is not a participant gets none. The latest form is the one
 * with the greatest completed_at, then id, as one zero-padded key (max() takes the band of its row).
 */
export function refreshCampaignResults(db: Database, campaignId: string, studentId: string): void {
  const key = { campaignId, studentId };
  stmt(db, 'DELETE FROM campaign_results WHERE campaign_id = @campaignId AND student_id = @studentId').run(key);
  stmt(
    db,
    `INSERT INTO campaign_results (campaign_id, student_id, scale_id, grade, band_code)
     SELECT p.campaign_id, p.student_id, l.scale_id, p.grade, l.band
     FROM (SELECT f.scale_id, f.band_code AS band, max(printf('%020d', f.completed_at) || f.id)
           FROM forms f WHERE f.campaign_id = @campaignId AND f.student_id = @studentId AND f.status = 'completed'
           GROUP BY f.scale_id) l
     JOIN campaign_participants p ON p.campaign_id = @campaignId AND p.student_id = @studentId`,
  ).run(key);
  stmt(
    db,
    `UPDATE campaign_participants SET screened = (
       SELECT json_group_array(r.scale_id) FROM (
         SELECT r.scale_id FROM campaign_results r WHERE r.campaign_id = @campaignId AND r.student_id = @studentId ORDER BY r.scale_id) r)
     WHERE campaign_id = @campaignId AND student_id = @studentId`,
  ).run(key);
}
