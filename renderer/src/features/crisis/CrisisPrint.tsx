import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { usePrintOnMount } from '../../components/usePrintOnMount';
import { useFormatInstant } from '../../lib/time';
import { stepShown, useEntryLines, useTierName } from './labels';

/**
 * The crisis case as printed for a referral partner, through the archive's print path (its print
 * stylesheet shows only this view while mounted): the school, the student by name (the export was
 * confirmed), the six steps with their state and every entry in full.
 */
export function CrisisPrint({ exported, onDone }: { exported: OutputOf<'crisis.referralExport'>; onDone(): void }) {
  const { t } = useTranslation();
  const format = useFormatInstant();
  const lines = useEntryLines();
  const tierName = useTierName();
  usePrintOnMount(onDone);
  const k = exported.crisis;
  return createPortal(
    <div className="archive-print" data-testid="crisis-print">
      <h1>{t('crisis.case.printTitle')}</h1>
      <p>{t('crisis.case.printMeta', { school: exported.schoolName, at: format(exported.exportedAt, 'YYYY-MM-DD HH:mm') })}</p>
      <p>
        {k.studentName} · {t(`domain.grade.${k.grade}`)}
        {k.className} · {tierName(k.tier)} · {t(`crisis.status.${k.status}`)} · {t('crisis.fields.openedOn')} {k.openedOn}
      </p>
      <p>{k.reason}</p>
      <table className="archive-table">
        <thead>
          <tr>
            <th>{t('crisis.fields.step')}</th>
            <th>{t('crisis.fields.status')}</th>
            <th>{t('crisis.fields.date')}</th>
            <th>{t('counseling.archive.details')}</th>
          </tr>
        </thead>
        <tbody>
          {k.steps.flatMap((s) => [
            <tr key={s.step}>
              <td>{t(`crisis.step.${s.step}`)}</td>
              <td>{t(`crisis.stepState.${stepShown(s)}`)}</td>
              <td>{s.doneOn ?? s.dueOn}</td>
              <td>{s.stateReason}</td>
            </tr>,
            ...k.entries
              .filter((e) => e.step === s.step)
              .map((e) => (
                <tr key={e.id}>
                  <td />
                  <td>{t(`crisis.entryKind.${e.kind}`)}</td>
                  <td>{e.date}</td>
                  <td style={{ whiteSpace: 'pre-wrap' }}>{lines(e).join('\n')}</td>
                </tr>
              )),
          ])}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
