import { describe, expect, it } from 'vitest';
import { type OpeningException, type OpeningSlot, expandOpenings, validateExceptions, validateSlots } from '../../../shared/domain/schedule';
import { calendar, fridaysA, fridaysB, monWed, slot } from './fixtures';

function exception(id: string, date: string, roomId: string, kind: 'closed' | 'extra', extra: Partial<OpeningException> = {}): OpeningException {
  return { id, date, roomId, kind, slotId: null, startMin: null, endMin: null, dutyUserId: null, ...extra };
}

function expand(slots: OpeningSlot[], from: string, to: string, exceptions: OpeningException[] = []) {
  return expandOpenings({ calendar, slots, exceptions, from, to });
}

const datesOf = (slots: OpeningSlot[], from: string, to: string, exceptions: OpeningException[] = []) =>
  expand(slots, from, to, exceptions).map((o) => `${o.date} ${o.roomId} ${o.slotId ?? o.exceptionId}`);

describe('expanding opening slots', () => {
  it('opens Monday/Wednesday lunch on school days, on the 调休 Saturday that follows Monday, and not during 国庆', () => {
    expect(expand([monWed], '2026-09-21', '2026-10-11')).toEqual(
      ['2026-09-21', '2026-09-23', '2026-09-26', '2026-09-28', '2026-09-30'].map((date) => ({
        date,
        roomId: 'room-1',
        startMin: 720,
        endMin: 810,
        dutyUserId: 'u-li',
        slotId: 'mon-wed',
        exceptionId: null,
      })),
    );
  });

  it('keeps an every-other-Friday rhythm across the 国庆 week: the 调休 Saturday 10-10 opens only for the slot whose Friday 10-09 is on', () => {
    expect(datesOf([fridaysA, fridaysB], '2026-09-28', '2026-10-18')).toEqual([
      '2026-10-09 room-2 fri-b',
      '2026-10-10 room-2 fri-b',
      '2026-10-16 room-1 fri-a',
    ]);
  });

  it('looks back at the followed weekday even when it lies before the range', () => {
    expect(datesOf([fridaysA, fridaysB], '2026-10-10', '2026-10-10')).toEqual(['2026-10-10 room-2 fri-b']);
  });

  it('takes the followed weekday from the same Monday–Sunday week for a made-up 调休 Sunday 09-27 that follows Friday', () => {
    const withSunday = { ...calendar, specialDays: [...calendar.specialDays, { date: '2026-09-27', kind: 'makeupWorkday' as const, followsWeekday: 5, name: '调休' }] };
    const result = expandOpenings({ calendar: withSunday, slots: [fridaysA, fridaysB], exceptions: [], from: '2026-09-26', to: '2026-10-04' });
    // fri-b is on Friday 09-25 (same week); fri-a is on Friday 10-02 (next week, a holiday), so it stays closed.
    expect(result.map((o) => `${o.date} ${o.slotId}`)).toEqual(['2026-09-27 fri-b']);
  });

  it('opens a weekly Saturday slot on the Saturdays of a term; a 调休 Saturday keeps its followed weekday’s slots instead', () => {
    const saturdays = slot('sat', 'room-1', 'FREQ=WEEKLY;BYDAY=SA', 540, 690);
    // 09-26 follows Monday (monWed opens, the Saturday slot does not); 10-03 is an ordinary Saturday of the term.
    expect(datesOf([saturdays, monWed], '2026-09-19', '2026-10-04')).toEqual([
      '2026-09-19 room-1 sat',
      '2026-09-21 room-1 mon-wed',
      '2026-09-23 room-1 mon-wed',
      '2026-09-26 room-1 mon-wed',
      '2026-09-28 room-1 mon-wed',
      '2026-09-30 room-1 mon-wed',
      '2026-10-03 room-1 sat',
    ]);
    // Between the terms no Saturday opens.
    expect(datesOf([saturdays], '2027-01-23', '2027-02-21')).toEqual([]);
  });

  it('keeps FREQ=DAILY to school days: no weekend opening from it', () => {
    const daily = slot('daily', 'room-1', 'FREQ=DAILY', 720, 780);
    expect(datesOf([daily], '2026-09-14', '2026-09-20').map((d) => d.slice(0, 10))).toEqual(['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18']);
  });

  it('does not borrow an occurrence from before validFrom for a 调休 day', () => {
    const mondays = slot('mon', 'room-1', 'FREQ=WEEKLY;BYDAY=MO', 720, 810, { validFrom: '2026-09-22' });
    expect(datesOf([mondays], '2026-09-21', '2026-10-04')).toEqual(['2026-09-28 room-1 mon']);
  });

  it('stops at validUntil in the middle of the term', () => {
    const until = { ...monWed, validUntil: '2026-10-14' };
    expect(datesOf([until], '2026-10-08', '2026-10-21')).toEqual(['2026-10-12 room-1 mon-wed', '2026-10-14 room-1 mon-wed']);
  });

  it('adds an extra opening on a Saturday that is no school day, with its duty person', () => {
    const extra = exception('x-sat', '2026-09-19', 'room-2', 'extra', { startMin: 540, endMin: 660, dutyUserId: 'u-zhao' });
    const beyond = exception('x-later', '2026-09-20', 'room-2', 'extra', { startMin: 540, endMin: 660 });
    expect(expand([monWed], '2026-09-19', '2026-09-19', [extra, beyond])).toEqual([
      { date: '2026-09-19', roomId: 'room-2', startMin: 540, endMin: 660, dutyUserId: 'u-zhao', slotId: null, exceptionId: 'x-sat' },
    ]);
  });

  it('cancels one slot on a day, leaving the room’s other slots', () => {
    const daily = slot('daily', 'room-1', 'FREQ=DAILY', 960, 1020);
    const cancel = exception('c1', '2026-09-21', 'room-1', 'closed', { slotId: 'mon-wed' });
    expect(datesOf([monWed, daily], '2026-09-21', '2026-09-22', [cancel])).toEqual([
      '2026-09-21 room-1 daily',
      '2026-09-22 room-1 daily',
    ]);
  });

  it('ignores a cancellation filed under another room than the slot’s', () => {
    const misfiled = exception('c2', '2026-09-21', 'room-2', 'closed', { slotId: 'mon-wed' });
    expect(datesOf([monWed], '2026-09-21', '2026-09-21', [misfiled])).toEqual(['2026-09-21 room-1 mon-wed']);
  });

  it('closes a room for the whole day, extras included, and leaves other rooms open', () => {
    const extra = exception('x1', '2026-09-23', 'room-1', 'extra', { startMin: 900, endMin: 960 });
    const extraRoom2 = exception('x2', '2026-09-23', 'room-2', 'extra', { startMin: 900, endMin: 960 });
    const closed = exception('c-all', '2026-09-23', 'room-1', 'closed');
    expect(datesOf([monWed], '2026-09-21', '2026-09-23', [extra, extraRoom2, closed])).toEqual([
      '2026-09-21 room-1 mon-wed',
      '2026-09-23 room-2 x2',
    ]);
  });

  it('sorts by date, room and start time', () => {
    const early = exception('x-early', '2026-09-25', 'room-1', 'extra', { startMin: 480, endMin: 540 });
    const room2 = exception('x-r2', '2026-09-25', 'room-2', 'extra', { startMin: 420, endMin: 480 });
    expect(expand([fridaysB, fridaysA, monWed], '2026-09-24', '2026-09-25', [room2, early]).map((o) => [o.date, o.roomId, o.startMin])).toEqual([
      ['2026-09-25', 'room-1', 480],
      ['2026-09-25', 'room-2', 420],
      ['2026-09-25', 'room-2', 960],
    ]);
  });

  it('keeps the every-other-week rhythm months after validFrom: 09-04 + 26 weeks = 2027-03-05', () => {
    expect(datesOf([fridaysA], '2027-03-01', '2027-03-21')).toEqual(['2027-03-05 room-1 fri-a', '2027-03-19 room-1 fri-a']);
  });

  it('counts every third day from validFrom, whatever the range: 2026-09-02 + 180 days = 2027-03-01', () => {
    const everyThird = slot('d3', 'room-1', 'FREQ=DAILY;INTERVAL=3', 600, 660);
    // 2027-03-07 is a Sunday, so the third hit of the range is skipped.
    expect(datesOf([everyThird], '2027-03-01', '2027-03-10')).toEqual(['2027-03-01 room-1 d3', '2027-03-04 room-1 d3', '2027-03-10 room-1 d3']);
  });

  it('takes a weekly rule without BYDAY to mean validFrom’s weekday, near validFrom and far from it', () => {
    const wednesdays = slot('wed2', 'room-1', 'FREQ=WEEKLY;INTERVAL=2', 600, 660);
    expect(datesOf([wednesdays], '2026-09-01', '2026-09-20')).toEqual(['2026-09-02 room-1 wed2', '2026-09-16 room-1 wed2']);
    expect(datesOf([wednesdays], '2027-03-01', '2027-03-21')).toEqual(['2027-03-03 room-1 wed2', '2027-03-17 room-1 wed2']);
  });

  it('skips a slot whose rule cannot be read', () => {
    expect(expand([slot('bad', 'room-1', 'FREQ=MONTHLY', 600, 660)], '2026-09-01', '2026-09-30')).toEqual([]);
  });

  it('gives the same dates whatever time zone the machine is in', () => {
    const saved = process.env.TZ;
    const run = () => datesOf([monWed, fridaysB], '2026-10-26', '2026-11-06');
    try {
      const results = ['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((tz) => {
        process.env.TZ = tz;
        return run();
      });
      // 2026-11-01 is the day New York leaves daylight saving time.
      const expected = ['2026-10-26 room-1 mon-wed', '2026-10-28 room-1 mon-wed', '2026-11-02 room-1 mon-wed', '2026-11-04 room-1 mon-wed', '2026-11-06 room-2 fri-b'];
      for (const result of results) expect(result).toEqual(expected);
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('slot and exception validation', () => {
  it('names each broken slot field', () => {
    const broken = slot('bad', 'room-1', 'FREQ=WEEKLY;COUNT=3', 600, 600, { validFrom: '2026-10-01', validUntil: '2026-09-30' });
    expect(validateSlots([monWed, broken])).toEqual([
      { path: [1, 'rrule'], messageKey: 'errors.schedule.rruleUnsupported', params: { part: 'COUNT' } },
      { path: [1, 'validUntil'], messageKey: 'errors.schedule.validUntilBeforeFrom' },
      { path: [1, 'endMin'], messageKey: 'errors.schedule.endNotAfterStart' },
    ]);
  });

  it('names broken, dangling and clashing exceptions', () => {
    const exceptions = [
      exception('0', '2026-09-26', 'room-1', 'extra', { startMin: 600, endMin: 660 }),
      exception('1', '2026-09-26', 'room-1', 'extra', { startMin: 630, endMin: 700 }),
      exception('2', '2026-09-26', 'room-2', 'extra', { startMin: 630, endMin: 700 }),
      exception('3', '2026-09-26', 'room-1', 'extra', { startMin: 660, endMin: 720 }),
      exception('4', '2026-09-26', 'room-1', 'extra', { slotId: 'mon-wed', endMin: 720 }),
      exception('5', '2026-09-21', 'room-1', 'closed', { slotId: 'mon-wed' }),
      exception('6', '2026-09-21', 'room-1', 'closed', { slotId: 'mon-wed' }),
      exception('7', '2026-09-21', 'room-1', 'closed', { slotId: 'fri-b' }),
      exception('8', '2026-09-21', 'room-1', 'closed', { slotId: 'nope' }),
      exception('9', '2026-09-21', 'room-1', 'closed'),
      exception('10', '2026-09-27', 'room-1', 'extra', { startMin: 540, endMin: 480 }),
    ];
    expect(validateExceptions(exceptions, [monWed, fridaysB])).toEqual([
      { path: [4, 'slotId'], messageKey: 'errors.schedule.extraWithSlot' },
      { path: [4, 'startMin'], messageKey: 'errors.schedule.extraNeedsTime' },
      { path: [7, 'slotId'], messageKey: 'errors.schedule.slotNotFound' },
      { path: [8, 'slotId'], messageKey: 'errors.schedule.slotNotFound' },
      { path: [10, 'endMin'], messageKey: 'errors.schedule.endNotAfterStart' },
      { path: [1, 'startMin'], messageKey: 'errors.schedule.exceptionsOverlap', params: { otherIndex: 0 } },
      { path: [3, 'startMin'], messageKey: 'errors.schedule.exceptionsOverlap', params: { otherIndex: 1 } },
      { path: [6, 'slotId'], messageKey: 'errors.schedule.exceptionsOverlap', params: { otherIndex: 5 } },
    ]);
  });
});
