import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { PrintPageStyle } from '../../components/PrintPageStyle';
import { usePrintOnMount } from '../../components/usePrintOnMount';
import { useFormatInstant, useSchoolZone } from '../../lib/time';
import { AddendumList } from '../records/AddendumList';
import { DisclosureList } from '../records/DisclosureList';
import { RecordDetails } from '../records/RecordDetails';
import { entryTime } from './timelineTags';
import { useEntryLabels } from './useEntryLabels';

export type PrintableArchive = OutputOf<'archive.recordExport'>;
type PrintedEntry = PrintableArchive['entries'][number];

/**
 * The archive as window.print() puts it on paper for a referral: the school, the student by name
 * (the export was confirmed), every entry with its whole text, every record in full with its
 * disclosures and addenda; 保密 and the page number on every page. It lives under <body> so the print
 * stylesheet can hide the app; it is only mounted for the print and removed after.
 */
export function ArchivePrint({ archive, onDone }: { archive: PrintableArchive; onDone(): void }) {
  const { t } = useTranslation();
  const format = useFormatInstant();
  const zone = useSchoolZone();
  const entryLabels = useEntryLabels();
  usePrintOnMount(onDone);
  const { student } = archive;

  const content = (e: PrintedEntry) => {
    const { labels } = entryLabels(e);
    const text = e.kind === 'alertHandled' && e.text !== '' ? t('counseling.export.handlingNote', { note: e.text }) : e.kind === 'consent' && e.text !== '' ? t('counseling.export.consentNote', { note: e.text }) : e.text;
    return [labels.join(' · '), text].filter((x) => x !== '').join('\n');
  };

  return createPortal(
    <div className="archive-print" data-testid="archive-print">
      <PrintPageStyle corner={t('counseling.export.confidential')} pageLabel={(page) => t('counseling.export.page', { page })} />
      <h1>{t('counseling.export.heading')}</h1>
      <p>{t('counseling.export.school', { name: archive.schoolName })}</p>
      <p>{t('counseling.export.student', { name: student.name, studentNo: student.studentNo, grade: t(`domain.grade.${student.grade}`), className: student.className })}</p>
      <p>
        {t('counseling.export.exportedAt', { time: format(archive.exportedAt, 'YYYY-MM-DD HH:mm') })} · {t('counseling.export.purpose')}
      </p>
      <p>{t('counseling.export.confidential')}</p>
      <h2>{t('counseling.export.timelineTitle')}</h2>
      <table className="archive-table">
        <thead>
          <tr>
            <th>{t('counseling.archive.date')}</th>
            <th>{t('counseling.archive.time')}</th>
            <th>{t('counseling.archive.kind')}</th>
            <th>{t('counseling.archive.details')}</th>
            <th>{t('counseling.archive.actor')}</th>
          </tr>
        </thead>
        <tbody>
          {archive.entries.map((e) => (
            <tr key={`${e.kind}:${e.id}`}>
              <td>{e.date}</td>
              <td>{entryTime(e, zone)}</td>
              <td>{entryLabels(e).kind}</td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{content(e)}</td>
              <td>{e.actorName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {archive.records.length > 0 ? <h2>{t('counseling.export.recordsTitle')}</h2> : null}
      {archive.records.map((r) => (
        <section key={r.id}>
          <h3>{t('counseling.export.recordHeading', { date: [r.sessionDate, r.startTime].filter(Boolean).join(' ') })}</h3>
          <p>{r.signedAt ? t('counseling.export.signedAt', { time: format(r.signedAt, 'YYYY-MM-DD HH:mm') }) : t('counseling.export.notSigned')}</p>
          <RecordDetails record={r} />
          {r.disclosures.length > 0 && <DisclosureList recordId={r.id} disclosures={r.disclosures} />}
          <AddendumList addenda={r.addenda} />
        </section>
      ))}
    </div>,
    document.body,
  );
}
