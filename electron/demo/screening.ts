import type { CounselClient } from '../../shared/api/contract';
import type { AlertView } from '../../shared/api/assessments';
import { addDays, schoolDay } from './dates';

export interface DemoScreening {
  screened: number;
  alerts: number;
  /** Open critical alerts of the newest screening, oldest first: one becomes a crisis case. */
  openCritical: string[];
}

/**
 * A PHQ-9 total with the plausible spread of a school screening: about 62 % minimal, 24 % mild,
 * 9 % moderate, 5 % moderately severe or severe.
 */
function phqTotal(r: () => number): number {
  const x = r();
  return x < 0.62 ? Math.floor(r() * 5) : x < 0.86 ? 5 + Math.floor(r() * 5) : x < 0.95 ? 10 + Math.floor(r() * 5) : 15 + Math.floor(r() * 9);
}

/** Item codes (0–3) summing to total, spread over the items at random; `last` fixes the last item. */
function spread(r: () => number, total: number, items: number, last = 0): string[] {
  const codes = Array.from({ length: items }, () => 0);
  codes[items - 1] = last;
  let left = Math.min(total - last, (items - 1) * 3);
  while (left > 0) {
    const k = Math.floor(r() * (items - 1));
    if (codes[k]! < 3) {
      codes[k]!++;
      left--;
    }
  }
  return codes.map(String);
}

/** A paper answer sheet as the answer import reads it: 学号 then one column per item. */
const sheet = (scaleId: string, items: number, rows: [string, string[]][]) =>
  Buffer.from([['学号', ...Array.from({ length: items }, (_, k) => `${scaleId}_${k + 1}`)], ...rows.map(([no, codes]) => [no, ...codes])].map((l) => l.join(',')).join('\r\n')).toString('base64');

/**
 * One screening campaign, PHQ-9 + GAD-7 for the given grades, run as a school does it: consent
 * slips back, a few students absent, the paper answers typed into two sheets and imported (which
 * scores them and raises the alerts). Of a past campaign every alert has been followed up.
 */
export async function screeningCampaign(
  c: CounselClient,
  students: { id: string; studentNo: string; grade: number }[],
  r: () => number,
  plan: { name: string; startDate: string; past: boolean },
): Promise<DemoScreening> {
  const grades = [...new Set(students.map((s) => s.grade))].sort((a, b) => a - b);
  const date = schoolDay(plan.startDate);
  const campaign = await c.campaigns.create({ name: plan.name, scales: [{ scaleId: 'phq9' }, { scaleId: 'gad7' }], grades, startDate: date, endDate: addDays(date, 14) });
  await c.campaigns.update({ id: campaign.id, status: 'active' });
  const ids = new Set((await c.campaigns.participantIds({ id: campaign.id })).ids);
  const taking = students.filter((s) => ids.has(s.id));
  await c.campaigns.setConsent({ id: campaign.id, entries: taking.map((s) => ({ studentId: s.id, studentConsent: 'given' as const, guardianConsent: 'given' as const })) });
  const absent = taking.filter(() => r() < 0.04);
  if (absent.length) await c.campaigns.setOutcome({ id: campaign.id, studentIds: absent.map((s) => s.id), outcome: 'absent' });
  const present = taking.filter((s) => !absent.includes(s));

  const phq: [string, string[]][] = [];
  const gad: [string, string[]][] = [];
  for (const s of present) {
    const total = phqTotal(r);
    // Item 9 (thoughts of self-harm) above zero for about 3 %, mostly among the higher totals.
    const item9 = total >= 10 && r() < 0.25 ? 1 + Math.floor(r() * 2) : r() < 0.01 ? 1 : 0;
    phq.push([s.studentNo, spread(r, total, 9, Math.min(item9, total))]);
    gad.push([s.studentNo, spread(r, Math.min(21, Math.round(total * 0.7 + r() * 4)), 7, Math.floor(r() * 2))]);
  }
  const alerts: AlertView[] = [];
  for (const [scaleId, rows, items] of [['phq9', phq, 9], ['gad7', gad, 7]] as const) {
    if (!rows.length) continue;
    const done = await c.assessments.importCommit({ fileName: `${plan.name}-${scaleId}.csv`, contentBase64: sheet(scaleId, items, rows), scaleId, date, campaignId: campaign.id, acknowledgeIneligible: true });
    alerts.push(...done.alerts);
  }
  // A counselor follows alerts up within days: of a past screening every one is handled; of this
  // one the first critical alert (it becomes a crisis case) and one of each severity still wait.
  const waiting = plan.past ? [] : (['critical', 'critical', 'urgent', 'followup'] as const).map((sev, k) => alerts.filter((a) => a.severity === sev)[k === 1 ? 1 : 0]);
  const openCritical = waiting[0] ? [waiting[0].id] : [];
  for (const a of alerts) {
    if (waiting.includes(a)) continue;
    await c.alerts.acknowledge({ id: a.id, action: a.severity === 'followup' ? 'other' : r() < 0.7 ? 'talkedNow' : 'guardianInformed', note: '已面谈，纳入后续关注。' });
  }
  if (plan.past) await c.campaigns.update({ id: campaign.id, status: 'closed' });
  return { screened: present.length, alerts: alerts.length, openCritical };
}
