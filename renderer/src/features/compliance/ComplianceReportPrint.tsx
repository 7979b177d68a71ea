import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { RunView } from '../../../../shared/api/compliance';
import { PrintPageStyle } from '../../components/PrintPageStyle';
import { usePrintOnMount } from '../../components/usePrintOnMount';
import { useComplianceLabels } from './labels';

/**
 * 达标自查报告 on A4: school, date, pack and version, score and grade, every item with its result and
 * the figure or evidence it rests on, the fix list and the sign-off. Mounted only for window.print(),
 * printed the way the archive export is (the page shows nothing else while it is mounted).
 */
export function ComplianceReportPrint({ run, onDone }: { run: RunView; onDone(): void }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  usePrintOnMount(onDone);
  const tasks = run.items.flatMap((i) => i.tasks);
  const score = run.score.percent === null ? t('compliance.run.noScore') : t('compliance.run.scoreValue', { percent: run.score.percent });
  return createPortal(
    <div className="archive-print compliance-print" data-testid="compliance-print">
      <PrintPageStyle corner={t('compliance.report.confidential')} pageLabel={(page) => t('compliance.report.page', { page })} />
      <h1>{t('compliance.report.title')}</h1>
      <table>
        <tbody>
          <tr>
            <th>{t('compliance.report.school')}</th>
            <td>{run.school}</td>
            <th>{t('compliance.report.date')}</th>
            <td>{run.asOf}</td>
          </tr>
          <tr>
            <th>{t('compliance.report.pack')}</th>
            <td colSpan={3}>
              {labels.text(run.pack.title)} · {t('compliance.pack.version', { version: run.packVersion })} · {labels.text(run.pack.issuer)}
              {run.pack.status === 'provisional' && ` · ${t('compliance.pack.provisional')}`}
            </td>
          </tr>
          <tr>
            <th>{t('compliance.report.score')}</th>
            <td data-testid="compliance-print-score">{score}</td>
            <th>{t('compliance.report.grade')}</th>
            <td>{run.score.grade ? labels.text(run.score.grade) : '—'}</td>
          </tr>
          <tr>
            <td colSpan={4}>{t('compliance.run.counts', run.score.counts)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('compliance.report.items')}</h2>
      <table className="compliance-print-items">
        <thead>
          <tr>
            <th>{t('compliance.task.item')}</th>
            <th>{t('compliance.item.requirement')}</th>
            <th>{t('compliance.item.source')}</th>
            <th>{t('compliance.item.result')}</th>
            <th>{t('compliance.item.figure')}</th>
          </tr>
        </thead>
        <tbody>
          {run.items.map((i) => (
            <tr key={i.id}>
              <td>{i.id}</td>
              <td>
                {labels.text(i.text)}
                {i.threshold && t('common.bracketed', { note: labels.threshold(i.threshold) })}
                {i.provisional && t('common.bracketed', { note: t('compliance.pack.provisional') })}
              </td>
              <td>
                {i.source.docNo || i.source.title} {i.source.clause}
              </td>
              <td>{t(`compliance.status.${i.status}`)}</td>
              <td>
                {i.auto && i.auto.status !== 'manual' ? t('common.noted', { text: labels.figure(i.auto), note: labels.source(i.auto) }) : i.attestation ? t(`compliance.attestation.${i.attestation}`) : ''}
                {i.reason && ` ${i.reason}`}
                {i.notes && ` ${i.notes}`}
                {i.evidence.length > 0 && ` ${t('compliance.report.evidenceCount', { count: i.evidence.length })}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section>
        <h2>{t('compliance.task.title')}</h2>
        {tasks.length === 0 ? (
          <p>{t('compliance.task.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('compliance.task.item')}</th>
                <th>{t('compliance.task.name')}</th>
                <th>{t('compliance.task.owner')}</th>
                <th>{t('compliance.task.dueDate')}</th>
                <th>{t('compliance.task.status')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id}>
                  <td>{task.itemId}</td>
                  <td>{task.title}</td>
                  <td>{task.owner}</td>
                  <td>{task.dueDate}</td>
                  <td>
                    {t(`compliance.task.statuses.${task.status}`)}
                    {task.fixed !== null && ` · ${t(task.fixed ? 'compliance.task.fixed' : 'compliance.task.notFixed')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>{t('compliance.report.signature')}</h2>
        <p>{run.signed ? t('compliance.sign.by', { name: run.signed.name, date: run.signed.on }) : t('compliance.report.unsigned')}</p>
      </section>
    </div>,
    document.body,
  );
}
