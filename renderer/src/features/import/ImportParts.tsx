import { Table, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { fileToBase64 } from '../../lib/base64';
import { validationDetails } from '../../lib/errors';
import { usePageArrows } from '../../components/usePageArrows';

/** The pieces every spreadsheet import shares: picking the file, and the table of what is wrong with it. */

/** The core refuses files above 8 MiB; checking first saves reading a file it would refuse. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const ACCEPT = '.xlsx,.csv';

export interface PickedFile {
  fileName: string;
  contentBase64: string;
}

/** A picked file as an import method takes it; null when it is larger than the core accepts. */
export async function readPickedFile(picked: File): Promise<PickedFile | null> {
  if (picked.size > MAX_FILE_BYTES) return null;
  return { fileName: picked.name, contentBase64: await fileToBase64(picked) };
}

/** `accept` narrows the picker to other files than spreadsheets (a scale definition's .json). */
export function SpreadsheetDropzone({ title, hint, disabled, accept = ACCEPT, onFile }: { title: string; hint: string; disabled: boolean; accept?: string; onFile(file: File): void }) {
  return (
    <Upload.Dragger
      accept={accept}
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(picked) => {
        onFile(picked);
        // Nothing is uploaded anywhere: the bytes go to the core through the client.
        return false;
      }}
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {title}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Upload.Dragger>
  );
}

interface IssueLike {
  row: number;
  column: string;
  value: string;
  reason: string;
  studentNo?: string | undefined;
  name?: string | undefined;
}

/** 学号 · 姓名 of the row, as far as the file (or the roster) tells; a header issue has neither. */
const rowStudent = (i: IssueLike) => [i.studentNo, i.name].filter((part) => part !== undefined && part !== '').join(' · ');

/** Every issue of the file, by sheet row, with the cell as written and the reason in words. */
export function ImportIssueTable<I extends IssueLike>({ issues, reason, value = (i) => i.value }: { issues: I[]; reason(i: I): ReactNode; value?(i: I): ReactNode }) {
  const { t } = useTranslation();
  const pageArrows = usePageArrows();
  return (
    <Table<I>
      size="small"
      title={() => <Typography.Text type="danger">{t('import.issues', { count: issues.length })}</Typography.Text>}
      rowKey={(i) => `${i.row}|${i.column}|${i.reason}`}
      dataSource={issues}
      pagination={{ ...pageArrows, pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      columns={[
        { key: 'row', title: t('import.issueRow'), dataIndex: 'row', width: 80 },
        { key: 'student', title: t('import.issueStudent'), render: (_v, i) => rowStudent(i) },
        { key: 'column', title: t('import.issueColumn'), dataIndex: 'column' },
        { key: 'value', title: t('import.issueValue'), render: (_v, i) => value(i) },
        { key: 'reason', title: t('import.issueReason'), render: (_v, i) => reason(i) },
      ]}
      footer={() => t('import.fixFirst')}
    />
  );
}

/** A refused commit re-checks the file: its VALIDATION details are the preview's issues again. */
export function issuesOfRefusal<I>(err: unknown, issue: ZodType<I>): I[] {
  return validationDetails(err).flatMap((d) => {
    const parsed = issue.safeParse(d);
    return parsed.success ? [parsed.data] : [];
  });
}
