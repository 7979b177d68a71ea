import { describe, expect, it } from 'vitest';
import { type SchoolCalendar, listSchoolDays, schoolDayInfo, validateCalendar } from '../../../shared/domain/schedule';
import { calendar } from './fixtures';

describe('school days', () => {
  it('starts the term on its first day, a Wednesday, and is outside every term the day before', () => {
    expect(schoolDayInfo(calendar, '2026-09-01')).toEqual({ schoolDay: false, timetableWeekday: null, termId: null, reason: 'outsideTerm' });
    expect(schoolDayInfo(calendar, '2026-09-02')).toEqual({ schoolDay: true, timetableWeekday: 3, termId: 'autumn', reason: 'weekday' });
  });

  it('keeps the term on an ordinary weekend but it is no school day', () => {
    expect(schoolDayInfo(calendar, '2026-09-05')).toEqual({ schoolDay: false, timetableWeekday: null, termId: 'autumn', reason: 'weekend' });
  });

  it('makes the 调休 Saturday 2026-09-26 a school day on Monday’s timetable, then Sunday off and Monday back to normal', () => {
    expect(schoolDayInfo(calendar, '2026-09-26')).toEqual({ schoolDay: true, timetableWeekday: 1, termId: 'autumn', reason: 'makeupWorkday' });
    expect(schoolDayInfo(calendar, '2026-09-27')).toMatchObject({ schoolDay: false, reason: 'weekend' });
    expect(schoolDayInfo(calendar, '2026-09-28')).toMatchObject({ schoolDay: true, timetableWeekday: 1, reason: 'weekday' });
  });

  it('closes the 国庆 weekdays, leaves 10-03/04 a plain weekend and reopens on Thursday 10-08', () => {
    expect(schoolDayInfo(calendar, '2026-10-01')).toEqual({ schoolDay: false, timetableWeekday: null, termId: 'autumn', reason: 'holiday' });
    expect(schoolDayInfo(calendar, '2026-10-03')).toMatchObject({ schoolDay: false, reason: 'weekend' });
    expect(schoolDayInfo(calendar, '2026-10-07')).toMatchObject({ schoolDay: false, reason: 'holiday' });
    expect(schoolDayInfo(calendar, '2026-10-08')).toMatchObject({ schoolDay: true, timetableWeekday: 4, reason: 'weekday' });
    expect(schoolDayInfo(calendar, '2026-10-10')).toMatchObject({ schoolDay: true, timetableWeekday: 5, reason: 'makeupWorkday' });
  });

  it('ends the term on its last Friday and treats the winter break as outside every term', () => {
    expect(schoolDayInfo(calendar, '2027-01-22')).toMatchObject({ schoolDay: true, timetableWeekday: 5, termId: 'autumn' });
    expect(schoolDayInfo(calendar, '2027-01-25')).toMatchObject({ schoolDay: false, termId: null, reason: 'outsideTerm' });
    expect(schoolDayInfo(calendar, '2027-02-22')).toMatchObject({ schoolDay: true, termId: 'spring', reason: 'weekday' });
  });

  it('lists the school days around 国庆 with their timetable weekdays', () => {
    expect(listSchoolDays(calendar, '2026-09-24', '2026-10-11').map((d) => [d.date, d.timetableWeekday])).toEqual([
      ['2026-09-24', 4],
      ['2026-09-25', 5],
      ['2026-09-26', 1],
      ['2026-09-28', 1],
      ['2026-09-29', 2],
      ['2026-09-30', 3],
      ['2026-10-08', 4],
      ['2026-10-09', 5],
      ['2026-10-10', 5],
    ]);
  });

  it('counts 99 school days in autumn (103 weekdays − 6 holidays + 2 调休) and 94 in spring (95 − 清明)', () => {
    expect(listSchoolDays(calendar, '2026-09-02', '2027-01-22')).toHaveLength(99);
    expect(listSchoolDays(calendar, '2027-02-22', '2027-07-02')).toHaveLength(94);
  });
});

describe('calendar validation', () => {
  it('finds nothing wrong with a sound calendar', () => {
    expect(validateCalendar(calendar)).toEqual([]);
  });

  it('names every problem by its path', () => {
    const bad: SchoolCalendar = {
      terms: [
        { id: 'a', name: 'A', startDate: '2026-09-02', endDate: '2027-01-22' },
        { id: 'b', name: 'B', startDate: '2027-01-10', endDate: '2027-06-30' },
        { id: 'c', name: 'C', startDate: '2027-08-01', endDate: '2027-07-01' },
      ],
      specialDays: [
        { date: '2026-10-01', kind: 'holiday', followsWeekday: null, name: '国庆节' },
        { date: '2026-10-03', kind: 'holiday', followsWeekday: null, name: '国庆节（周六）' },
        { date: '2026-10-09', kind: 'makeupWorkday', followsWeekday: 5, name: '周五补班' },
        { date: '2026-10-10', kind: 'makeupWorkday', followsWeekday: null, name: '补班' },
        { date: '2026-10-11', kind: 'makeupWorkday', followsWeekday: 6, name: '补周六' },
        { date: '2026-10-02', kind: 'holiday', followsWeekday: 3, name: '国庆节' },
        { date: '2026-10-01', kind: 'holiday', followsWeekday: null, name: '国庆节重复' },
      ],
    };
    expect(validateCalendar(bad)).toEqual([
      { path: ['terms', 2, 'endDate'], messageKey: 'errors.schedule.termEndBeforeStart' },
      { path: ['terms', 1, 'startDate'], messageKey: 'errors.schedule.termsOverlap', params: { otherIndex: 0 } },
      { path: ['specialDays', 1, 'date'], messageKey: 'errors.schedule.holidayOnWeekend' },
      { path: ['specialDays', 2, 'date'], messageKey: 'errors.schedule.makeupNotWeekend' },
      { path: ['specialDays', 3, 'followsWeekday'], messageKey: 'errors.schedule.makeupNeedsWeekday' },
      { path: ['specialDays', 4, 'followsWeekday'], messageKey: 'errors.schedule.makeupNeedsWeekday' },
      { path: ['specialDays', 5, 'followsWeekday'], messageKey: 'errors.schedule.holidayHasWeekday' },
      { path: ['specialDays', 6, 'date'], messageKey: 'errors.schedule.duplicateSpecialDay', params: { otherIndex: 0 } },
    ]);
  });

  it('flags 国庆 entered as all seven days for its two weekend entries, while the school days stay the same', () => {
    const allSeven: SchoolCalendar = {
      terms: calendar.terms,
      specialDays: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday', followsWeekday: null, name: '国庆节' })),
    };
    expect(validateCalendar(allSeven)).toEqual([
      { path: ['specialDays', 2, 'date'], messageKey: 'errors.schedule.holidayOnWeekend' },
      { path: ['specialDays', 3, 'date'], messageKey: 'errors.schedule.holidayOnWeekend' },
    ]);
    expect(schoolDayInfo(allSeven, '2026-10-03')).toMatchObject({ schoolDay: false, reason: 'holiday' });
    expect(listSchoolDays(allSeven, '2026-09-28', '2026-10-11').map((d) => d.date)).toEqual([
      '2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09',
    ]);
  });
});
