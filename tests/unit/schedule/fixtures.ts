import type { ClassPeriod, OpeningSlot, SchoolCalendar, SpecialDay } from '../../../shared/domain/schedule';

const holiday = (date: string, name: string): SpecialDay => ({ date, kind: 'holiday', followsWeekday: null, name });
const makeup = (date: string, followsWeekday: number): SpecialDay => ({ date, kind: 'makeupWorkday', followsWeekday, name: '调休上课' });

/**
 * A made-up but realistic school year. 2026-09-02 is a Wednesday; 国庆 2026-10-01 is a Thursday, so
 * its weekdays are 10-01, 10-02, 10-05, 10-06, 10-07 (10-03/04 are an ordinary weekend);
 * 调休: Saturday 09-26 follows Monday, Saturday 10-10 follows Friday. 元旦 2027-01-01 is a Friday,
 * 清明 2027-04-05 a Monday.
 */
export const calendar: SchoolCalendar = {
  terms: [
    { id: 'autumn', name: '2026 秋季学期', startDate: '2026-09-02', endDate: '2027-01-22' },
    { id: 'spring', name: '2027 春季学期', startDate: '2027-02-22', endDate: '2027-07-02' },
  ],
  specialDays: [
    makeup('2026-09-26', 1),
    ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((d) => holiday(d, '国庆节')),
    makeup('2026-10-10', 5),
    holiday('2027-01-01', '元旦'),
    holiday('2027-04-05', '清明节'),
  ],
};

export function slot(id: string, roomId: string, rrule: string, startMin: number, endMin: number, extra: Partial<OpeningSlot> = {}): OpeningSlot {
  return { id, roomId, rrule, validFrom: '2026-09-02', validUntil: null, startMin, endMin, dutyUserId: null, ...extra };
}

/** Room 1 at lunch on Monday and Wednesday (12:00–13:30), with 李老师 on duty. */
export const monWed = slot('mon-wed', 'room-1', 'FREQ=WEEKLY;BYDAY=MO,WE', 720, 810, { dutyUserId: 'u-li' });
/** Room 1 every other Friday 16:00–17:30 from the week of 09-02: 09-04, 09-18, 10-02, 10-16 … */
export const fridaysA = slot('fri-a', 'room-1', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', 960, 1050);
/** Room 2 every other Friday from the week of 09-07: 09-11, 09-25, 10-09, 10-23 … */
export const fridaysB = slot('fri-b', 'room-2', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', 960, 1050, { validFrom: '2026-09-07', dutyUserId: 'u-wang' });

const weekdays = [1, 2, 3, 4, 5];
const daily = (startMin: number, endMin: number, label: string): ClassPeriod[] => weekdays.map((weekday) => ({ weekday, startMin, endMin, label }));

/** Five lessons on every weekday, listed out of order, plus a Monday-only 班会 16:00–16:45. */
export const bell: ClassPeriod[] = [
  ...daily(840, 885, '第5节'),
  ...daily(480, 525, '第1节'),
  ...daily(895, 940, '第6节'),
  ...daily(535, 580, '第2节'),
  ...daily(600, 645, '第3节'),
  { weekday: 1, startMin: 960, endMin: 1005, label: '班会' },
];
