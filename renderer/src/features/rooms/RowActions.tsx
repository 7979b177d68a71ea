import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** 编辑 and 删除 as links in a table row; a row without one leaves it out. */
export function RowActions({ onEdit, onRemove }: { onEdit?(): void; onRemove?(): void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4}>
      {onEdit && (
        <Button size="small" type="link" onClick={onEdit}>
          {t('common.edit')}
        </Button>
      )}
      {onRemove && (
        <Button size="small" type="link" danger onClick={onRemove}>
          {t('common.remove')}
        </Button>
      )}
    </Flex>
  );
}
