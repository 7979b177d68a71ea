import type { CounselClient } from '../../shared/api/contract';
import type { RunView } from '../../shared/api/compliance';
import { addDays } from './dates';

const ATTEST = ['compliant', 'compliant', 'compliant', 'partly', 'notCompliant'] as const;

/** Attests what the app cannot judge (mostly compliant, some partly, a few not), as a principal walking the checklist would. */
async function attestPending(head: CounselClient, run: RunView, r: () => number, share: number) {
  for (const item of run.items) {
    if (item.status !== 'pending' || r() > share) continue;
    const attestation = ATTEST[Math.floor(r() * ATTEST.length)]!;
    const level = item.levels.length ? item.levels[Math.min(item.levels.length - 1, Math.floor(r() * item.levels.length))]!.score : null;
    await head.compliance.attest({ runId: run.id, itemId: item.id, attestation, level, notes: attestation === 'compliant' ? '已现场查看。' : '' });
  }
}

/**
 * The principal's checklist of the first rule pack: last run signed off (with a fix task from an
 * item that failed), and a new run under way, half attested.
 */
export async function complianceRuns(head: CounselClient, r: () => number, today: string, principalName: string): Promise<number> {
  const pack = (await head.compliance.packs({})).items[0];
  if (!pack) return 0;
  const first = await head.compliance.start({ packId: pack.id });
  await attestPending(head, first, r, 1);
  const failing = (await head.compliance.get({ id: first.id })).items.find((i) => i.status === 'fail' || i.status === 'partial');
  if (failing) await head.compliance.saveTask({ runId: first.id, itemId: failing.id, title: '按要求整改并补充材料', owner: '王老师', dueDate: addDays(today, 30), status: 'inProgress' });
  await head.compliance.sign({ id: first.id, signerName: principalName, signedOn: today });
  const second = await head.compliance.start({ packId: pack.id });
  await attestPending(head, second, r, 0.5);
  return 2;
}
