import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { StatReport } from '../../../../shared/api/statistics';
import { PrintPageStyle } from '../../components/PrintPageStyle';
import { usePrintOnMount } from '../../components/usePrintOnMount';
import { useStatLabels } from './StatTableView';

/**
 * 统计报表 on A4 (print, or save as PDF): the school, the period and k, then every table as it leaves
 * the screen, suppressed. Mounted only for window.print(), like the archive's and the checklist's prints.
 */
export function StatisticsPrint({ report, school, onDone }: { report: StatReport; school: string; onDone(): void }) {
  const { t } = useTranslation();
  const labels = useStatLabels();
  usePrintOnMount(onDone);
  const fig = (n: number | null | undefined) => (n === null ? t('statistics.withheld') : (n ?? ''));
  return createPortal(
    <div className="archive-print statistics-print" data-testid="statistics-print">
      <PrintPageStyle corner={t('compliance.report.confidential')} pageLabel={(page) => t('compliance.report.page', { page })} />
      <h1>{t('statistics.printTitle', { school })}</h1>
      <p>
        {t('common.labelled', { label: t('statistics.period'), value: `${report.from} – ${report.to}` })}
        {report.k !== null && ` ${t('statistics.kHelp', { k: report.k })}`}
      </p>
      {report.sections.map((section) => (
        <section key={section}>
          <h2>{t(`statistics.sections.${section}`)}</h2>
          {report.tables
            .filter((tb) => tb.section === section)
            .map((tb) => (
              <table key={tb.id} data-table={tb.id}>
                <caption>{labels.table(tb.id)}</caption>
                <thead>
                  <tr>
                    <th />
                    {tb.cols.map((c) => (
                      <th key={c}>{labels.col(c)}</th>
                    ))}
                    {tb.rowTotals && <th>{t('statistics.total')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {tb.rows.map((r, i) => (
                    <tr key={r}>
                      <th>{labels.row(r)}</th>
                      {tb.cells[i]!.map((n, c) => (
                        <td key={c}>{fig(n)}</td>
                      ))}
                      {tb.rowTotals && <td>{fig(tb.rowTotals[i])}</td>}
                    </tr>
                  ))}
                  {tb.rows.length === 0 && (
                    <tr>
                      <td colSpan={tb.cols.length + 1}>{t('statistics.empty')}</td>
                    </tr>
                  )}
                  {tb.colTotals && tb.rows.length > 0 && (
                    <tr>
                      <th>{t('statistics.total')}</th>
                      {tb.colTotals.map((n, c) => (
                        <td key={c}>{fig(n)}</td>
                      ))}
                      {tb.rowTotals && <td>{fig(tb.total)}</td>}
                    </tr>
                  )}
                </tbody>
              </table>
            ))}
        </section>
      ))}
    </div>,
    document.body,
  );
}
