import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import type { TimelineEntry } from '../../../../shared/api/archive';
import type { RecordView } from '../../../../shared/api/records';
import { usePrintOnMount } from '../../components/usePrintOnMount';
import { useCodeLabels } from '../../lib/codeLabels';
import { useFormatInstant, useSchoolToday } from '../../lib/time';
import { AddendumList } from '../records/AddendumList';
import { DisclosureList } from '../records/DisclosureList';
import { RecordDetails } from '../records/RecordDetails';

export interface PrintableArchive {
  student: OutputOf<'archive.timeline'>['student'];
  entries: TimelineEntry[];
  records: RecordView[];
}

/**
 * The archive as window.print() puts it on paper: real names (the export was confirmed for a
 * referral), every record in full with its disclosures and addenda. It lives under <body> so
 * the print stylesheet can hide the app; it is only mounted for the print and removed after.
 */
export function ArchivePrint({ archive, onDone }: { archive: PrintableArchive; onDone(): void }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const today = useSchoolToday();
  const format = useFormatInstant();
  usePrintOnMount(onDone);
  const { student } = archive;
  return createPortal(
    <div className="archive-print" data-testid="archive-print">
      <h1>{t('counseling.export.heading')}</h1>
      <p>
        {student.name} · {student.studentNo} · {t(`domain.grade.${student.grade}`)} {student.className}
      </p>
      <p>{t('counseling.export.printed', { date: today })}</p>
      <p>{t('counseling.export.confidential')}</p>
      <table>
        <tbody>
          {archive.entries.map((e) => (
            <tr key={`${e.kind}:${e.id}`}>
              <td>{e.date}</td>
              <td>{codes.label('timeline', e.kind)}</td>
              <td>{e.excerpt}</td>
              <td>{e.actorName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {archive.records.map((r) => (
        <section key={r.id}>
          <h2>
            {t('counseling.records.title')} · {r.sessionDate} · {r.signedAt ? format(r.signedAt) : t('counseling.archive.unsigned')}
          </h2>
          <RecordDetails record={r} />
          {r.disclosures.length > 0 && <DisclosureList recordId={r.id} disclosures={r.disclosures} />}
          <AddendumList addenda={r.addenda} />
        </section>
      ))}
    </div>,
    document.body,
  );
}
