import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageArrows } from './usePageArrows';

export interface PagedTableProps<T> extends Omit<TableProps<T>, 'pagination' | 'onChange' | 'dataSource'> {
  items: readonly T[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange(page: number): void;
  /** Server-side sort: the key of the column clicked, or undefined when the sort is cleared. */
  onSortChange?(columnKey: string | undefined): void;
}

/** A table whose pages (and sort) come from the core rather than from rows held in memory. */
export function PagedTable<T extends object>({ items, total, page, pageSize, onPageChange, onSortChange, ...table }: PagedTableProps<T>) {
  const { t } = useTranslation();
  const pageArrows = usePageArrows();
  return (
    <Table<T>
      {...table}
      dataSource={items}
      pagination={{ ...pageArrows, current: page, pageSize, total, showSizeChanger: false, showTotal: (count) => t('common.total', { count }) }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'paginate') onPageChange(pagination.current ?? 1);
        if (extra.action === 'sort') {
          const first = Array.isArray(sorter) ? sorter[0] : sorter;
          onSortChange?.(first?.order ? String(first.columnKey) : undefined);
        }
      }}
    />
  );
}
