import FullCalendar, { type CalendarController, type EventInput } from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import zhCnLocale from '@fullcalendar/react/locales/zh-cn';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './schedule.css';
import { useTranslation } from 'react-i18next';
import { STATUS_FLOW, type AppointmentView } from '../../../../shared/api/appointments';
import type { OccurrenceView } from '../../../../shared/api/openings';
import { addDays } from '../../../../shared/domain/dates';
import { useShownName } from '../../components/PersonName';
import { useSchoolZone } from '../../lib/time';
import { useSettings } from '../../stores/settings';
import { STATUS_COLORS } from './statusColors';

export type CalendarView = 'timeGridWeek' | 'timeGridDay';
export type ScheduleMode = 'room' | 'counselor';

/** A span on one school day, as the contract writes it. */
export interface DaySpan {
  date: string;
  start: string;
  end: string;
}

/** FullCalendar renders in the school's zone, so its ISO strings carry the school's wall-clock time. */
function spanOf(startStr: string, endStr: string): DaySpan {
  return { date: startStr.slice(0, 10), start: startStr.slice(11, 16), end: endStr.slice(11, 16) };
}

export interface ScheduleCalendarProps {
  controller: CalendarController;
  initialView: CalendarView;
  initialDate?: string;
  mode: ScheduleMode;
  appointments: readonly AppointmentView[];
  openings: readonly OccurrenceView[];
  /** The dates shown, first and last (inclusive). */
  onRange(range: { from: string; to: string }): void;
  onSelect(span: DaySpan): void;
  onOpen(appointmentId: string): void;
  /** A drag or resize; `revert` puts the event back when the core refuses. */
  onMove(appointment: AppointmentView, to: DaySpan, revert: () => void): void;
}

/**
 * The week (or day) grid: opening hours as background, appointments on top, today's line. A click
 * or drag on free time books it; an appointment opens on click and moves by drag or resize until it
 * is final.
 */
export function ScheduleCalendar(p: ScheduleCalendarProps) {
  const { t } = useTranslation();
  const shown = useShownName();
  const timeZone = useSchoolZone();
  const language = useSettings((s) => s.language);

  const events: EventInput[] = [
    ...p.openings.map((o) => ({
      id: `opening:${o.roomId}:${o.date}:${o.start}`,
      start: `${o.date}T${o.start}`,
      end: `${o.date}T${o.end}`,
      display: 'background',
      className: 'schedule-opening',
      // By counselor several rooms share the grid, so each opening names its room.
      title: [p.mode === 'counselor' ? o.roomName : t('schedule.page.open'), o.dutyName && t('schedule.page.duty', { name: o.dutyName })].filter(Boolean).join(' · '),
    })),
    ...p.appointments.map((a) => ({
      id: a.id,
      start: `${a.date}T${a.start}`,
      end: `${a.date}T${a.end}`,
      title: shown(a.clientLabel),
      color: STATUS_COLORS[a.status],
      editable: STATUS_FLOW[a.status].length > 0,
      className: 'schedule-appointment',
      extendedProps: { appointment: a },
    })),
  ];

  return (
    <div className="schedule-calendar">
      <FullCalendar
        plugins={[timeGridPlugin, interactionPlugin, classicTheme]}
        controller={p.controller}
        initialView={p.initialView}
        initialDate={p.initialDate}
        headerToolbar={false}
        locale={language === 'zh-CN' ? zhCnLocale : 'en'}
        timeZone={timeZone}
        firstDay={1}
        allDaySlot={false}
        slotMinTime="07:00:00"
        slotMaxTime="21:00:00"
        scrollTime="07:30:00"
        slotDuration="00:30:00"
        snapDuration="00:15:00"
        titleFormat={{ year: 'numeric', month: 'long', day: 'numeric' }}
        timedText={t('schedule.page.timed')}
        slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        height="auto"
        nowIndicator
        selectable
        selectMirror
        // One appointment lives on one day.
        selectAllow={(span) => span.startStr.slice(0, 10) === span.endStr.slice(0, 10)}
        editable
        eventDurationEditable
        events={events}
        datesSet={(range) => p.onRange({ from: range.startStr.slice(0, 10), to: addDays(range.endStr.slice(0, 10), -1) })}
        select={(info) => p.onSelect(spanOf(info.startStr, info.endStr))}
        eventClick={(info) => {
          const a = info.event.extendedProps.appointment as AppointmentView | undefined;
          if (a) p.onOpen(a.id);
        }}
        eventChange={(info) => {
          const a = info.event.extendedProps.appointment as AppointmentView | undefined;
          if (a) p.onMove(a, spanOf(info.event.startStr, info.event.endStr), info.revert);
        }}
        eventContent={(info) => {
          const a = info.event.extendedProps.appointment as AppointmentView | undefined;
          if (!a) return true;
          return (
            <div className="schedule-event">
              <div className="schedule-event-meta">
                {a.start}–{a.end} · {p.mode === 'room' ? a.counselorName : (a.roomName ?? t('schedule.booking.noRoom'))}
              </div>
              <div className="schedule-event-title">{shown(a.clientLabel)}</div>
            </div>
          );
        }}
      />
    </div>
  );
}
