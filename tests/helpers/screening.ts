import type { CounselClient, InputOf } from '../../shared/api/contract';

/** Both parties' testing consent, as the consent gate asks before a form (guide ETH-05/06). */
export async function consentToTesting(client: CounselClient, studentId: string, date = '2025-03-01'): Promise<void> {
  for (const party of ['student', 'guardian'] as const) {
    await client.consents.record({ studentId, scope: 'testing', party, outcome: 'given', date, form: 'written' });
  }
}

/** A PHQ-9 answered item by item (codes for items 1–9) and finished, as paper entry would do it. */
export async function completePhq9(
  client: CounselClient,
  start: Omit<InputOf<'assessments.start'>, 'scaleId' | 'mode'>,
  codes: readonly string[],
) {
  const form = await client.assessments.start({ ...start, scaleId: 'phq9', mode: 'paper', acknowledgeIneligible: true });
  for (const [i, code] of codes.entries()) await client.assessments.answer({ formId: form.id, itemId: `phq9_${i + 1}`, code });
  return client.assessments.finish({ formId: form.id });
}

/** Nine answers that sum to `total` (0–27), item 9 (the critical item) left at 0 unless `item9` says otherwise. */
export function phq9Codes(total: number, item9 = 0): string[] {
  let left = total - item9;
  const codes = Array.from({ length: 8 }, () => {
    const score = Math.min(3, left);
    left -= score;
    return String(score);
  });
  return [...codes, String(item9)];
}
