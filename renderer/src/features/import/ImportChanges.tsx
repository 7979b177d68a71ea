import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/students';
import { PersonName } from '../../components/PersonName';
import { fieldKey } from './ImportMapping';
import { usePageArrows } from '../../components/usePageArrows';

type Change = ImportPreview['changes'][number];

/** A re-import's updates said in full: which students, and which of their fields the file changes. */
export function ImportChanges({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const pageArrows = usePageArrows();
  const unchanged = preview.updates - preview.changes.length;
  if (preview.updates === 0) return null;
  return (
    <>
      {preview.changes.length > 0 && (
        <Table<Change>
          size="small"
          rowKey="row"
          dataSource={preview.changes}
          pagination={{ ...pageArrows, pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          title={() => <Typography.Text strong>{t('import.changes.title', { count: preview.changes.length })}</Typography.Text>}
          columns={[
            { key: 'row', title: t('import.issueRow'), dataIndex: 'row', width: 80 },
            { key: 'studentNo', title: t('student.fields.studentNo'), dataIndex: 'studentNo' },
            { key: 'name', title: t('student.fields.name'), render: (_v, c) => <PersonName name={c.name} /> },
            { key: 'fields', title: t('import.changes.fields'), render: (_v, c) => c.fields.map((f) => t(fieldKey(f), { defaultValue: f })).join(t('common.listSeparator')) },
          ]}
        />
      )}
      {unchanged > 0 && <Typography.Text type="secondary">{t('import.changes.unchanged', { count: unchanged })}</Typography.Text>}
    </>
  );
}
