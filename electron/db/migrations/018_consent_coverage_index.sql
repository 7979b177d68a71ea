-- 018: the compliance checklist's consent figure (ETH-05) counts a school year's original forms
-- (not voided, not a rescore) by student and campaign. Every status but voided counts, so the
-- completed-only date indexes do not serve it and a year's read walked all ten years of forms.
-- This partial index holds exactly those forms in date order, with the two columns the count
-- groups by, so the year is read from the index alone.
CREATE INDEX forms_dated_originals ON forms (date, student_id, campaign_id) WHERE status <> 'voided' AND derived_from IS NULL;
