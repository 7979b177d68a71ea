import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { OccurrenceView } from '../../../../shared/api/openings';
import type { CalendarView } from '../../../../shared/api/school-calendar';
import { isoWeekday, listOpeningDays } from '../../../../shared/domain/schedule';
import { usePrintOnMount } from '../../components/usePrintOnMount';
import { useScheduleLabels } from '../schedule/labels';
import './doorSchedule.css';

export interface DoorWeek {
  schoolName: string;
  weekStart: string;
  weekEnd: string;
  calendar: CalendarView;
  /** From openings.expand only: rooms, hours and duty names, never a booking or a student. */
  openings: OccurrenceView[];
}

/**
 * 门口开放时间表: the week's opening hours of every room with who is on duty, for the door. Columns
 * are the week's school days (a 调休 weekend day included, a holiday left out and named below) and
 * any weekend day with an opening.
 * Mounted only for window.print() under <body>, printed the way the archive export is.
 */
export function DoorSchedulePrint({ week, onDone }: { week: DoorWeek; onDone(): void }) {
  const { t } = useTranslation();
  const labels = useScheduleLabels();
  usePrintOnMount(onDone);
  const monthDay = (date: string) => t('schedule.door.monthDay', { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });

  // Every school day, and any other day of the week with an opening (a boarding school's Saturday, an extra on a Sunday).
  const opened = new Set(week.openings.map((o) => o.date));
  const days = listOpeningDays(week.calendar, week.weekStart, week.weekEnd).filter((d) => d.reason !== 'weekend' || opened.has(d.date));
  const holidays = week.calendar.specialDays.filter((d) => d.kind === 'holiday' && week.weekStart <= d.date && d.date <= week.weekEnd);
  const rooms = [...new Set(week.openings.map((o) => o.roomName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const cell = (room: string, date: string) =>
    week.openings.filter((o) => o.roomName === room && o.date === date).sort((a, b) => a.start.localeCompare(b.start));

  return createPortal(
    // archive-print: the archive export's print rules (styles.css) hide it on screen and, while it
    // is mounted, print nothing else; door-print gives it the door's larger type.
    <div className="archive-print door-print" data-testid="door-print">
      <h1>{t('schedule.door.heading', { school: week.schoolName })}</h1>
      <p className="door-print-week">{t('schedule.door.week', { start: monthDay(week.weekStart), end: monthDay(week.weekEnd) })}</p>
      {days.length === 0 || rooms.length === 0 ? (
        <p>{t('schedule.door.closedWeek')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('schedule.door.room')}</th>
              {days.map((d) => (
                <th key={d.date}>
                  {labels.label('weekday', isoWeekday(d.date))}
                  <br />
                  {monthDay(d.date)}
                  {d.reason === 'makeupWorkday' && (
                    <>
                      <br />
                      {t('schedule.door.makeup', { weekday: labels.label('weekday', d.timetableWeekday) })}
                    </>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rooms.map((room) => (
              <tr key={room}>
                <th scope="row">{room}</th>
                {days.map((d) => {
                  const open = cell(room, d.date);
                  return (
                    <td key={d.date}>
                      {open.length === 0
                        ? t('schedule.door.closed')
                        : open.map((o) => (
                            <div key={`${o.start}-${o.end}`} className="door-print-opening">
                              <strong>
                                {o.start}–{o.end}
                              </strong>
                              {o.dutyName && <div>{t('schedule.page.duty', { name: o.dutyName })}</div>}
                            </div>
                          ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {holidays.length > 0 && (
        <p>
          {t('schedule.door.holidays', {
            days: holidays.map((h) => [monthDay(h.date), h.name].filter(Boolean).join(' ')).join(t('common.listSeparator')),
          })}
        </p>
      )}
      <p className="door-print-foot">{t('schedule.door.foot')}</p>
    </div>,
    document.body,
  );
}
