import { App, Checkbox, Col, DatePicker, Form, Input, Row, TimePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import { openingsApi, type SlotView } from '../../../../shared/api/openings';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateProps, timeProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useScheduleLabels } from '../schedule/labels';
import { buildRule, readRule, SLOT_WEEKDAYS } from './slotRule';

const fields = openingsApi['openings.saveSlot'].input.shape;

interface Values {
  weekdays: number[];
  everyOtherWeek: boolean;
  start: string;
  end: string;
  validFrom: string;
  validUntil?: string | null;
  dutyName?: string;
}

function initialValues(slot: SlotView | null, today: string): Partial<Values> {
  if (!slot) return { weekdays: [], everyOtherWeek: false, validFrom: today };
  const rule = readRule(slot.rrule, slot.validFrom);
  return { ...slot, weekdays: rule?.weekdays ?? [], everyOtherWeek: rule?.interval === 2 };
}

/** A recurring opening of a room: weekdays (every week or every other), hours, dates valid, who is on duty. */
export function SlotModal({ roomId, target, onClose, onSaved }: { roomId: string; target: SlotView | 'new' | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  const today = useSchoolToday();
  const slot = target !== null && target !== 'new' ? target : null;
  return (
    <FormModal<Values>
      open={target !== null}
      title={slot ? t('schedule.slots.editTitle') : t('schedule.slots.add')}
      okText={t('common.save')}
      width={600}
      initialValues={initialValues(slot, today)}
      onClose={onClose}
      onSubmit={async ({ weekdays, everyOtherWeek, validUntil, dutyName = '', ...times }) => {
        await api.openings.saveSlot({ id: slot?.id, roomId, rrule: buildRule(weekdays, everyOtherWeek), validUntil: validUntil ?? null, dutyName, ...times });
        void message.success(t('common.saved'));
        onSaved();
      }}
    >
      <Form.Item name="weekdays" label={t('schedule.slots.weekdays')} rules={[{ required: true, type: 'array', min: 1, message: t('schedule.slots.pickWeekday') }]}>
        <Checkbox.Group options={labels.options('weekday', SLOT_WEEKDAYS)} />
      </Form.Item>
      <Form.Item name="everyOtherWeek" valuePropName="checked">
        <Checkbox>{t('schedule.slots.everyOtherWeek')}</Checkbox>
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="start" label={t('schedule.booking.start')} rules={[zodRule(fields.start)]} {...timeProps}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="end" label={t('schedule.booking.end')} rules={[zodRule(fields.end)]} {...timeProps}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="validFrom" label={t('schedule.slots.validFrom')} rules={[zodRule(fields.validFrom)]} {...dateProps}>
            <DatePicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="validUntil" label={t('schedule.slots.validUntil')} rules={[zodRule(fields.validUntil)]} extra={t('schedule.slots.validUntilHint')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="dutyName" label={t('schedule.slots.duty')} rules={[zodRule(fields.dutyName)]} extra={t('schedule.slots.dutyHint')}>
        <Input maxLength={maxLengthOf(fields.dutyName)} />
      </Form.Item>
    </FormModal>
  );
}
