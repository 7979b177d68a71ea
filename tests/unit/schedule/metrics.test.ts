import { describe, expect, it } from 'vitest';
import {
  type Occurrence,
  expandOpenings,
  occurrencesWithoutDuty,
  outsideClassShare,
  schoolDaysWithOpening,
  weeklyOpenMinutes,
} from '../../../shared/domain/schedule';
import { bell, calendar, monWed, slot } from './fixtures';

function opening(date: string, roomId: string, startMin: number, endMin: number, dutyUserId: string | null = 'u-li'): Occurrence {
  return { date, roomId, startMin, endMin, dutyUserId, slotId: null, exceptionId: null };
}

describe('weekly open minutes', () => {
  const week = [
    opening('2026-09-20', 'room-2', 600, 660), // Sunday before: another week
    opening('2026-09-21', 'room-1', 720, 810),
    opening('2026-09-21', 'room-1', 780, 900), // overlaps the lunch opening: 12:00–15:00 = 180
    opening('2026-09-23', 'room-1', 720, 810), // 90
    opening('2026-09-26', 'room-1', 720, 810), // 调休 Saturday: 90
    opening('2026-09-25', 'room-2', 960, 1050), // 90
    opening('2026-09-27', 'room-2', 600, 660), // Sunday: 60
    opening('2026-09-28', 'room-1', 720, 810), // Monday after: another week
  ];

  it('merges overlaps within a room and sums the rooms, for the Monday–Sunday week', () => {
    const expected = { byRoom: { 'room-1': 360, 'room-2': 150 }, total: 510 };
    expect(weeklyOpenMinutes(week, '2026-09-21')).toEqual(expected);
    expect(weeklyOpenMinutes(week, '2026-09-24')).toEqual(expected);
  });

  it('adds rooms open at the same time rather than taking their union', () => {
    expect(weeklyOpenMinutes([opening('2026-09-21', 'room-1', 720, 810), opening('2026-09-21', 'room-2', 720, 810)], '2026-09-21')).toEqual({
      byRoom: { 'room-1': 90, 'room-2': 90 },
      total: 180,
    });
  });
});

describe('school days with an opening', () => {
  const mondays = slot('mon', 'room-1', 'FREQ=WEEKLY;BYDAY=MO', 720, 810);
  const occurrences = expandOpenings({
    calendar,
    slots: [mondays],
    exceptions: [
      { id: 'sun', date: '2026-09-27', roomId: 'room-2', kind: 'extra', slotId: null, startMin: 600, endMin: 660, dutyUserId: null },
      { id: 'tue', date: '2026-09-29', roomId: 'room-2', kind: 'extra', slotId: null, startMin: 600, endMin: 660, dutyUserId: null },
      { id: 'shut', date: '2026-11-02', roomId: 'room-1', kind: 'closed', slotId: null, startMin: null, endMin: null, dutyUserId: null },
    ],
    from: '2026-09-01',
    to: '2027-07-31',
  });

  it('counts autumn’s 20 Mondays − 国庆 Monday + 调休 Saturday + Tuesday extra − closed Monday, ignoring the Sunday extra', () => {
    expect(schoolDaysWithOpening(calendar, 'autumn', occurrences)).toEqual({ schoolDays: 99, daysWithOpening: 20 });
  });

  it('counts spring’s 19 Mondays less 清明', () => {
    expect(schoolDaysWithOpening(calendar, 'spring', occurrences)).toEqual({ schoolDays: 94, daysWithOpening: 18 });
  });

  it('gives zeros for an unknown term', () => {
    expect(schoolDaysWithOpening(calendar, 'summer', occurrences)).toEqual({ schoolDays: 0, daysWithOpening: 0 });
  });
});

describe('share of open time outside class', () => {
  it('uses each date’s timetable weekday: the 调休 Saturday follows Monday’s bell, non-school days have no class', () => {
    const occurrences = [
      opening('2026-09-21', 'room-1', 720, 900), // Monday 12:00–15:00: 50 in class, 130 outside
      opening('2026-09-21', 'room-1', 780, 840), // inside the above, counted once
      opening('2026-09-26', 'room-1', 930, 1020), // 调休 Saturday as Monday 15:30–17:00: 10 + 45 (班会) in class, 35 outside
      opening('2026-09-27', 'room-2', 600, 660), // Sunday: 60 outside
      opening('2026-10-01', 'room-2', 600, 660), // 国庆 holiday: 60 outside
    ];
    expect(outsideClassShare(calendar, bell, occurrences)).toEqual({ openMinutes: 390, outsideClassMinutes: 285, share: 285 / 390 });
  });

  it('is null when nothing is open', () => {
    expect(outsideClassShare(calendar, bell, [])).toEqual({ openMinutes: 0, outsideClassMinutes: 0, share: null });
  });

  it('works on expanded openings: a week of Monday/Wednesday lunches is wholly outside class', () => {
    const week = expandOpenings({ calendar, slots: [monWed], exceptions: [], from: '2026-09-21', to: '2026-09-27' });
    expect(outsideClassShare(calendar, bell, week)).toEqual({ openMinutes: 270, outsideClassMinutes: 270, share: 1 });
  });
});

describe('openings without duty', () => {
  it('lists the openings nobody is on duty for', () => {
    const a = opening('2026-09-21', 'room-1', 720, 810);
    const b = opening('2026-09-23', 'room-1', 720, 810, null);
    const c = opening('2026-09-25', 'room-2', 960, 1050, null);
    expect(occurrencesWithoutDuty([a, b, c])).toEqual([b, c]);
  });
});
