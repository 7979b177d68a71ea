import { CRISIS_STEPS, CRISIS_TIERS, median } from '../../../shared/domain/crisis';
import { CRISIS_STATUSES, casesByTier, firstInterventionDays, referralCounts, STEP_OUTCOMES, stepOutcomes } from '../crisis/figures';
import type { SectionProvider } from './sections';

const withTotal = (parts: number[]) => [parts.reduce((a, b) => a + b, 0), ...parts];

/** A case's status as a column code of its own: `open` already heads the alerts' 未处理 column. */
const statusCol = (s: string) => `case${s[0]!.toUpperCase()}${s.slice(1)}`;

const REFERRAL_COLS = ['referred', 'followedUp', 'awaiting', 'unanswered', 'feedback'] as const;

/**
 * Crisis work in the period: cases opened by tier and where they stand, the six steps due in the
 * period and how each turned out, referrals and their follow-up (counts of children, suppressed
 * with the rest), and the median days from a screening alert to the first intervention, printed
 * only when at least k cases stand behind it.
 */
export const crisis: SectionProvider = {
  id: 'crisis',
  tables(db, { period, k, today }) {
    const byTier = casesByTier(db, period);
    const steps = stepOutcomes(db, period, today);
    const referrals = referralCounts(db, period, today);
    const days = firstInterventionDays(db, period);
    const med = median(days);
    const tooFew = med === null || (k !== null && days.length < k);
    return [
      {
        id: 'crisis.byTier', section: 'crisis', unit: 'people', colTotals: true, rowTotals: true, rowsAdd: true,
        rows: [...CRISIS_TIERS], cols: CRISIS_STATUSES.map(statusCol), cells: CRISIS_TIERS.map((t) => CRISIS_STATUSES.map((s) => byTier[t][s])),
      },
      {
        // Due = the five outcomes; the outcomes do not add up to anything else.
        id: 'crisis.steps', section: 'crisis', unit: 'people', colTotals: true, rowTotals: false, rowsAdd: false,
        rows: [...CRISIS_STEPS], cols: ['due', ...STEP_OUTCOMES],
        cells: CRISIS_STEPS.map((s) => withTotal(STEP_OUTCOMES.map((x) => steps[s][x]))),
        rowSums: [{ total: 0, parts: [1, 2, 3, 4, 5] }],
      },
      {
        id: 'crisis.referrals', section: 'crisis', unit: 'people', colTotals: false, rowTotals: false, rowsAdd: false,
        rows: ['referrals'], cols: [...REFERRAL_COLS], cells: [REFERRAL_COLS.map((c) => referrals[c])],
        rowSums: [{ total: 0, parts: [1, 2, 3] }],
      },
      {
        id: 'crisis.response', section: 'crisis', unit: 'days', exempt: true, colTotals: false, rowTotals: false, rowsAdd: false,
        rows: ['firstIntervention'], cols: ['medianDays'], cells: [[med ?? 0]], noFigure: tooFew ? [[0, 0]] : [],
      },
    ];
  },
};
