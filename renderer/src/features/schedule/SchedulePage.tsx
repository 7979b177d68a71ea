import { useCalendarController } from '@fullcalendar/react';
import { Alert, App, Button, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_STATUSES, type AppointmentView, type ClashDetail } from '../../../../shared/api/appointments';
import { formatTime, parseTime } from '../../../../shared/domain/schedule';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { useSchoolToday } from '../../lib/time';
import { useCall } from '../../lib/useCall';
import { useSession } from '../../stores/session';
import { AppointmentDrawer } from './AppointmentDrawer';
import { BookingModal, type BookingTarget, type NewBooking } from './BookingModal';
import { ClashList, clashesOf, isOutsideOpening } from './clashes';
import { useCounselors, useRooms } from './data';
import { ExportIcsButton } from './ExportIcsButton';
import { useScheduleLabels } from './labels';
import { ScheduleCalendar, type CalendarView, type DaySpan, type ScheduleMode } from './ScheduleCalendar';
import { STATUS_COLORS } from './statusColors';
import { Waitlist } from './Waitlist';
import { PageTitle } from '../../components/PageTitle';
import { SegmentedChoice } from '../../components/SegmentedChoice';

interface Range {
  from: string;
  to: string;
}

const listAppointments = (input: Range & { roomId?: string; counselorId?: string }) => api.appointments.list(input);
const expandOpenings = (input: Range & { roomId?: string }) => api.openings.expand(input);

/** A click on the grid selects one snap step; a session is longer than that. */
const DEFAULT_MINUTES = 45;
const LAST_MINUTE = 21 * 60;

