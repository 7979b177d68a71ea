import { Alert, App, Button, Flex, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importIssue, type ImportIssue, type ImportPreview } from '../../../../shared/api/students';
import { api } from '../../api/client';
import { useShownName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { ImportIssueTable, issuesOfRefusal, type PickedFile, readPickedFile, SpreadsheetDropzone } from './ImportParts';
import { PageTitle } from '../../components/PageTitle';
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
  const [busy, setBusy] = useState<'reading' | 'committing' | null>(null);
  const [failure, setFailure] = useState<{ title: string; unchanged?: boolean } | null>(null);

  const pick = async (picked: File) => {
    setPreview(null);
    setFailure(null);
    setFile(null);
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

  const commit = async () => {
    if (!file) return;
    setBusy('committing');
    setFailure(null);
    try {
      const done = await api.students.importCommit(file);
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

  const blocked = !preview || preview.issues.length > 0 || preview.validRows === 0;

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <PageTitle>
          {t('import.title')}
        </PageTitle>
        <Button onClick={onClose}>{t('import.back')}</Button>
      </Flex>
      <SpreadsheetDropzone title={t('import.pick')} hint={t('import.pickHint')} disabled={busy !== null} onFile={(picked) => void pick(picked)} />
      {busy === 'reading' && <Spin description={t('import.reading')} />}
      {failure && (
        <Alert type="error" showIcon role="alert" title={failure.title} description={failure.unchanged ? t('import.commitFailed') : undefined} />
      )}
      {preview && file && (
        <PreviewResult preview={preview} fileName={file.fileName} blocked={blocked} committing={busy === 'committing'} onCommit={() => void commit()} />
      )}
    </Flex>
  );
}

function PreviewResult({ preview, fileName, blocked, committing, onCommit }: {
  preview: ImportPreview;
  fileName: string;
  blocked: boolean;
  committing: boolean;
  onCommit(): void;
}) {
  const { t } = useTranslation();
  const shown = useShownName();
  const fieldOfColumn = new Map(preview.mapping.map((m) => [m.column, m.field]));
  const fieldLabel = (field: string | null) => (field === null ? t('import.ignored') : t(fieldKey(field), { defaultValue: field }));
  const reasonLabel = ({ reason, params }: ImportIssue) => t(reason.startsWith('import.') ? reason : `import.reason.${reason}`, { ...params, defaultValue: reason });
  const issueValue = (issue: ImportIssue) => (NAME_FIELDS.has(fieldOfColumn.get(issue.column) ?? '') ? shown(issue.value) : issue.value);

  return (
    <Flex vertical gap="middle">
      <Typography.Text type="secondary">{t('import.file', { name: fileName })}</Typography.Text>
      <Flex gap={48} wrap>
        <Statistic title={t('import.counts.total')} value={preview.totalRows} />
        <Statistic title={t('import.counts.valid')} value={preview.validRows} />
        <Statistic title={t('import.counts.creates')} value={preview.creates} />
        <Statistic title={t('import.counts.updates')} value={preview.updates} />
      </Flex>
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
      <Flex vertical gap="small">
        <Typography.Text strong>{t('import.mapping')}</Typography.Text>
        <Flex wrap gap="small" role="list" aria-label={t('import.mapping')}>
          {preview.mapping.map((m) => (
            <Tag key={m.column} role="listitem" color={m.field === null ? undefined : 'cyan'}>
              {t('import.columnToField', { column: m.column, field: fieldLabel(m.field) })}
            </Tag>
          ))}
        </Flex>
      </Flex>
    </Flex>
  );
}

/** Import columns name student fields, or one guardian's (guardianName → student.guardian.name). */
function fieldKey(field: string): string {
  const guardian = /^guardian([A-Z])(.*)$/.exec(field);
  return guardian ? `student.guardian.${guardian[1]!.toLowerCase()}${guardian[2]}` : `student.fields.${field}`;
}
