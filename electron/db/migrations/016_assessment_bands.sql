-- 016: each completed form's headline band stored beside its result. The statistics and the
-- screening summary counted bands by parsing every form's result_json (6,000 a school year, 3,000
-- per campaign and scale), ~100-250 ms on a ten-year archive. The headline is the first subscale
-- with a band in the result (in the definition's order; null when the form is invalid, whose
-- subscales have no band): its code and the key of its neutral label. The app writes both when it
-- completes a form (assessments-repo.ts, completeForm); here they are filled for existing forms.
ALTER TABLE forms ADD COLUMN band_code TEXT;
ALTER TABLE forms ADD COLUMN band_label TEXT;

-- Completed and voided forms are read-only; lifted for this one fill, then put back with the
-- band columns among the frozen ones.
DROP TRIGGER forms_closed_no_update;
UPDATE forms SET (band_code, band_label) = (
  SELECT json_extract(sc.value, '$.band.code'), json_extract(sc.value, '$.band.labelKey')
  FROM json_each(forms.result_json, '$.scales') sc
  WHERE json_extract(sc.value, '$.band') IS NOT NULL LIMIT 1)
WHERE result_json IS NOT NULL;
CREATE TRIGGER forms_closed_no_update BEFORE UPDATE ON forms
WHEN OLD.status = 'voided'
  OR (OLD.status = 'completed' AND NOT (NEW.status = 'voided' AND NEW.result_json IS OLD.result_json
      AND NEW.definition_hash IS OLD.definition_hash AND NEW.completed_at IS OLD.completed_at
      AND NEW.norm_profile_id IS OLD.norm_profile_id AND NEW.student_id IS OLD.student_id
      AND NEW.scale_id IS OLD.scale_id AND NEW.version IS OLD.version AND NEW.date IS OLD.date
      AND NEW.campaign_id IS OLD.campaign_id AND NEW.derived_from IS OLD.derived_from AND NEW.mode IS OLD.mode
      AND NEW.band_code IS OLD.band_code AND NEW.band_label IS OLD.band_label))
BEGIN SELECT RAISE(ABORT, 'completed forms are read-only'); END;

-- What the band counts read, without the row (whose result_json spills onto overflow pages):
-- a period's completed forms, and a campaign's.
CREATE INDEX forms_completed_bands ON forms (date, student_id, scale_id, completed_at, id, band_label) WHERE status = 'completed';
CREATE INDEX forms_campaign_bands ON forms (campaign_id, student_id, scale_id, completed_at, id, band_code) WHERE status = 'completed' AND campaign_id IS NOT NULL;
