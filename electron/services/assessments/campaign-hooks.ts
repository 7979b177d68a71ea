import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FormResult } from '../../../shared/domain/scales';
import { anyCritical } from './alerts-repo';
import { raiseTriage, reopenIfNoneCompleted, setParticipantOutcome } from './campaigns-repo';

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

/**
 * A completed form marks the student done on the first completed scale of the campaign: "done"
 * records that the student was screened (and no longer absent or pending); which scales were
 * completed is listed per participant. A screen-positive band puts the student in triage.
 */
export function afterFormCompleted(db: Database, form: CampaignForm, result: FormResult, now: number): void {
  if (form.campaignId === null) return;
  setParticipantOutcome(db, form.campaignId, form.studentId, 'done', null, now);
  if (Object.values(result.scales).some((s) => s.band?.flag === true)) raiseTriage(db, form.campaignId, form.studentId, 'flagged', now);
}

/** A voided form no longer counts as screening; the triage entry stays, since what it raised was seen. */
export function afterFormVoided(db: Database, form: CampaignForm, now: number): void {
  if (form.campaignId !== null) reopenIfNoneCompleted(db, form.campaignId, form.studentId, now);
}

/** New alerts of a campaign form: a critical one puts the student first in triage, any other ahead of the screen-positive. */
export function afterAlertsRaised(db: Database, form: CampaignForm, alertIds: readonly string[], now: number): void {
  if (form.campaignId === null || alertIds.length === 0) return;
  raiseTriage(db, form.campaignId, form.studentId, anyCritical(db, alertIds) ? 'critical' : 'alert', now);
}
