import { App, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_CLIENT_KINDS,
  APPOINTMENT_KINDS,
  APPOINTMENT_SOURCES,
  appointmentsApi,
  type AppointmentView,
  type ClashDetail,
} from '../../../../shared/api/appointments';
import { LIMITS, requiredText } from '../../../../shared/api/fields';
import { api } from '../../api/client';
import { DateTimeFields } from '../../components/DateTimeFields';
import { FormModal } from '../../components/FormModal';
import { OverrideAlert } from '../../components/OverrideAlert';
import { StudentPicker } from '../../components/StudentPicker';
import { errorMessage } from '../../lib/errors';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { ClashList, clashesOf, isOutsideOpening } from './clashes';
import { useCounselors, useRooms } from './data';
import { useScheduleLabels } from './labels';

const fields = appointmentsApi['appointments.create'].input.shape;
const repeatFields = fields.repeat.unwrap().shape;
/** Staff, a parent or a group must be named (the contract refines this across fields). */
const clientLabelField = requiredText(LIMITS.name);
const INTERVALS = [1, 2, 3, 4] as const;
const BOOKABLE_STATUSES = ['confirmed', 'requested'] as const;

/** A new booking starts from a free slot; an edit from the appointment it changes. */
export type BookingTarget =
  | { kind: 'new'; date: string; start: string; end: string; roomId: string | null; counselorId: string }
  | { kind: 'edit'; appointment: AppointmentView };

interface Values {
  clientKind: (typeof APPOINTMENT_CLIENT_KINDS)[number];
  studentId?: string;
  clientLabel?: string;
  counselorId: string;
  roomId?: string | null;
  date: string;
  start: string;
  end: string;
  kind: (typeof APPOINTMENT_KINDS)[number];
  source: (typeof APPOINTMENT_SOURCES)[number];
  status: (typeof BOOKABLE_STATUSES)[number];
  notes?: string;
  repeats?: boolean;
  repeat?: { count: number; intervalWeeks: number };
  overrideOpening?: boolean;
}

function initialValues(target: BookingTarget): Partial<Values> {
  if (target.kind === 'new') {
    const { kind: _kind, roomId, ...slot } = target;
    return { ...slot, roomId: roomId ?? undefined, clientKind: 'student', kind: 'individual', source: 'selfReferral', status: 'confirmed', repeat: { count: 4, intervalWeeks: 1 } };
  }
  const a = target.appointment;
  return { counselorId: a.counselorId, roomId: a.roomId ?? undefined, date: a.date, start: a.start, end: a.end, kind: a.kind, source: a.source, notes: a.notes };
}

/**
 * 新建预约 / 修改预约. A clash is listed in full (every clashing appointment named) and nothing is
 * booked; a time outside the room's opening hours offers "book anyway", which the core records.
 */
