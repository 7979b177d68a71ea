import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '../../../../shared/api/rooms';
import { errorMessage } from '../../lib/errors';
import { useRooms } from '../schedule/data';
import { useScheduleLabels } from '../schedule/labels';
import { RoomFormModal } from './RoomFormModal';
import { RoomOpenings } from './RoomOpenings';
import { RowActions } from './RowActions';
import { HiddenLabel } from '../../components/HiddenLabel';

/** The rooms, each expanding to its opening hours; inactive ones stay listed, greyed. */
export function RoomsTable({ onChanged }: { onChanged(): void }) {
  const { t } = useTranslation();
  const labels = useScheduleLabels();
  const rooms = useRooms(true);
  const [editing, setEditing] = useState<RoomView | 'new' | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const items = rooms.data?.items ?? [];
  // The first room opens by itself, so its hours show without a click.
  const expandedKeys = expanded ?? items.slice(0, 1).map((r) => r.id);

  if (rooms.error !== undefined) return <Alert type="error" showIcon title={errorMessage(rooms.error)} />;
  return (
    <Flex vertical gap="small">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('schedule.rooms.explain')}</Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('schedule.rooms.add')}
        </Button>
      </Flex>
      <Table<RoomView>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={rooms.loading}
        dataSource={items}
        locale={{ emptyText: t('schedule.rooms.none') }}
        expandable={{
          columnTitle: <HiddenLabel>{t('schedule.rooms.expandColumn')}</HiddenLabel>,
          expandedRowKeys: expandedKeys,
          onExpandedRowsChange: setExpanded,
          expandedRowRender: (r) => <RoomOpenings roomId={r.id} onChanged={onChanged} />,
        }}
        columns={[
          { key: 'name', title: t('schedule.rooms.name'), dataIndex: 'name' },
          { key: 'zoneType', title: t('schedule.rooms.zoneType'), render: (_v, r) => labels.label('zoneType', r.zoneType) },
          { key: 'area', title: t('schedule.rooms.area'), align: 'right', render: (_v, r) => `${r.areaM2.toFixed(2)} m²` },
          { key: 'capacity', title: t('schedule.rooms.capacity'), align: 'right', dataIndex: 'capacity' },
          {
            key: 'active',
            title: t('schedule.rooms.active'),
            render: (_v, r) => (r.active ? <Tag color="green">{t('schedule.rooms.inUse')}</Tag> : <Tag>{t('schedule.rooms.inactive')}</Tag>),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, r) => <RowActions onEdit={() => setEditing(r)} />,
          },
        ]}
      />
      <RoomFormModal
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          rooms.reload();
          onChanged();
        }}
      />
    </Flex>
  );
}
