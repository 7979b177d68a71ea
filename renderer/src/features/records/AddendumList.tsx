import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AddendumView } from '../../../../shared/api/records';
import { useFormatInstant } from '../../lib/time';

/** Addenda with their own author and time, oldest first (the order they were written). */
export function AddendumList({ addenda }: { addenda: readonly AddendumView[] }) {
  const { t } = useTranslation();
  const format = useFormatInstant();
  return (
    <List
      size="small"
      bordered
      header={<Typography.Text strong>{t('counseling.records.addenda')}</Typography.Text>}
      dataSource={[...addenda]}
      locale={{ emptyText: t('counseling.records.noAddenda') }}
      renderItem={(a) => (
        <List.Item>
          <div>
            <Typography.Text type="secondary">{t('counseling.records.byAt', { name: a.authorName, time: format(a.createdAt) })}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.text}</Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}