export function BookingModal({ target, onClose, onSaved }: { target: BookingTarget | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  const [form] = Form.useForm<Values>();
  const rooms = useRooms();
  const counselors = useCounselors();
  const [clashes, setClashes] = useState<ClashDetail[] | null>(null);
  /** Why the core wants an override: the room is not open then (the message names the date). */
  const [outside, setOutside] = useState<string | null>(null);
  const clientKind = Form.useWatch('clientKind', form);
  const repeats = Form.useWatch('repeats', form);
  const editing = target?.kind === 'edit' ? target.appointment : null;

  const reset = () => {
    setClashes(null);
    setOutside(null);
  };

  const save = async (values: Values) => {
    const { repeats: repeating, repeat, studentId, clientLabel = '', status, roomId, notes = '', overrideOpening = false, ...booking } = values;
    const common = { ...booking, roomId: roomId ?? null, notes, overrideOpening };
    setClashes(null);
    try {
      if (editing) {
        const { clientKind: _clientKind, ...slot } = common;
        await api.appointments.update({ id: editing.id, ...slot });
        void message.success(t('schedule.booking.updated'));
      } else {
        const client = common.clientKind === 'student' ? { studentId } : { clientLabel };
        const { items } = await api.appointments.create({ ...common, ...client, status, repeat: repeating ? repeat : undefined });
        void message.success(t('schedule.booking.booked', { count: items.length }));
      }
      reset();
      onSaved();
    } catch (err) {
      const found = clashesOf(err);
      if (found) setClashes(found);
      else if (isOutsideOpening(err)) setOutside(errorMessage(err));
      else throw err;
    }
  };

  const close = () => {
    reset();
    onClose();
  };

  return (
    <FormModal<Values>
      open={target !== null}
      form={form}
      title={editing ? t('schedule.booking.editTitle') : t('schedule.booking.title')}
      okText={editing ? t('common.save') : t('schedule.booking.book')}
      width={680}
      initialValues={target ? initialValues(target) : undefined}
      onSubmit={save}
      onClose={close}
    >
      {!editing && (
        <>
          <Form.Item name="clientKind" label={t('schedule.booking.clientKind')}>
            <Radio.Group options={labels.options('clientKind', APPOINTMENT_CLIENT_KINDS)} />
          </Form.Item>
          {clientKind === 'student' ? (
            <Form.Item name="studentId" label={t('schedule.booking.student')} rules={[{ required: true, message: t('errors.field.required') }]}>
              <StudentPicker autoFocus />
            </Form.Item>
          ) : (
            <Form.Item name="clientLabel" label={t('schedule.booking.clientLabel')} rules={[zodRule(clientLabelField)]}>
              <Input maxLength={maxLengthOf(clientLabelField)} showCount />
            </Form.Item>
          )}
        </>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="counselorId" label={t('schedule.booking.counselor')} rules={[zodRule(fields.counselorId.unwrap())]}>
            <Select options={counselors.map((u) => ({ value: u.id, label: u.displayName }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="roomId" label={t('schedule.booking.room')}>
            <Select allowClear placeholder={t('schedule.booking.noRoom')} options={(rooms.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
        </Col>
      </Row>
      <DateTimeFields schemas={fields} labels={{ date: t('schedule.booking.date'), start: t('schedule.booking.start'), end: t('schedule.booking.end') }} />
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="kind" label={t('schedule.booking.kind')} rules={[zodRule(fields.kind)]}>
            <Select options={labels.options('kind', APPOINTMENT_KINDS)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="source" label={t('schedule.booking.source')} rules={[zodRule(fields.source)]}>
            <Select options={labels.options('source', APPOINTMENT_SOURCES)} />
          </Form.Item>
        </Col>
        {!editing && (
          <Col span={8}>
            <Form.Item name="status" label={t('schedule.booking.status')}>
              <Select options={labels.options('status', BOOKABLE_STATUSES)} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="notes" label={t('schedule.booking.notes')} rules={[zodRule(fields.notes)]}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(fields.notes)} showCount />
      </Form.Item>
      {!editing && (
        <Flex gap="middle" align="baseline" wrap>
          <Form.Item name="repeats" valuePropName="checked">
            <Checkbox>{t('schedule.booking.repeat')}</Checkbox>
          </Form.Item>
          {repeats && (
            <>
              <Form.Item name={['repeat', 'intervalWeeks']} label={t('schedule.booking.interval')} layout="horizontal">
                <Select style={{ width: 120 }} options={INTERVALS.map((n) => ({ value: n, label: n === 1 ? t('schedule.booking.weekly') : t('schedule.slots.everyNWeeks', { count: n }) }))} />
              </Form.Item>
              <Form.Item name={['repeat', 'count']} label={t('schedule.booking.repeatCount')} rules={[zodRule(repeatFields.count)]} layout="horizontal">
                <InputNumber min={2} max={52} precision={0} />
              </Form.Item>
            </>
          )}
        </Flex>
      )}
      {clashes && <ClashList clashes={clashes} />}
      {outside && <OverrideAlert reason={outside} name="overrideOpening" label={t('schedule.booking.override')} />}
    </FormModal>
  );
}
