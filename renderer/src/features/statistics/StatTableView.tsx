import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatTable } from '../../../../shared/api/statistics';
import { HiddenLabel } from '../../components/HiddenLabel';

type Row = { key: string; label: string; cells: (number | null)[]; total: number | null | undefined; isTotal: boolean };

/** Row and column codes as labels: `g7` is a grade, the rest come from the statistics catalog. */
export function useStatLabels() {
  const { t } = useTranslation();
  // One object per language, so a chart built from it is not rebuilt on every render.
  return useMemo(
    () => ({
      row: (code: string) => (/^g\d+$/.test(code) ? t(`domain.grade.${code.slice(1)}`) : t(`statistics.row.${code}`)),
      col: (code: string) => t(`statistics.col.${code}`),
      table: (id: string) => t(`statistics.tables.${id}`),
    }),
    [t],
  );
}

/** One table of figures; a withheld figure shows as the dash. */
export function StatTableView({ table }: { table: StatTable }) {
  const { t } = useTranslation();
  const labels = useStatLabels();
  const show = (n: number | null | undefined) => (n === null ? <Typography.Text type="secondary">{t('statistics.withheld')}</Typography.Text> : n);
  const rows: Row[] = table.rows.map((r, i) => ({ key: r, label: labels.row(r), cells: table.cells[i] ?? [], total: table.rowTotals?.[i], isTotal: false }));
  if (table.colTotals) rows.push({ key: '*', label: t('statistics.total'), cells: table.colTotals, total: table.total, isTotal: true });
  return (
    <Table<Row>
      data-table={table.id}
      size="small"
      pagination={false}
      title={() => <Typography.Text strong>{labels.table(table.id)}</Typography.Text>}
      dataSource={rows}
      locale={{ emptyText: t('statistics.empty') }}
      rowClassName={(r) => (r.isTotal ? 'stat-total-row' : '')}
      columns={[
        { key: 'label', title: <HiddenLabel>{t('statistics.rowHeader')}</HiddenLabel>, render: (_v, r) => (r.isTotal ? <Typography.Text strong>{r.label}</Typography.Text> : r.label) },
        ...table.cols.map((c, i) => ({ key: c, title: labels.col(c), align: 'right' as const, render: (_v: unknown, r: Row) => show(r.cells[i]) })),
        ...(table.rowTotals ? [{ key: 'total', title: t('statistics.total'), align: 'right' as const, render: (_v: unknown, r: Row) => show(r.total) }] : []),
      ]}
    />
  );
}

