import { Alert, App, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_KINDS, appointmentsApi, type AppointmentView, type ClashDetail } from '../../../../shared/api/appointments';
import type { OutputOf } from '../../../../shared/api/contract';
import type { ClientSource } from '../../../../shared/api/sources';
import { api } from '../../api/client';
import { DateTimeFields } from '../../components/DateTimeFields';
import { FormModal } from '../../components/FormModal';
import { OverrideAlert } from '../../components/OverrideAlert';
import { useClientSources } from '../../lib/clientSources';
import { errorMessage } from '../../lib/errors';
import { maxLengthOf, zodRule } from '../../lib/zodForm';
import { ClashList, clashesOf, isOutsideOpening } from './clashes';
import { ClientFields, clientInput, ClientName, type ClientKind } from './ClientFields';
import { useCounselors, useRooms } from './data';
import { useScheduleLabels } from './labels';

const fields = appointmentsApi['appointments.create'].input.shape;
const repeatFields = fields.repeat.unwrap().shape;
const INTERVALS = [1, 2, 3, 4] as const;
const BOOKABLE_STATUSES = ['confirmed', 'requested'] as const;

export type WaitlistItem = OutputOf<'waitlist.add'>;

/** A free slot to book, with who is to be booked in it when that is known. */
export interface NewBooking {
  kind: 'new';
  date: string;
  start: string;
  end: string;
  roomId: string | null;
  counselorId: string;
  /** Booking a waiting client: theirs is the client, and the booking takes them off the waitlist. */
  waitlist?: WaitlistItem;
  /** Booking a talk after a screening answer: the student is given and the source is screening. */
  student?: { id: string; name: string };
  /** Booking from a crisis case's 积极干预 step: the booking is linked there and its source is crisis. */
  crisisCaseId?: string;
}

/** A new booking starts from a free slot; an edit from the appointment it changes. */
export type BookingTarget = NewBooking | { kind: 'edit'; appointment: AppointmentView };

interface Values {
  clientKind: ClientKind;
  studentId?: string;
  clientLabel?: string;
  counselorId: string;
  roomId?: string | null;
  date: string;
  start: string;
  end: string;
  kind: (typeof APPOINTMENT_KINDS)[number];
  source: ClientSource;
  status: (typeof BOOKABLE_STATUSES)[number];
  notes?: string;
  repeats?: boolean;
  repeat?: { count: number; intervalWeeks: number };
  overrideOpening?: boolean;
}

function initialValues(target: BookingTarget): Partial<Values> {
  if (target.kind === 'new') {
    const { kind: _kind, roomId, waitlist, student, crisisCaseId, ...slot } = target;
    return {
      ...slot,
      roomId: roomId ?? undefined,
      clientKind: 'student',
      kind: 'individual',
      source: waitlist?.source ?? (crisisCaseId ? 'crisis' : student ? 'screening' : 'selfReferral'),
      status: 'confirmed',
      repeat: { count: 4, intervalWeeks: 1 },
    };
  }
  const a = target.appointment;
  return { counselorId: a.counselorId, roomId: a.roomId ?? undefined, date: a.date, start: a.start, end: a.end, kind: a.kind, source: a.source, notes: a.notes };
}

/**
 * 新建预约 / 修改预约. A clash is listed in full (every clashing appointment named) and nothing is
 * booked; a time outside the room's opening hours offers "book anyway", which the core records.
 */
export function BookingModal({ target, onClose, onSaved }: { target: BookingTarget | null; onClose(): void; onSaved(booked: AppointmentView[]): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useScheduleLabels();
  const sources = useClientSources();
  const [form] = Form.useForm<Values>();
  const rooms = useRooms();
  const counselors = useCounselors();
  const [clashes, setClashes] = useState<ClashDetail[] | null>(null);
  /** Why the core wants an override: the room is not open then (the message names the date). */
  const [outside, setOutside] = useState<string | null>(null);
  const repeats = Form.useWatch('repeats', form);
  const editing = target?.kind === 'edit' ? target.appointment : null;
  const waiting = target?.kind === 'new' ? target.waitlist : undefined;
  const student = target?.kind === 'new' ? target.student : undefined;
  const crisisCaseId = target?.kind === 'new' ? target.crisisCaseId : undefined;
  const given = waiting ?? (student ? { clientKind: 'student' as const, clientLabel: student.name } : undefined);

  const reset = () => {
    setClashes(null);
    setOutside(null);
  };

  const save = async (values: Values) => {
    const { repeats: repeating, repeat, clientKind, studentId, clientLabel, status, roomId, notes = '', overrideOpening = false, ...slot } = values;
    const common = { ...slot, roomId: roomId ?? null, notes, overrideOpening };
    setClashes(null);
    try {
      let booked: AppointmentView[];
      if (editing) {
        booked = [await api.appointments.update({ id: editing.id, ...common })];
        void message.success(t('schedule.booking.updated'));
      } else {
        const client = clientInput(waiting ?? (student ? { clientKind: 'student', studentId: student.id } : { clientKind, studentId, clientLabel }));
        booked = (await api.appointments.create({ ...common, ...client, status, repeat: repeating ? repeat : undefined, waitlistId: waiting?.id, crisisCaseId })).items;
        void message.success(t('schedule.booking.booked', { count: booked.length }));
      }
      reset();
      onSaved(booked);
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
      {given ? (
        <Form.Item label={t('schedule.booking.client')}>
          <Flex vertical gap="small">
            <ClientName client={given} />
            {waiting?.preference && <Alert type="info" showIcon title={t('schedule.waitlist.canCome', { preference: waiting.preference })} />}
          </Flex>
        </Form.Item>
      ) : (
        !editing && <ClientFields />
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
            <Select options={sources.options} />
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
