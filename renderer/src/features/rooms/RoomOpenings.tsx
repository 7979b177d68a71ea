import { Alert, Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExceptionView, SlotView } from '../../../../shared/api/openings';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useCall } from '../../lib/useCall';
import { useScheduleLabels } from '../schedule/labels';
import { ExceptionModal } from './ExceptionModal';
import { Section } from './Section';
import { RowActions } from './RowActions';
import { readRule } from './slotRule';
import { SlotModal } from './SlotModal';
import { useConfirmRemove } from './useConfirmRemove';

const listOpenings = ({ roomId }: { roomId: string }) => api.openings.list({ roomId });

/** 周一、周三 · 每两周, or the stored rule itself when it is not one this form writes. */
function useDescribeSlot() {
  const { t } = useTranslation();
  const labels = useScheduleLabels();
  return (slot: SlotView) => {
    const rule = readRule(slot.rrule, slot.validFrom);
    if (!rule) return slot.rrule;
    const days = rule.weekdays.map((d) => labels.label('weekday', d)).join(t('common.listSeparator'));
    const every = rule.interval > 1 ? ` · ${t('schedule.slots.everyNWeeks', { count: rule.interval })}` : '';
    return `${days}${every} ${slot.start}–${slot.end}`;
  };
}

/** One room's recurring opening slots (with the person on duty) and its exceptions. */
export function RoomOpenings({ roomId, onChanged }: { roomId: string; onChanged(): void }) {
  const { t } = useTranslation();
  const labels = useScheduleLabels();
  const describe = useDescribeSlot();
  const call = useCall(listOpenings, { roomId });
  const [slotTarget, setSlotTarget] = useState<SlotView | 'new' | null>(null);
  const [addingException, setAddingException] = useState(false);
  const slots = call.data?.slots ?? [];

  const reload = () => {
    call.reload();
    onChanged();
  };
  const remove = useConfirmRemove(reload);

  const saved = () => {
    setSlotTarget(null);
    setAddingException(false);
    reload();
  };

  if (call.error !== undefined) return <Alert type="error" showIcon title={errorMessage(call.error)} />;
  return (
    <Flex vertical gap="middle">
      <Section title={t('schedule.slots.title')} add={<Button onClick={() => setSlotTarget('new')}>{t('schedule.slots.add')}</Button>}>
        <Table<SlotView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={call.loading}
          dataSource={slots}
          locale={{ emptyText: t('schedule.slots.none') }}
          columns={[
            { key: 'when', title: t('schedule.slots.when'), render: (_v, s) => describe(s) },
            {
              key: 'valid',
              title: t('schedule.slots.valid'),
              render: (_v, s) => (s.validUntil ? t('schedule.slots.validRange', { from: s.validFrom, until: s.validUntil }) : t('schedule.slots.validFromOn', { from: s.validFrom })),
            },
            {
              key: 'duty',
              title: t('schedule.slots.duty'),
              render: (_v, s) => (s.dutyName ? s.dutyName : <Tag color="orange">{t('schedule.slots.noDuty')}</Tag>),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 140,
              render: (_v, s) => (
                <RowActions
                  onEdit={() => setSlotTarget(s)}
                  onRemove={() => remove(t('schedule.slots.removeTitle', { slot: describe(s) }), () => api.openings.removeSlot({ id: s.id }))}
                />
              ),
            },
          ]}
        />
      </Section>
      <Section title={t('schedule.exceptions.title')} add={<Button onClick={() => setAddingException(true)}>{t('schedule.exceptions.add')}</Button>}>
        <Table<ExceptionView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={call.loading}
          dataSource={call.data?.exceptions ?? []}
          locale={{ emptyText: t('schedule.exceptions.none') }}
          columns={[
            { key: 'date', title: t('schedule.exceptions.date'), dataIndex: 'date', width: 120 },
            {
              key: 'kind',
              title: t('schedule.exceptions.kind'),
              width: 140,
              render: (_v, e) => <Tag>{labels.label('exceptionKind', e.kind === 'extra' ? 'extra' : e.slotId ? 'closedSlot' : 'closedDay')}</Tag>,
            },
            {
              key: 'detail',
              title: t('schedule.exceptions.detail'),
              render: (_v, e) => {
                if (e.kind === 'extra') return [`${e.start}–${e.end}`, e.dutyName && t('schedule.page.duty', { name: e.dutyName })].filter(Boolean).join(' · ');
                const slot = slots.find((s) => s.id === e.slotId);
                return slot ? describe(slot) : t('schedule.exceptions.wholeDay');
              },
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 140,
              render: (_v, e) => (
                <RowActions onRemove={() => remove(t('schedule.exceptions.removeTitle', { date: e.date }), () => api.openings.removeException({ id: e.id }))} />
              ),
            },
          ]}
        />
      </Section>
      <SlotModal roomId={roomId} target={slotTarget} onClose={() => setSlotTarget(null)} onSaved={saved} />
      <ExceptionModal roomId={roomId} slots={slots} describeSlot={describe} open={addingException} onClose={() => setAddingException(false)} onSaved={saved} />
    </Flex>
  );
}
