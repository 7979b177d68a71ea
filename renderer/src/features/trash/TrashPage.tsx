import { Alert, App, Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashItem } from '../../../../shared/api/trash';
import { api } from '../../api/client';
import { PersonName } from '../../components/PersonName';
import { errorMessage } from '../../lib/errors';
import { useFormatInstant } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { PageTitle } from '../../components/PageTitle';

const list = () => api.trash.list({});

/** 回收站: soft-deleted cases, drafts and contacts; restore any, erase those past the retention for good. */
export function TrashPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const formatInstant = useFormatInstant();
  const call = useCall(list, {});
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await run();
      void message.success(done);
      call.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  const items = call.data?.items ?? [];
  const purgeable = items.filter((i) => i.due);

  const confirmPurge = () =>
    modal.confirm({
      title: t('trash.purgeTitle', { count: purgeable.length }),
      content: t('trash.purgeBody'),
      okText: t('trash.purge'),
      okButtonProps: { danger: true },
      onOk: () => act('purge', () => api.trash.purge({ confirm: true }), t('trash.purged')),
    });

  const columns: TableColumnsType<TrashItem> = [
    { key: 'kind', title: t('trash.kind'), width: 110, render: (_v, i) => <Tag>{t(`trash.kinds.${i.kind}`)}</Tag> },
    {
      key: 'client',
      title: t('trash.client'),
      width: 140,
      render: (_v, i) => (
        <>
          <PersonName name={i.clientLabel} />
          {i.recordCount > 0 && (
            <Typography.Text type="secondary"> {t('trash.records', { count: i.recordCount })}</Typography.Text>
          )}
        </>
      ),
    },
    { key: 'reason', title: t('trash.reason'), dataIndex: 'deletedReason' },
    { key: 'deletedAt', title: t('trash.deletedAt'), width: 170, render: (_v, i) => formatInstant(i.deletedAt, 'YYYY-MM-DD HH:mm') },
    {
      key: 'purgeableAt',
      title: t('trash.purgeableAt'),
      width: 150,
      render: (_v, i) => (i.due ? <Tag color="red">{t('trash.due')}</Tag> : formatInstant(i.purgeableAt, 'YYYY-MM-DD')),
    },
    {
      key: 'restore',
      title: t('common.actions'),
      width: 100,
      render: (_v, i) => (
        <Button
          size="small"
          loading={busy === i.id}
          onClick={() => void act(i.id, () => api.trash.restore({ kind: i.kind, id: i.id }), t('trash.restored'))}
        >
          {t('trash.restore')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small" wrap>
        <PageTitle>
          {t('trash.title')}
        </PageTitle>
        <Button danger disabled={purgeable.length === 0} loading={busy === 'purge'} onClick={confirmPurge}>
          {t('trash.purgeDue', { count: purgeable.length })}
        </Button>
      </Flex>
      {call.data && <Typography.Text type="secondary">{t('trash.explain', { days: call.data.retentionDays })}</Typography.Text>}
      <Table<TrashItem> rowKey="id" size="middle" loading={call.loading} columns={columns} dataSource={items} pagination={false} locale={{ emptyText: t('trash.empty') }} />
    </Flex>
  );
}
