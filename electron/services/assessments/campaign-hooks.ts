import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FormResult } from '../../../shared/domain/scales';
import { anyCritical } from './alerts-repo';
import { activateCampaign, markDoneIfAllScales, raiseTriage, reopenIfIncomplete } from './campaigns-repo';
import { refreshCampaignResults } from './campaign-results';
import { refreshTriageOrder } from './triage-order';

/**
 * What a campaign learns from its forms, whichever door they came through (kiosk, paper, import,
 * rescoring): who has been screened, and who must be seen. Called in the same transaction as the
 * form's own change.
 */
export interface CampaignForm {
  id: string;
  studentId: string;
  scaleId: string;
  campaignId: string | null;
}

/** A form begun in a campaign: the campaign is under way. */
export function afterFormStarted(db: Database, form: Pick<CampaignForm, 'campaignId'>): void {
  if (form.campaignId !== null) activateCampaign(db, form.campaignId);
}

/**
 * A completed form marks the student done once every scale of the campaign has one: "done" records
 * that the student was screened (and no longer absent or pending); until then the participant lists
 * which scales are still to take. A screen-positive band puts the student in triage at once.
 */
export function afterFormCompleted(db: Database, form: CampaignForm, result: FormResult, now: number): void {
  if (form.campaignId === null) return;
  // An imported sheet completes forms that were never started one by one.
  activateCampaign(db, form.campaignId);
  markDoneIfAllScales(db, form.campaignId, form.studentId, now);
  refreshCampaignResults(db, form.campaignId, form.studentId);
  if (Object.values(result.scales).some((s) => s.band?.flag === true)) raiseTriage(db, form.campaignId, form.studentId, 'flagged', now);
  // Also when not flagged: a retaken scale's newer form replaces the older one among the reasons.
  refreshTriageOrder(db, form.campaignId, form.studentId);
}

/** A voided form no longer counts as screening; the triage entry stays, since what it raised was seen. */
export function afterFormVoided(db: Database, form: CampaignForm, now: number): void {
  if (form.campaignId === null) return;
  reopenIfIncomplete(db, form.campaignId, form.studentId, now);
  refreshCampaignResults(db, form.campaignId, form.studentId);
  refreshTriageOrder(db, form.campaignId, form.studentId);
}

/** New alerts of a campaign form: a critical one puts the student first in triage, any other ahead of the screen-positive. */
export function afterAlertsRaised(db: Database, form: CampaignForm, alertIds: readonly string[], now: number): void {
  if (form.campaignId === null || alertIds.length === 0) return;
  raiseTriage(db, form.campaignId, form.studentId, anyCritical(db, alertIds) ? 'critical' : 'alert', now);
  refreshTriageOrder(db, form.campaignId, form.studentId);
}
