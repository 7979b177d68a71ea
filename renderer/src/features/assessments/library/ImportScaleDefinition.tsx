import { Alert, App, Button, Flex, Modal, Spin, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '../../../../../shared/api/errors';
import { api } from '../../../api/client';
import { errorMessage, issueMessage, toApiError, validationDetails } from '../../../lib/errors';
import { SpreadsheetDropzone } from '../../import/ImportParts';
import { titleOf } from './ScaleLibraryPage';
import { usePageArrows } from '../../../components/usePageArrows';

type Failure = { kind: 'problems'; problems: ErrorDetail[] } | { kind: 'message'; text: string };

/** What a refused import says: every loader problem by JSON path, or one message for the rest. */
function failureOf(err: unknown, t: TFunction): Failure {
  const problems = validationDetails(err);
  if (problems.length > 0) return { kind: 'problems', problems };
  const error = toApiError(err);
  if (error.messageKey === 'errors.scale.versionExists' && error.details && !Array.isArray(error.details)) {
    return { kind: 'message', text: t('library.versionExists', error.details) };
  }
  return { kind: 'message', text: errorMessage(err) };
}

/** 导入量表定义: a district's own definition file, checked whole by the core (schema, rules, golden cases) before it is added. */
export function ImportScaleDefinition({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('library.importButton')}
      </Button>
      <Modal open={open} title={t('library.importTitle')} width={820} footer={null} destroyOnHidden onCancel={() => setOpen(false)}>
        <ImportDialog
          onImported={() => {
            setOpen(false);
            onImported();
          }}
        />
      </Modal>
    </>
  );
}

function ImportDialog({ onImported }: { onImported(): void }) {
  const { t, i18n } = useTranslation();
  const pageArrows = usePageArrows();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setFailure(null);
    try {
      let json: string;
      try {
        json = await file.text();
      } catch {
        setFailure({ kind: 'message', text: t('library.readFailed') });
        return;
      }
      const added = await api.scales.import({ json });
      void message.success(t('library.imported', { title: titleOf(added.title, i18n.language), version: added.version }));
      onImported();
    } catch (err) {
      setFailure(failureOf(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      <Spin spinning={busy} description={t('library.importing')}>
        <SpreadsheetDropzone title={t('library.importPick')} hint={t('library.importHint')} accept=".json,application/json" disabled={busy} onFile={(f) => void importFile(f)} />
      </Spin>
      {failure?.kind === 'message' && <Alert type="error" showIcon title={failure.text} />}
      {failure?.kind === 'problems' && (
        <Table<ErrorDetail>
          size="small"
          title={() => <Typography.Text type="danger">{t('library.refused', { count: failure.problems.length })}</Typography.Text>}
          rowKey={(p) => `${p.path}|${p.reason}|${JSON.stringify(p)}`}
          dataSource={failure.problems}
          pagination={{ ...pageArrows, pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'path', title: t('library.problemPath'), width: 280, render: (_v, p) => <Typography.Text code>{p.path ?? 'json'}</Typography.Text> },
            { key: 'reason', title: t('library.problemReason'), render: (_v, p) => issueMessage(p) },
          ]}
        />
      )}
    </Flex>
  );
}
