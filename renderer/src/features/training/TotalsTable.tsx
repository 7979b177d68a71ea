import { Alert, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api/contract';
import { TRAINING_TIERS } from '../../../../shared/api/training';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useGroupLabels } from '../groups/labels';
import { hoursText } from './hours';

type Total = OutputOf<'training.totals'>['items'][number];
const totals = ({ year }: { year: number; round: number }) => api.training.totals({ year });

/** Each staff member's training hours in the year, by tier, with the school's total. */
export function TotalsTable({ year, round }: { year: number; round: number }) {
  const { t } = useTranslation();
  const labels = useGroupLabels();
  const call = useCall(totals, { year, round });

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  return (
    <Flex vertical gap="small">
      <Typography.Text strong>{t('training.totals.total', { hours: hoursText(call.data?.totalHours ?? 0) })}</Typography.Text>
      <Table<Total>
        rowKey="staffId"
        size="small"
        pagination={false}
        loading={call.loading}
        dataSource={call.data?.items ?? []}
        locale={{ emptyText: t('training.totals.none') }}
        columns={[
          { key: 'name', title: t('training.staff.name'), dataIndex: 'name' },
          {
            key: 'role',
            title: t('training.staff.role'),
            render: (_v, s) => [labels.training('role', s.role), s.employment && labels.training('employment', s.employment)].filter(Boolean).join(' · '),
          },
          ...TRAINING_TIERS.map((tier) => ({
            key: tier,
            title: labels.training('tier', tier),
            align: 'right' as const,
            render: (_v: unknown, s: Total) => hoursText(s.byTier.find((b) => b.tier === tier)?.hours ?? 0),
          })),
          { key: 'hours', title: t('training.totals.hours'), align: 'right', render: (_v, s) => <Typography.Text strong>{hoursText(s.hours)}</Typography.Text> },
          { key: 'events', title: t('training.totals.events'), align: 'right', dataIndex: 'events' },
        ]}
      />
    </Flex>
  );
}
