import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError, type ErrorCode } from '../../../shared/api/errors';
import { getCampaign, isParticipant } from './campaigns-repo';
import { invalid } from '../common/validation';

/** Why a form of a scale cannot be given to a student in a campaign. */
export interface CampaignProblem {
  code: Extract<ErrorCode, 'NOT_FOUND' | 'CONFLICT' | 'VALIDATION'>;
  messageKey: string;
  path: 'campaignId' | 'scaleId' | 'studentId';
}

/**
 * Checks a campaign form before it is started or imported: the campaign exists and is not closed,
 * the scale is one of its scales, and (when a student is given) the student takes part. Returns the
 * scale's pinned version, so every form of the campaign is scored by the same definition.
 */
export function campaignProblem(db: Database, campaignId: string, scaleId: string, studentId: string | null): { problem: CampaignProblem } | { version: string } {
  const c = getCampaign(db, campaignId);
  if (!c) return { problem: { code: 'NOT_FOUND', messageKey: 'errors.notFound', path: 'campaignId' } };
  if (c.status === 'closed') return { problem: { code: 'CONFLICT', messageKey: 'errors.campaign.closed', path: 'campaignId' } };
  const pinned = c.scales.find((s) => s.scaleId === scaleId);
  if (!pinned) return { problem: { code: 'VALIDATION', messageKey: 'errors.campaign.scaleNotInCampaign', path: 'scaleId' } };
  if (studentId !== null && !isParticipant(db, campaignId, studentId)) {
    return { problem: { code: 'VALIDATION', messageKey: 'errors.campaign.notParticipant', path: 'studentId' } };
  }
  return { version: pinned.version };
}

/** The problem as the error a single call throws (VALIDATION with a detail naming the field). */
export function campaignError(p: CampaignProblem, campaignId: string): CounselError {
  if (p.code === 'VALIDATION') return new CounselError('VALIDATION', p.messageKey, [{ path: p.path, reason: p.messageKey }]);
  return new CounselError(p.code, p.messageKey, { path: p.path, id: campaignId });
}

/**
 * Throws the campaign's problem, or returns the version its forms of this scale are given in; a
 * form asked for in another version is refused, since every form of a campaign is scored alike.
 */
export function requireCampaignVersion(db: Database, campaignId: string, q: { scaleId: string; studentId: string | null; version?: string | undefined }): string {
  const r = campaignProblem(db, campaignId, q.scaleId, q.studentId);
  if ('problem' in r) throw campaignError(r.problem, campaignId);
  if (q.version !== undefined && q.version !== r.version) throw invalid('version', 'errors.campaign.otherVersion', { pinned: r.version });
  return r.version;
}
