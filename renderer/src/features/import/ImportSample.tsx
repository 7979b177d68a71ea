import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/students';
import { PersonName } from '../../components/PersonName';
import { useLabels } from '../../lib/labels';

type Row = ImportPreview['sample'][number];

/** The first rows as the roster will hold them (初一 for 7, 1班 for "1"), so a wrong column shows before the import. */
export function ImportSample({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (preview.sample.length === 0) return null;
  return (
    <Table<Row>
      size="small"
      rowKey="studentNo"
      dataSource={preview.sample.slice(0, 5)}
      pagination={false}
      title={() => <Typography.Text strong>{t('import.sample')}</Typography.Text>}
      columns={[
        { key: 'studentNo', title: t('student.fields.studentNo'), dataIndex: 'studentNo' },
        { key: 'name', title: t('student.fields.name'), render: (_v, r) => <PersonName name={r.name} /> },
        { key: 'sex', title: t('student.fields.sex'), render: (_v, r) => labels.sex(r.sex) },
        { key: 'class', title: t('student.fields.className'), render: (_v, r) => labels.classOf(r.grade, r.className) },
        { key: 'status', title: t('student.fields.status'), render: (_v, r) => labels.status(r.status) },
      ]}
    />
  );
}
