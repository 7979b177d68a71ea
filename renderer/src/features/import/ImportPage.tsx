import { Alert, App, Button, Flex, Spin, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importIssue, type ImportIssue, type ImportPreview, ROSTER_IMPORT_FIELDS } from '../../../../shared/api/students';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { downloadBase64, XLSX_TYPE } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { ImportChanges } from './ImportChanges';
import { fieldKey, ImportMapping } from './ImportMapping';
import { ImportSample } from './ImportSample';
import { ImportIssueTable, issuesOfRefusal, type PickedFile, readPickedFile, SpreadsheetDropzone } from './ImportParts';
import { PageTitle } from '../../components/PageTitle';

/** The counselor's field for each column, once they changed one; the commit reads the file the same way. */
type Chosen = ((typeof ROSTER_IMPORT_FIELDS)[number] | null)[];
/** Columns holding a person's name: their cell values are masked like names elsewhere. */
const NAME_FIELDS = new Set(['name', 'guardianName']);

/**
 * Import of the school's roster spreadsheet: preview (mapping, counts, every issue),
 * and a commit that is only offered when the file has no issue at all.
 */
export function ImportPage({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [chosen, setChosen] = useState<Chosen | undefined>(undefined);
  const [busy, setBusy] = useState<'reading' | 'committing' | 'mapping' | null>(null);
  const [failure, setFailure] = useState<{ title: string; unchanged?: boolean } | null>(null);

  const pick = async (picked: File) => {
    setPreview(null);
    setFailure(null);
    setFile(null);
    setChosen(undefined);
    setBusy('reading');
    try {
      const input = await readPickedFile(picked);
      if (input === null) {
        setFailure({ title: t('import.error.tooLarge') });
        return;
      }
      setFile(input);
      setPreview(await api.students.importPreview(input));
    } catch (err) {
      setFailure({ title: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  // Nothing is written while columns are mapped: each choice is a new dry run of the whole file.
  const remap = async (fields: Chosen) => {
    if (!file) return;
    setBusy('mapping');
    setFailure(null);
    try {
      setPreview(await api.students.importPreview({ ...file, mapping: fields }));
      setChosen(fields);
    } catch (err) {
      setFailure({ title: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy('committing');
    setFailure(null);
    try {
      const done = await api.students.importCommit(chosen ? { ...file, mapping: chosen } : file);
      void message.success(t('import.done', done));
      onClose();
    } catch (err) {
      const issues = issuesOfRefusal(err, importIssue);
      if (preview && issues.length > 0) setPreview({ ...preview, issues });
      setFailure({ title: errorMessage(err), unchanged: true });
    } finally {
      setBusy(null);
    }
  };

  const downloadTemplate = async () => {
    try {
      const file = await api.students.importTemplate({});
      downloadBase64(file.filename, file.base64, XLSX_TYPE);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const blocked = !preview || preview.issues.length > 0 || preview.validRows === 0;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <PageTitle>
          {t('import.title')}
        </PageTitle>
        <Flex gap="small">
          <Button onClick={() => void downloadTemplate()}>{t('import.template')}</Button>
          <Button onClick={onClose}>{t('import.back')}</Button>
        </Flex>
      </Flex>
      <SpreadsheetDropzone title={t('import.pick')} hint={t('import.pickHint')} disabled={busy !== null} onFile={(picked) => void pick(picked)} />
      {busy === 'reading' && <Spin description={t('import.reading')} />}
      {failure && (
        <Alert type="error" showIcon role="alert" title={failure.title} description={failure.unchanged ? t('import.commitFailed') : undefined} />
      )}
      {preview && file && (
        <PreviewResult
          preview={preview}
          fileName={file.fileName}
          blocked={blocked || busy !== null}
          committing={busy === 'committing'}
          onCommit={() => void commit()}
          onMap={(fields) => void remap(fields)}
        />
      )}
    </Flex>
  );
}

function PreviewResult({ preview, fileName, blocked, committing, onCommit, onMap }: {
  preview: ImportPreview;
  fileName: string;
  blocked: boolean;
  committing: boolean;
  onCommit(): void;
  onMap(fields: Chosen): void;
}) {
  const { t } = useTranslation();
  const shown = useShownName();
  const fieldOfColumn = new Map(preview.mapping.map((m) => [m.column, m.field]));
  const reasonLabel = ({ reason, params }: ImportIssue) => t(reason.startsWith('import.') ? reason : `import.reason.${reason}`, { ...params, defaultValue: reason });
  const issueValue = (issue: ImportIssue) => (NAME_FIELDS.has(fieldOfColumn.get(issue.column) ?? '') ? shown(issue.value) : issue.value);

  return (
    <Flex vertical gap="middle">
      <Typography.Text type="secondary">{t('import.file', { name: fileName })}</Typography.Text>
      <ImportMapping
        mapping={preview.mapping}
        remembered={preview.remembered}
        fields={ROSTER_IMPORT_FIELDS}
        label={(field) => t(fieldKey(field), { defaultValue: field })}
        disabled={committing}
        onChange={onMap}
      />
      <Flex gap={48} wrap>
        <Statistic title={t('import.counts.total')} value={preview.totalRows} />
        <Statistic title={t('import.counts.valid')} value={preview.validRows} />
        <Statistic title={t('import.counts.creates')} value={preview.creates} />
        <Statistic title={t('import.counts.updates')} value={preview.updates} />
      </Flex>
      <ImportSample preview={preview} />
      <ImportChanges preview={preview} />
      {preview.issues.length === 0 ? (
        <Alert type="success" showIcon title={t('import.noIssues')} />
      ) : (
        <ImportIssueTable issues={preview.issues} value={issueValue} reason={reasonLabel} />
      )}
      <div>
        <Button type="primary" disabled={blocked} loading={committing} onClick={onCommit}>
          {t('import.commit')}
        </Button>
      </div>
    </Flex>
  );
}
