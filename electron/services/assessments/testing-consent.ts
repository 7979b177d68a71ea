import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ConsentView } from '../../../shared/api/contacts';
import { stmt } from '../../db/statements';
import { latestConsent } from '../counseling/contacts';
import { formsBetween } from './assessments-repo';

type Outcome = string | null;

function campaignConsent(db: Database, studentId: string, campaignId: string): { student: Outcome; guardian: Outcome } | null {
  return (
    (stmt(db, 'SELECT student_consent AS student, guardian_consent AS guardian FROM campaign_participants WHERE campaign_id = ? AND student_id = ?').get(
      campaignId,
      studentId,
    ) as { student: string; guardian: string } | undefined) ?? null
  );
}

/**
 * Guide ETH-05/06: testing needs the student's and a guardian's consent given. Each party's consent
 * counts when its latest individual record says so or when the campaign's consent list does (a slip
 * returned for the screening). Null when testing is allowed; otherwise both parties' outcomes as
 * found: the list's answer when it has one, else the individual record, else the list's 'pending'.
 */
export function missingConsent(db: Database, studentId: string, campaignId: string | null): { student: Outcome; guardian: Outcome } | null {
  const listed = campaignId === null ? null : campaignConsent(db, studentId, campaignId);
  const party = (p: ConsentView['party'], onList: Outcome): Outcome => {
    const individual = latestConsent(db, studentId, 'testing', p)?.outcome ?? null;
    if (individual === 'given') return individual;
    return onList === 'given' || onList === 'declined' ? onList : (individual ?? onList);
  };
  const student = party('student', listed?.student ?? null);
  const guardian = party('guardian', listed?.guardian ?? null);
  return student === 'given' && guardian === 'given' ? null : { student, guardian };
}

/**
 * ETH-05 for the compliance checklist, as counts: forms of a span, and how many belong to a student
 * whose consent (individual or on the campaign's list) is not on record as given today.
 */
export function consentCoverage(db: Database, from: string, to: string): { forms: number; withoutConsent: number } {
  const forms = formsBetween(db, from, to);
  return { forms: forms.length, withoutConsent: forms.filter((f) => missingConsent(db, f.studentId, f.campaignId) !== null).length };
}
