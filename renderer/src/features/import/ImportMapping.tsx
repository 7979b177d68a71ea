import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROSTER_IMPORT_FIELDS, type ImportPreview } from '../../../../shared/api/students';

type Field = (typeof ROSTER_IMPORT_FIELDS)[number];
type Column = ImportPreview['mapping'][number];

/** The select's value for 不导入: antd shows a null value as an empty box. */
const NOT_IMPORTED = '';

/** Import columns name student fields, or one guardian's (guardianName → student.guardian.name). */
export function fieldKey(field: string): string {
  const guardian = /^guardian([A-Z])(.*)$/.exec(field);
  return guardian ? `student.guardian.${guardian[1]!.toLowerCase()}${guardian[2]}` : `student.fields.${field}`;
}

/**
 * 列的对应: each column of the file with what it is imported as, changeable by hand, and why it was
 * guessed so: read from its header, chosen by hand, or not imported (a column that looks like a
 * known field is called out, so a 监护人联系电话 is not left out without a word).
 */
export function ImportMapping({ preview, disabled, onChange }: { preview: ImportPreview; disabled: boolean; onChange(fields: (Field | null)[]): void }) {
  const { t } = useTranslation();
  const label = (field: string) => t(fieldKey(field), { defaultValue: field });
  const options = [{ value: NOT_IMPORTED, label: t('import.ignored') }, ...ROSTER_IMPORT_FIELDS.map((f) => ({ value: f, label: label(f) }))];
  const choose = (index: number, value: string) =>
    onChange(preview.mapping.map((m, i) => (i === index ? (value === NOT_IMPORTED ? null : (value as Field)) : (m.field as Field | null))));

  const why = (m: Column) => {
    if (m.field !== null) return m.field === m.guessed ? t('import.map.byHeader') : t('import.map.byHand');
    if (m.suggested !== null) return <Typography.Text type="warning">{t('import.map.looksLike', { field: label(m.suggested) })}</Typography.Text>;
    return m.guessed === null ? t('import.map.unknown') : t('import.map.notImported');
  };

  return (
    <Table<Column>
      size="small"
      rowKey={(_m, i) => String(i)}
      dataSource={preview.mapping}
      pagination={false}
      title={() => (
        <Typography.Text strong>
          {t('import.mapping')}
          {preview.remembered ? <Typography.Text type="secondary">{t('import.map.remembered')}</Typography.Text> : null}
        </Typography.Text>
      )}
      columns={[
        { key: 'column', title: t('import.map.column'), dataIndex: 'column' },
        {
          key: 'field',
          title: t('import.map.field'),
          width: 200,
          render: (_v, m, index) => (
            <Select
              aria-label={t('import.map.fieldOf', { column: m.column })}
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              disabled={disabled}
              value={m.field ?? NOT_IMPORTED}
              options={options}
              onChange={(value: string) => choose(index, value)}
            />
          ),
        },
        { key: 'why', title: t('import.map.why'), render: (_v, m) => why(m) },
      ]}
    />
  );
}
