import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The select's value for 不导入: antd shows a null value as an empty box. */
const NOT_IMPORTED = '';

/** Import columns name student fields, or one guardian's (guardianName → student.guardian.name). */
export function fieldKey(field: string): string {
  const guardian = /^guardian([A-Z])(.*)$/.exec(field);
  return guardian ? `student.guardian.${guardian[1]!.toLowerCase()}${guardian[2]}` : `student.fields.${field}`;
}

/** A column of the file as a preview reports it: what it is imported as, and what its header alone says. */
export interface MappedColumn {
  column: string;
  field: string | null;
  guessed: string | null;
  suggested: string | null;
}

export interface ImportMappingProps<F extends string> {
  mapping: readonly MappedColumn[];
  /** What a column can be imported as, in the order offered. */
  fields: readonly F[];
  label(field: string): string;
  /** The mapping is the one chosen when a file with this header row was last imported. */
  remembered?: boolean;
  disabled: boolean;
  onChange(fields: (F | null)[]): void;
}

/**
 * 列的对应: each column of the file with what it is imported as, changeable by hand, and why it was
 * guessed so: read from its header, chosen by hand, or not imported (a column that looks like a
 * known field is called out, so a 监护人联系电话 is not left out without a word). The roster import
 * and the answer-sheet import share it, each with its own fields.
 */
export function ImportMapping<F extends string>({ mapping, fields, label, remembered = false, disabled, onChange }: ImportMappingProps<F>) {
  const { t } = useTranslation();
  const options = [{ value: NOT_IMPORTED, label: t('import.ignored') }, ...fields.map((f) => ({ value: f, label: label(f) }))];
  const choose = (index: number, value: string) => onChange(mapping.map((m, i) => (i === index ? (value === NOT_IMPORTED ? null : (value as F)) : (m.field as F | null))));

  const why = (m: MappedColumn) => {
    if (m.field !== null) return m.field === m.guessed ? t('import.map.byHeader') : t('import.map.byHand');
    if (m.suggested !== null) return <Typography.Text type="warning">{t('import.map.looksLike', { field: label(m.suggested) })}</Typography.Text>;
    return m.guessed === null ? t('import.map.unknown') : t('import.map.notImported');
  };

  return (
    <Table<MappedColumn>
      size="small"
      rowKey={(_m, i) => String(i)}
      dataSource={[...mapping]}
      pagination={false}
      title={() => (
        <Typography.Text strong>
          {t('import.mapping')}
          {remembered ? <Typography.Text type="secondary">{t('import.map.remembered')}</Typography.Text> : null}
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
