import { Alert, Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trainingApi, type TrainingEventView } from '../../../../shared/api/training';
import { api } from '../../api/client';
import { RemoveWithReasonModal } from '../../components/RemoveWithReasonModal';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useGroupLabels } from '../groups/labels';
import { EventFormModal } from './EventFormModal';
import { hoursText } from './hours';

const listEvents = ({ year }: { year: number; round: number }) => api.training.list({ year });

/** The training events of a year, newest first: tier, hours and who attended. */
export function EventsTable({ year, round, onChanged }: { year: number; round: number; onChanged(): void }) {
  const { t } = useTranslation();
  const labels = useGroupLabels();
  const [acting, setActing] = useState<{ kind: 'edit' | 'remove'; event: TrainingEventView } | { kind: 'new' } | null>(null);
  const events = useCall(listEvents, { year, round });
  const removing = acting?.kind === 'remove' ? acting.event : null;
  const done = () => {
    setActing(null);
    onChanged();
  };

  if (events.error !== undefined) return <Alert type="error" showIcon title={errorMessage(events.error)} />;
  return (
    <Flex vertical gap="small">
      <Flex justify="end">
        <Button type="primary" onClick={() => setActing({ kind: 'new' })}>
          {t('training.events.add')}
        </Button>
      </Flex>
      <Table<TrainingEventView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={events.loading}
        dataSource={events.data?.items ?? []}
        locale={{ emptyText: t('training.events.none') }}
        columns={[
          { key: 'title', title: t('training.events.title'), render: (_v, e) => <Typography.Text strong>{e.title}</Typography.Text> },
          { key: 'scope', title: t('training.events.scope'), render: (_v, e) => labels.training('scope', e.scope) },
          { key: 'tier', title: t('training.events.tier'), render: (_v, e) => labels.training('tier', e.tier) },
          { key: 'dates', title: t('training.events.dates'), render: (_v, e) => (e.startDate === e.endDate ? e.startDate : `${e.startDate} – ${e.endDate}`) },
          { key: 'hours', title: t('training.events.hours'), align: 'right', render: (_v, e) => hoursText(e.hours) },
          { key: 'provider', title: t('training.events.provider'), render: (_v, e) => e.provider || '—' },
          { key: 'attendees', title: t('training.events.attendees'), ellipsis: true, render: (_v, e) => e.attendees.map((a) => a.name).join(t('common.listSeparator')) },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            render: (_v, e) => (
              <Flex gap={0}>
                <Button size="small" type="link" onClick={() => setActing({ kind: 'edit', event: e })}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" danger onClick={() => setActing({ kind: 'remove', event: e })}>
                  {t('common.remove')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {(acting?.kind === 'new' || acting?.kind === 'edit') && (
        <EventFormModal target={acting.kind === 'new' ? 'new' : acting.event} onClose={() => setActing(null)} onSaved={done} />
      )}
      <RemoveWithReasonModal
        open={removing !== null}
        title={removing ? t('training.events.removeTitle', { title: removing.title }) : ''}
        explain={t('training.events.removeExplain')}
        reasonLabel={t('training.events.removeReason')}
        reasonField={trainingApi['training.remove'].input.shape.reason}
        successMessage={t('training.events.removed')}
        remove={(reason) => api.training.remove({ id: removing!.id, reason })}
        onClose={() => setActing(null)}
        onRemoved={done}
      />
    </Flex>
  );
}
