import { App, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { roomsApi, ZONE_TYPES, type RoomView, type ZoneType } from '../../../../shared/api/rooms';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useScheduleLabels } from '../schedule/labels';

const fields = roomsApi['rooms.create'].input.shape;

interface Values {
  name: string;
  zoneType: ZoneType;
  areaM2: number;
  capacity: number;
  notes?: string;
  active: boolean;
}

/** 新增活动室 / 编辑活动室: zone type by the guide, area in m² with two decimals, capacity. */
export function RoomFormModal({ target, onClose, onSaved }: { target: RoomView | 'new' | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <FormModal<Values>
      open={target !== null}
      title={editing ? t('schedule.rooms.editTitle', { name: editing.name }) : t('schedule.rooms.add')}
      okText={t('common.save')}
      width={560}
      initialValues={editing ?? { zoneType: 'individual', capacity: 1, active: true }}
      onClose={onClose}
      onSubmit={async ({ notes = '', ...values }) => {
        if (editing) await api.rooms.update({ id: editing.id, ...values, notes });
        else await api.rooms.create({ ...values, notes });
        void message.success(t('common.saved'));
        onSaved();
      }}
    >
      <Form.Item name="name" label={t('schedule.rooms.name')} rules={[zodRule(fields.name)]}>
        <Input maxLength={maxLengthOf(fields.name)} autoFocus />
      </Form.Item>
      <Form.Item name="zoneType" label={t('schedule.rooms.zoneType')} rules={[zodRule(fields.zoneType)]}>
        <Select options={labels.options('zoneType', ZONE_TYPES)} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="areaM2" label={t('schedule.rooms.area')} rules={[zodRule(fields.areaM2)]}>
            <InputNumber min={0} step={0.5} suffix="m²" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="capacity" label={t('schedule.rooms.capacity')} rules={[zodRule(fields.capacity)]}>
            <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('schedule.rooms.notes')} rules={[zodRule(fields.notes)]}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(fields.notes)} showCount />
      </Form.Item>
      {editing && (
        <Form.Item name="active" label={t('schedule.rooms.active')} valuePropName="checked" extra={t('schedule.rooms.activeHint')}>
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