/** 日程: the week (or day) of one room or one counselor, to book, move, confirm and cancel in. */
export function SchedulePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useScheduleLabels();
  const me = useSession((s) => s.status?.user?.id ?? '');
  const today = useSchoolToday();
  const controller = useCalendarController();
  const rooms = useRooms();
  const counselors = useCounselors();
  const [chosenMode, setMode] = useState<ScheduleMode>('room');
  const [chosenRoom, setRoomId] = useState<string | undefined>();
  const [counselorId, setCounselorId] = useState(me);
  const [view, setView] = useState<CalendarView>('timeGridWeek');
  const [range, setRange] = useState<Range | null>(null);
  const [booking, setBooking] = useState<BookingTarget | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [moveClashes, setMoveClashes] = useState<ClashDetail[] | null>(null);

  const roomList = rooms.data?.items ?? [];
  // Without rooms there is nothing to show by room; a counselor's own week still makes sense.
  const mode: ScheduleMode = rooms.data && roomList.length === 0 ? 'counselor' : chosenMode;
  const roomId = chosenRoom ?? roomList[0]?.id;
  const byRoom = mode === 'room';
  const ready = range !== null && (!byRoom || roomId !== undefined);
  const appointments = useCall(listAppointments, ready ? { ...range, ...(byRoom ? { roomId } : { counselorId }) } : null);
  const openings = useCall(expandOpenings, ready ? { ...range, ...(byRoom ? { roomId } : {}) } : null);
  const failure = appointments.error ?? openings.error ?? rooms.error;
  // The first slot offered is the next opening in view: until the view's openings have come, a
  // booking would start at today 08:00 and meet the opening-hours warning. Later reloads keep the
  // last openings, so the buttons stay usable (and focused) while the view refreshes.
  const canBook = ready && openings.data !== undefined;

  const reload = () => {
    appointments.reload();
    openings.reload();
  };

  const slotAt = (span: DaySpan): NewBooking => {
    const start = parseTime(span.start) ?? 0;
    const end = (parseTime(span.end) ?? 0) - start < 30 ? formatTime(Math.min(start + DEFAULT_MINUTES, LAST_MINUTE)) : span.end;
    const open = (openings.data?.items ?? []).find((o) => o.date === span.date && o.start <= span.start && span.start < o.end);
    return { kind: 'new', ...span, end, roomId: byRoom ? (roomId ?? null) : (open?.roomId ?? null), counselorId: byRoom ? me : counselorId };
  };

  /** Where 新建预约 and a booking from the waitlist start: the next opening in view, else today at eight. */
  const nextSlot = () => {
    const next = (openings.data?.items ?? []).find((o) => o.date >= today);
    return slotAt(next ? { date: next.date, start: next.start, end: next.end } : { date: today, start: '08:00', end: '08:00' });
  };

  const move = async (a: AppointmentView, to: DaySpan, revert: () => void) => {
    const update = (overrideOpening: boolean) => api.appointments.update({ id: a.id, ...to, overrideOpening });
    setMoveClashes(null);
    try {
      try {
        await update(false);
      } catch (err) {
        if (!isOutsideOpening(err)) throw err;
        const anyway = await modal.confirm({
          title: t('schedule.booking.outsideTitle'),
          content: t('schedule.move.outsideBody', { date: to.date, start: to.start, end: to.end }),
          okText: t('schedule.booking.override'),
          cancelText: t('common.cancel'),
        });
        if (!anyway) throw err;
        await update(true);
      }
      void message.success(t('schedule.move.moved'));
    } catch (err) {
      revert();
      const clashes = clashesOf(err);
      if (clashes) setMoveClashes(clashes);
      else if (!isOutsideOpening(err)) void message.error(errorMessage(err));
    } finally {
      reload();
    }
  };

  const title = controller.view?.title ?? '';
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" gap="small" wrap>
        <PageTitle>
          {t('schedule.page.title')}
        </PageTitle>
        <Flex gap="small" wrap>
          <Button type="primary" onClick={() => setBooking(nextSlot())} disabled={!canBook}>
            {t('schedule.page.newAppointment')}
          </Button>
          <Waitlist slot={nextSlot} canBook={canBook} onBooked={reload} />
          {range && <ExportIcsButton from={range.from} to={range.to} />}
        </Flex>
      </Flex>
      {rooms.data && roomList.length === 0 && <Alert type="info" showIcon title={t('schedule.page.noRooms')} />}
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Space wrap>
          <SegmentedChoice<ScheduleMode>
            aria-label={t('schedule.page.show')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'room', label: t('schedule.page.byRoom'), disabled: roomList.length === 0 },
              { value: 'counselor', label: t('schedule.page.byCounselor') },
            ]}
          />
          {byRoom ? (
            <Select
              aria-label={t('schedule.booking.room')}
              style={{ width: 200 }}
              value={roomId}
              onChange={setRoomId}
              options={roomList.map((r) => ({ value: r.id, label: r.name }))}
            />
          ) : (
            <Select
              aria-label={t('schedule.booking.counselor')}
              style={{ width: 200 }}
              value={counselorId}
              onChange={setCounselorId}
              options={counselors.map((u) => ({ value: u.id, label: u.id === me ? t('schedule.page.me', { name: u.displayName }) : u.displayName }))}
            />
          )}
        </Space>
        <Space wrap>
          <Button aria-label={t('schedule.page.prev')} onClick={() => controller.prev()}>
            ‹
          </Button>
          <Button onClick={() => controller.today()}>{t('schedule.page.today')}</Button>
          <Button aria-label={t('schedule.page.next')} onClick={() => controller.next()}>
            ›
          </Button>
          <Typography.Text strong aria-live="polite" style={{ minWidth: 160, display: 'inline-block', textAlign: 'center' }}>
            {title}
          </Typography.Text>
          <SegmentedChoice<CalendarView>
            aria-label={t('schedule.page.view')}
            value={view}
            onChange={(v) => {
              setView(v);
              controller.changeView(v);
            }}
            options={[
              { value: 'timeGridWeek', label: t('schedule.page.week') },
              { value: 'timeGridDay', label: t('schedule.page.day') },
            ]}
          />
        </Space>
      </Flex>
      {failure !== undefined && <Alert type="error" showIcon title={errorMessage(failure)} />}
      {moveClashes && <ClashList clashes={moveClashes} title={t('schedule.move.refused', { count: moveClashes.length })} onClose={() => setMoveClashes(null)} />}
      <ScheduleCalendar
        controller={controller}
        initialView={view}
        mode={mode}
        appointments={appointments.data?.items ?? []}
        openings={openings.data?.items ?? []}
        onRange={setRange}
        onSelect={(span) => setBooking(slotAt(span))}
        onOpen={setOpened}
        onMove={(a, to, revert) => void move(a, to, revert)}
      />
      <Flex gap="middle" wrap aria-label={t('schedule.page.legend')}>
        <span className="schedule-legend">
          <i className="schedule-legend-opening" />
          {t('schedule.page.open')}
        </span>
        {APPOINTMENT_STATUSES.filter((s) => s !== 'cancelled').map((s) => (
          <span key={s} className="schedule-legend">
            <i style={{ background: STATUS_COLORS[s] }} />
            {labels.label('status', s)}
          </span>
        ))}
      </Flex>
      <BookingModal
        target={booking}
        onClose={() => setBooking(null)}
        onSaved={() => {
          setBooking(null);
          reload();
        }}
      />
      <AppointmentDrawer appointmentId={opened} onClose={() => setOpened(null)} onChanged={reload} />
    </Flex>
  );
}
