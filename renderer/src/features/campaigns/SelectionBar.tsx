import { App, Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';

export interface SelectionBarProps {
  /** Students selected, across pages. */
  selected: readonly string[];
  /** Rows matching the list's filter, over all pages. */
  total: number;
  /** The ids of the whole filter, from the core: a paged list holds only its page. */
  allIds(): Promise<string[]>;
  onSelect(ids: string[]): void;
  /** The actions on the selection. */
  children: ReactNode;
}

/** 已选 N 人, 选中筛选出的全部 N 人 (over every page, not only the one shown), 取消选择, then the actions. */
export function SelectionBar({ selected, total, allIds, onSelect, children }: SelectionBarProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const selectAll = async () => {
    try {
      onSelect(await allIds());
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Flex gap="small" wrap align="center">
      <Typography.Text type="secondary">{t('campaigns.participants.selected', { count: selected.length })}</Typography.Text>
      <Button size="small" type="link" disabled={total === 0} onClick={() => void selectAll()}>
        {t('campaigns.participants.selectShown', { count: total })}
      </Button>
      {selected.length > 0 && (
        <Button size="small" type="link" onClick={() => onSelect([])}>
          {t('campaigns.participants.clearSelection')}
        </Button>
      )}
      {children}
    </Flex>
  );
}
