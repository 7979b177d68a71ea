import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/api/archive';
import type { RecordView } from '../../../../shared/api/records';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { ArchivePrint, type PrintableArchive } from './ArchivePrint';

/** Every entry of the archive, oldest first: the printed copy is read top to bottom. */
async function fullArchive(studentId: string): Promise<PrintableArchive> {
  const entries: TimelineEntry[] = [];
  let student: PrintableArchive['student'] | undefined;
  for (let page = 1; ; page++) {
    const res = await api.archive.timeline({ studentId, order: 'asc', page, pageSize: 200 });
    student = res.student;
    entries.push(...res.items);
    if (entries.length >= res.total || res.items.length === 0) break;
  }
  const recordIds = [...new Set(entries.filter((e) => e.kind === 'record').map((e) => e.id))];
  const records: RecordView[] = [];
  for (const id of recordIds) records.push(await api.records.get({ id }));
  return { student: student!, entries, records };
}

/**
 * 导出 PDF for a referral: confirm (the copy carries the student's name), gather the full
 * records, then the print view; in Electron the print dialog offers 另存为 PDF.
 */
export function ExportArchiveButton({ student }: { student: { id: string } }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [printable, setPrintable] = useState<PrintableArchive | null>(null);

  const exportPdf = async () => {
    const confirmed = await modal.confirm({ title: t('counseling.export.confirmTitle'), content: t('counseling.export.confirmBody'), okText: t('common.ok'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    setBusy(true);
    try {
      // The export itself is an audited event, before any full text is gathered.
      await api.archive.recordExport({ studentId: student.id, purpose: 'referral', confirmed: true });
      setPrintable(await fullArchive(student.id));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button loading={busy} onClick={() => void exportPdf()}>
        {t('counseling.export.action')}
      </Button>
      {printable && <ArchivePrint archive={printable} onDone={() => setPrintable(null)} />}
    </>
  );
}
