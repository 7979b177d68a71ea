import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ConsentView } from '../../../shared/api/contacts';
import { stmt } from '../../db/statements';
import { latestConsent } from '../counseling/contacts';

type Outcome = string | null;

function campaignConsent(db: Database, studentId: string, campaignId: string): { student: Outcome; guardian: Outcome } | null {
  return (
    (stmt(db, 'SELECT student_consent AS student, guardian_consent AS guardian FROM campaign_participants WHERE campaign_id = ? AND student_id = ?').get(
      campaignId,
      studentId,
    ) as { student: string; guardian: string } | undefined) ?? null
  );
}

/** Each party's outcome from the campaign list's answer and the latest individual record (see missingConsent). */
function decide(listed: { student: Outcome; guardian: Outcome } | null, individual: { student: Outcome; guardian: Outcome }): { student: Outcome; guardian: Outcome } | null {
  const party = (p: ConsentView['party']): Outcome => {
    const onList = listed?.[p] ?? null;
    if (individual[p] === 'given') return individual[p];
    return onList === 'given' || onList === 'declined' ? onList : (individual[p] ?? onList);
  };
  const student = party('student');
  const guardian = party('guardian');
  return student === 'given' && guardian === 'given' ? null : { student, guardian };
}

/**
 * Guide ETH-05/06: testing needs the student's and a guardian's consent given. Each party's consent
 * counts when its latest individual record says so or when the campaign's consent list does (a slip
 * returned for the screening). Null when testing is allowed; otherwise both parties' outcomes as
 * found: the list's answer when it has one, else the individual record, else the list's 'pending'.
 */
export function missingConsent(db: Database, studentId: string, campaignId: string | null): { student: Outcome; guardian: Outcome } | null {
  const latest = (p: ConsentView['party']) => latestConsent(db, studentId, 'testing', p)?.outcome ?? null;
  return decide(campaignId === null ? null : campaignConsent(db, studentId, campaignId), { student: latest('student'), guardian: latest('guardian') });
}

/** The latest individual testing consent of a party, as a correlated subquery on consents_student's order. */
const latestOf = (party: ConsentView['party']) =>
  `(SELECT outcome FROM consents c WHERE c.student_id = f.student_id AND c.scope = 'testing' AND c.party = '${party}' ORDER BY c.consent_date DESC, c.rowid DESC LIMIT 1)`;

/**
 * ETH-05 for the compliance checklist, as counts: forms of a span, and how many belong to a student
 * whose consent (individual or on the campaign's list) is not on record as given today. The answer
 * depends only on the student and the campaign, so each such pair is decided once, its outcomes read
 * in one statement (a year of a large school has thousands of forms: three lookups each took 0.2 s).
 */
export function consentCoverage(db: Database, from: string, to: string): { forms: number; withoutConsent: number } {
  const pairs = stmt(
    db,
    `SELECT f.forms, p.student_consent AS listedStudent, p.guardian_consent AS listedGuardian, p.campaign_id IS NOT NULL AS listed,
            ${latestOf('student')} AS student, ${latestOf('guardian')} AS guardian
     FROM (SELECT student_id, campaign_id, count(*) AS forms FROM forms
           WHERE status <> 'voided' AND derived_from IS NULL AND date BETWEEN ? AND ? GROUP BY student_id, campaign_id) f
     LEFT JOIN campaign_participants p ON p.campaign_id = f.campaign_id AND p.student_id = f.student_id`,
  ).all(from, to) as { forms: number; listedStudent: Outcome; listedGuardian: Outcome; listed: number; student: Outcome; guardian: Outcome }[];
  let forms = 0;
  let withoutConsent = 0;
  for (const r of pairs) {
    forms += r.forms;
    if (decide(r.listed ? { student: r.listedStudent, guardian: r.listedGuardian } : null, r) !== null) withoutConsent += r.forms;
  }
  return { forms, withoutConsent };
}
