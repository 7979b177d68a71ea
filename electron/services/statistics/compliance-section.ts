import { latestSignedReport } from '../compliance/runs';
import type { SectionProvider } from './sections';

const STATUS_ROWS = ['pass', 'partial', 'fail', 'notApplicable', 'pending'] as const;

/**
 * The room-compliance checklist signed last by the period's end: its score and how many items
 * stood where, and the fix items still open. Items and points, not children: printed as they are.
 * No signed checklist, no rows.
 */
export const compliance: SectionProvider = {
  id: 'compliance',
  tables(db, { period }) {
    const report = latestSignedReport(db, period.to);
    const rows = report ? ['percent', 'earned', 'possible', ...STATUS_ROWS, 'openTasks'] : [];
    const values = report
      ? [report.score.percent ?? 0, report.score.earned, report.score.possible, ...STATUS_ROWS.map((s) => report.score.counts[s]), report.openTasks.length]
      : [];
    return [
      {
        id: 'compliance.latest', section: 'compliance', unit: 'score', exempt: true, colTotals: false, rowTotals: false, rowsAdd: false,
        rows, cols: ['value'], cells: values.map((v) => [v]), noFigure: report && report.score.percent === null ? [[0, 0]] : [],
      },
    ];
  },
};
