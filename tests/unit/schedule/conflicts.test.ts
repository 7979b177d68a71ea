import { describe, expect, it } from 'vitest';
import { type Booking, type Occurrence, coveredByOpenings, expandSeries, findConflicts } from '../../../shared/domain/schedule';

function booking(id: string, startMin: number, endMin: number, extra: Partial<Booking> = {}): Booking {
  return { id, date: '2026-09-21', startMin, endMin, roomId: 'room-1', counselorId: 'c-li', studentId: 's-1', ...extra };
}

function opening(date: string, roomId: string, startMin: number, endMin: number): Occurrence {
  return { date, roomId, startMin, endMin, dutyUserId: null, slotId: null, exceptionId: null };
}

describe('booking conflicts', () => {
  const candidate = booking('new', 570, 630); // 09:30–10:30

  it('names every shared party of an overlapping booking, sorted by start', () => {
    const existing = [
      booking('same-all', 600, 660),
      booking('same-student', 540, 600, { roomId: 'room-2', counselorId: 'c-wang' }),
      booking('same-room', 620, 700, { counselorId: 'c-wang', studentId: 's-2' }),
    ];
    expect(findConflicts(candidate, existing)).toEqual([
      { bookingId: 'same-student', reasons: ['student'] },
      { bookingId: 'same-all', reasons: ['room', 'counselor', 'student'] },
      { bookingId: 'same-room', reasons: ['room'] },
    ]);
  });

  it('lets back-to-back bookings touch without clashing', () => {
    expect(findConflicts(candidate, [booking('before', 510, 570), booking('after', 630, 690)])).toEqual([]);
  });

  it('ignores other dates, unrelated parties, missing rooms and students, and the booking being moved', () => {
    const existing = [
      booking('new', 570, 630),
      booking('other-day', 570, 630, { date: '2026-09-22' }),
      booking('unrelated', 570, 630, { roomId: 'room-2', counselorId: 'c-wang', studentId: 's-2' }),
      booking('no-room-no-student', 570, 630, { roomId: null, counselorId: 'c-wang', studentId: null }),
    ];
    expect(findConflicts(candidate, existing)).toEqual([]);
    expect(findConflicts({ ...candidate, roomId: null, studentId: null }, [booking('x', 570, 630, { roomId: null, studentId: null, counselorId: 'c-wang' })])).toEqual([]);
  });
});

describe('bookings within opening hours', () => {
  const chained = [opening('2026-09-21', 'room-1', 480, 600), opening('2026-09-21', 'room-1', 600, 720)];

  it('chains back-to-back openings of the room: 08:00–10:00 + 10:00–12:00 cover 09:00–11:00', () => {
    expect(coveredByOpenings(booking('b', 540, 660), chained)).toBe(true);
    expect(coveredByOpenings(booking('b', 480, 720), chained)).toBe(true);
  });

  it('is not covered across a gap, past closing, in another room, on another date or without a room', () => {
    const gap = [opening('2026-09-21', 'room-1', 480, 600), opening('2026-09-21', 'room-1', 610, 720)];
    expect(coveredByOpenings(booking('b', 540, 660), gap)).toBe(false);
    expect(coveredByOpenings(booking('b', 660, 730), chained)).toBe(false);
    expect(coveredByOpenings(booking('b', 540, 660, { roomId: 'room-2' }), chained)).toBe(false);
    expect(coveredByOpenings(booking('b', 540, 660, { date: '2026-09-22' }), chained)).toBe(false);
    expect(coveredByOpenings(booking('b', 540, 660, { roomId: null }), chained)).toBe(false);
  });
});

describe('recurring appointment series', () => {
  it('repeats on the start date’s weekday, every N weeks, across New York’s DST change', () => {
    expect(expandSeries({ startDate: '2026-10-19', intervalWeeks: 2, count: 4 })).toEqual(['2026-10-19', '2026-11-02', '2026-11-16', '2026-11-30']);
    expect(expandSeries({ startDate: '2026-12-24', intervalWeeks: 1, count: 3 })).toEqual(['2026-12-24', '2026-12-31', '2027-01-07']);
    expect(expandSeries({ startDate: '2026-09-21', intervalWeeks: 4, count: 1 })).toEqual(['2026-09-21']);
  });

  it('refuses intervals and counts outside 1..4 weeks and 1..52 sessions', () => {
    for (const [intervalWeeks, count] of [[0, 4], [5, 4], [1, 0], [1, 53], [1.5, 4]] as const) {
      expect(() => expandSeries({ startDate: '2026-09-21', intervalWeeks, count })).toThrow(RangeError);
    }
    expect(expandSeries({ startDate: '2026-09-21', intervalWeeks: 1, count: 52 })).toHaveLength(52);
  });
});
