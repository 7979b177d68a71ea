import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { ArchivePrint, type PrintableArchive } from './ArchivePrint';

/**
 * 导出 PDF for a referral: confirm (the copy carries the student's name), fetch the whole archive in
 * one audited call, then the print view; in Electron the print dialog offers 另存为 PDF.
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
      // One audited call returns exactly what is printed.
      setPrintable(await api.archive.recordExport({ studentId: student.id, purpose: 'referral', confirmed: true }));
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
