import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, List, Modal, Select, Spin, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerImportIssue, type AnswerImportIssue, type AnswerImportPreview } from '../../../../shared/api/assessments';
import type { OutputOf } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { downloadBase64, XLSX_TYPE } from '../../lib/download';
import { errorMessage, validationDetails } from '../../lib/errors';
import { dateProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { ImportMapping } from '../import/ImportMapping';
import { ImportIssueTable, type PickedFile, readPickedFile, SpreadsheetDropzone } from '../import/ImportParts';
import { useScales } from './scaleLabels';
import { itemNumbers, useScaleDefinition } from './useScaleDefinition';

export interface AnswerImportButtonProps {
  /** Given from a campaign: its consent list counts, its pinned versions are used, and its triage is fed. */
  campaignId?: string;
  /** The scales to offer (a campaign's); all the archive knows when left out. */
  scaleIds?: readonly string[];
  /** Answers were imported. */
  onImported?(): void;
}

interface Sheet {
  scaleId: string;
  date: string;
  acknowledgeIneligible: boolean;
}

type Committed = OutputOf<'assessments.importCommit'>;

/** Each column's item id, studentNo or null (不导入), in file order. */
type Mapping = (string | null)[];

/** The mapping's name for the 学号 column (item ids are lower case, so it is never one). */
const STUDENT_NO = 'studentNo';

/** A refused commit's details carry each issue's params flattened beside its row, column and reason. */
function refusedIssues(err: unknown): AnswerImportIssue[] {
  return validationDetails(err).flatMap((d) => {
    const { path: _path, row, column, value, reason, studentNo, name, ...params } = d as Record<string, unknown>;
    const parsed = answerImportIssue.safeParse({ row, column, value, reason, params, studentNo, name });
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * 批量导入答卷: a class's paper forms typed into a spreadsheet (学号 + one column per item). The file
 * is checked first (every bad row listed); the import is offered only with none left, and then
 * goes in whole or not at all.
 */
export function AnswerImportButton({ campaignId, scaleIds, onImported }: AnswerImportButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('answerImport.button')}</Button>
      <Modal open={open} title={t('answerImport.title')} width={880} footer={null} destroyOnHidden onCancel={() => setOpen(false)}>
        <AnswerImportDialog {...(campaignId ? { campaignId } : {})} {...(scaleIds ? { scaleIds } : {})} {...(onImported ? { onImported } : {})} />
      </Modal>
    </>
  );
}

function AnswerImportDialog({ campaignId, scaleIds, onImported }: AnswerImportButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useSchoolToday();
  const scales = useScales();
  const offered = scales.items.filter((s, i, all) => (!scaleIds || scaleIds.includes(s.id)) && all.findIndex((x) => x.id === s.id) === i);
  const [form] = Form.useForm<Sheet>();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<AnswerImportPreview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'committing' | null>(null);
  const [failure, setFailure] = useState<{ title: string; unchanged?: boolean } | null>(null);
  const [done, setDone] = useState<Committed | null>(null);
  /** The columns as chosen by hand (item id, studentNo or null each); undefined: read by the headers. */
  const [mapping, setMapping] = useState<Mapping | undefined>(undefined);

  // The scale list arrives after the form mounts: the first offered scale becomes the default then.
  const firstScale = offered[0]?.id;
  useEffect(() => {
    if (firstScale && !form.getFieldValue('scaleId')) form.setFieldValue('scaleId', firstScale);
  }, [firstScale, form]);

  // `chosen` is passed every time, never defaulted: undefined means "read by the headers" (or the
  // mapping remembered for them), which a default parameter would silently turn into the last choice.
  const input = (picked: PickedFile, chosen: Mapping | undefined) => {
    const v = form.getFieldsValue();
    return { ...picked, scaleId: v.scaleId, date: v.date, acknowledgeIneligible: v.acknowledgeIneligible, ...(campaignId ? { campaignId } : {}), ...(chosen ? { mapping: chosen } : {}) };
  };

  // Nothing is written while columns are mapped: each choice is a new dry run of the whole file.
  const check = async (picked: PickedFile, chosen: Mapping | undefined) => {
    setBusy('reading');
    setFailure(null);
    try {
      setPreview(await api.assessments.importPreview(input(picked, chosen)));
      setMapping(chosen);
    } catch (err) {
      setFailure({ title: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const pick = async (picked: File) => {
    setFile(null);
    setDone(null);
    setPreview(null);
    const read = await readPickedFile(picked);
    if (read === null) {
      setPreview(null);
      setFailure({ title: t('import.error.tooLarge') });
      return;
    }
    setFile(read);
    // A new file is read by its own headers first, or by the mapping last imported for them.
    await check(read, undefined);
  };

  const downloadTemplate = async () => {
    const scaleId = form.getFieldValue('scaleId') as string | undefined;
    if (!scaleId) return;
    try {
      const file = await api.assessments.importTemplate({ scaleId });
      downloadBase64(file.filename, file.base64, XLSX_TYPE);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy('committing');
    setFailure(null);
    try {
      const result = await api.assessments.importCommit(input(file, mapping));
      setDone(result);
      setFile(null);
      setPreview(null);
      void message.success(t('answerImport.done', { imported: result.imported }));
      onImported?.();
    } catch (err) {
      const issues = refusedIssues(err);
      if (preview && issues.length > 0) setPreview({ ...preview, issues });
      setFailure({ title: errorMessage(err), unchanged: true });
    } finally {
      setBusy(null);
    }
  };

  const sheet = Form.useWatch([], form) as Sheet | undefined;
  const ready = Boolean(sheet?.scaleId && sheet.date);
  const blocked = !preview || preview.issues.length > 0 || preview.validRows === 0;

  return (
    <Flex vertical gap="middle">
      <Form<Sheet>
        form={form}
        layout="inline"
        initialValues={{ scaleId: firstScale, date: today, acknowledgeIneligible: false }}
        // Another scale, day or acknowledgement changes what is wrong with the same file; another
        // scale has other items, so the columns are read by their headers again.
        onValuesChange={(changed: Partial<Sheet>) => void (file && check(file, 'scaleId' in changed ? undefined : mapping))}
      >
        <Form.Item name="scaleId" label={t('answerImport.scale')} rules={[{ required: true, message: t('errors.field.required') }]}>
          <Select style={{ minWidth: 240 }} options={offered.map((s) => ({ value: s.id, label: scales.title(s.id) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('answerImport.date')} rules={[{ required: true, message: t('errors.field.required') }]} {...dateProps}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="acknowledgeIneligible" valuePropName="checked">
          <Checkbox>{t('answerImport.acknowledgeIneligible')}</Checkbox>
        </Form.Item>
      </Form>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{t('answerImport.accepted')}</Typography.Text>
        <div>
          <Button disabled={!sheet?.scaleId} onClick={() => void downloadTemplate()}>
            {t('answerImport.template')}
          </Button>
        </div>
      </Flex>
      <SpreadsheetDropzone
        title={t('answerImport.pick')}
        hint={ready ? t('answerImport.pickHint') : t('answerImport.chooseFirst')}
        disabled={busy !== null || !ready}
        onFile={(picked) => void pick(picked)}
      />
      {busy === 'reading' && <Spin description={t('import.reading')} />}
      {failure && <Alert type="error" showIcon role="alert" title={failure.title} description={failure.unchanged ? t('answerImport.commitFailed') : undefined} />}
      {preview && file && (
        <PreviewResult preview={preview} fileName={file.fileName} blocked={blocked} busy={busy !== null} committing={busy === 'committing'} onCommit={() => void commit()} onMap={(chosen) => void check(file, chosen)} />
      )}
      {done && <ImportDone done={done} />}
    </Flex>
  );
}

interface PreviewProps {
  preview: AnswerImportPreview;
  fileName: string;
  blocked: boolean;
  busy: boolean;
  committing: boolean;
  onCommit(): void;
  onMap(chosen: (string | null)[]): void;
}

function PreviewResult({ preview, fileName, blocked, busy, committing, onCommit, onMap }: PreviewProps) {
  const { t } = useTranslation();
  const definition = useScaleDefinition({ scaleId: preview.scaleId, version: preview.version }).data;
  const itemLabel = (itemId: string) => (itemId === STUDENT_NO ? t('answerImport.studentNoColumn') : t('answerImport.item', { number: itemNumbers(definition, [itemId]) }));
  const fields = [STUDENT_NO, ...(definition?.items.map((i) => i.id) ?? [])];

  return (
    <Flex vertical gap="middle">
      <Typography.Text type="secondary">{t('import.file', { name: fileName })}</Typography.Text>
      <Flex gap={48} wrap>
        <Statistic title={t('answerImport.counts.total')} value={preview.totalRows} />
        <Statistic title={t('answerImport.counts.valid')} value={preview.validRows} />
        <Statistic title={t('answerImport.counts.critical')} value={preview.criticalRows.length} />
      </Flex>
      {preview.criticalRows.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('answerImport.criticalTitle')}
          description={
            <List
              size="small"
              dataSource={preview.criticalRows}
              renderItem={(r) => <List.Item>{t('answerImport.criticalRow', { row: r.row, studentNo: r.studentNo, name: r.name })}</List.Item>}
            />
          }
        />
      )}
      {preview.issues.length === 0 ? (
        <Alert type="success" showIcon title={t('answerImport.noIssues')} />
      ) : (
        <ImportIssueTable issues={preview.issues} reason={(i) => t(i.reason, { ...i.params, defaultValue: i.reason })} />
      )}
      <div>
        <Button type="primary" disabled={blocked} loading={committing} onClick={onCommit}>
          {t('answerImport.commit')}
        </Button>
      </div>
      <ImportMapping
        mapping={preview.mapping.map((m) => ({ ...m, field: m.itemId }))}
        remembered={preview.remembered}
        fields={fields}
        label={itemLabel}
        disabled={busy}
        onChange={onMap}
      />
    </Flex>
  );
}

function ImportDone({ done }: { done: Committed }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="middle">
      <Flex gap={48} wrap>
        <Statistic title={t('answerImport.result.imported')} value={done.imported} />
        <Statistic title={t('answerImport.result.flagged')} value={done.flagged} />
        <Statistic title={t('answerImport.result.alerts')} value={done.alerts.length} />
      </Flex>
      {done.alerts.length > 0 && <Alert type="warning" showIcon title={t('answerImport.alertsRaised', { count: done.alerts.length })} />}
    </Flex>
  );
}
