import { App, Col, DatePicker, Form, Input, Radio, Row, Select, TimePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import { openingsApi, type SlotView } from '../../../../shared/api/openings';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { dateProps, timeProps } from '../../lib/formValues';
import { useSchoolToday } from '../../lib/time';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { useScheduleLabels } from '../schedule/labels';

const fields = openingsApi['openings.addException'].input.shape;
/** What the counselor means; the contract spells closedDay and closedSlot as kind closed with or without a slot. */
const EXCEPTION_CHOICES = ['closedDay', 'closedSlot', 'extra'] as const;
type Choice = (typeof EXCEPTION_CHOICES)[number];

interface Values {
  choice: Choice;
  date: string;
  slotId?: string;
  start?: string;
  end?: string;
  dutyName?: string;
}

/** 例外: the room closed for a day or for one slot that day, or an extra opening with its own duty. */
export function ExceptionModal({
  roomId,
  slots,
  describeSlot,
  open,
  onClose,
  onSaved,
}: {
  roomId: string;
  slots: readonly SlotView[];
  describeSlot(slot: SlotView): string;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  const today = useSchoolToday();
  return (
    <FormModal<Values>
      open={open}
      title={t('schedule.exceptions.add')}
      okText={t('common.save')}
      width={560}
      initialValues={{ choice: 'closedDay', date: today }}
      onClose={onClose}
      onSubmit={async ({ choice, date, slotId, start, end, dutyName = '' }) => {
        await api.openings.addException(
          choice === 'extra'
            ? { roomId, date, kind: 'extra', start, end, dutyName }
            : { roomId, date, kind: 'closed', slotId: choice === 'closedSlot' ? slotId : null },
        );
        void message.success(t('common.saved'));
        onSaved();
      }}
    >
      <Form.Item name="choice" label={t('schedule.exceptions.kind')}>
        <Radio.Group options={labels.options('exceptionKind', EXCEPTION_CHOICES)} />
      </Form.Item>
      <Form.Item name="date" label={t('schedule.exceptions.date')} rules={[zodRule(fields.date)]} {...dateProps}>
        <DatePicker allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item noStyle dependencies={['choice']}>
        {({ getFieldValue }) =>
          getFieldValue('choice') === 'closedSlot' ? (
            <Form.Item name="slotId" label={t('schedule.exceptions.slot')} rules={[{ required: true, message: t('errors.field.required') }]}>
              <Select options={slots.map((s) => ({ value: s.id, label: describeSlot(s) }))} />
            </Form.Item>
          ) : getFieldValue('choice') === 'extra' ? (
            <>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item name="start" label={t('schedule.booking.start')} rules={[zodRule(fields.start.unwrap().unwrap())]} {...timeProps}>
                    <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="end" label={t('schedule.booking.end')} rules={[zodRule(fields.end.unwrap().unwrap())]} {...timeProps}>
                    <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="dutyName" label={t('schedule.slots.duty')} rules={[zodRule(fields.dutyName)]}>
                <Input maxLength={maxLengthOf(fields.dutyName)} />
              </Form.Item>
            </>
          ) : null
        }
      </Form.Item>
    </FormModal>
  );
}
