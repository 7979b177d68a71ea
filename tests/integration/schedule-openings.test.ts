import { afterEach, describe, expect, it } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import type { OccurrenceView } from '../../shared/api/openings';
import { counselingSchool, rejection, type CounselingSchool } from '../helpers/counseling';
import { newRoom, SPRING } from '../helpers/schedule';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

/**
 * The spring term 2025-02-17 (Mon) … 2025-07-04 (Fri): 20 full weeks, 100 weekdays. 清明 04-04 (Fri)
 * and 劳动节 05-01 (Thu), 05-02 (Fri), 05-05 (Mon) are holidays; Sunday 04-27 is a 调休 school day on
 * Monday's timetable: 97 school days.
 * Room A (个别辅导室): Mon + Wed 12:00–13:30 with 李老师 on duty, and every other Friday 16:00–17:30 from
 * the week of 02-17 (02-21, 03-07, 03-21, 04-04, 04-18, 05-02, 05-16, 05-30, 06-13, 06-27) with nobody.
 * Room B (团体活动室): Tue + Thu 15:30–17:00 with 王老师.
 * Exceptions: A closed all day on Wed 04-23; B's slot cancelled on Thu 04-24; an extra opening of A on
 * Tue 04-29 16:00–17:00 with nobody on duty.
 */
async function springSchedule(c: CounselClient) {
  const term = await c.calendar.saveTerm(SPRING);
  for (const date of ['2025-04-04', '2025-05-01', '2025-05-02', '2025-05-05']) await c.calendar.saveSpecialDay({ date, kind: 'holiday', name: '放假' });
  await c.calendar.saveSpecialDay({ date: '2025-04-27', kind: 'makeupWorkday', followsWeekday: 1, name: '调休上课' });
  const a = await newRoom(c, { name: 'A 个别辅导室' });
  const b = await newRoom(c, { name: 'B 团体活动室', zoneType: 'group', areaM2: 40, capacity: 20 });
  const validFrom = SPRING.startDate;
  const lunch = await c.openings.saveSlot({ roomId: a.id, rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', validFrom, start: '12:00', end: '13:30', dutyName: '李老师' });
  const fridays = await c.openings.saveSlot({ roomId: a.id, rrule: 'freq=weekly;interval=2;byday=FR', validFrom, start: '16:00', end: '17:30' });
  const afternoons = await c.openings.saveSlot({ roomId: b.id, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', validFrom, start: '15:30', end: '17:00', dutyName: '王老师' });
  const closedA = await c.openings.addException({ roomId: a.id, date: '2025-04-23', kind: 'closed' });
  const cancelledB = await c.openings.addException({ roomId: b.id, date: '2025-04-24', kind: 'closed', slotId: afternoons.id });
  const extraA = await c.openings.addException({ roomId: a.id, date: '2025-04-29', kind: 'extra', start: '16:00', end: '17:00' });
  return { term, a, b, lunch, fridays, afternoons, closedA, cancelledB, extraA };
}

const brief = (items: OccurrenceView[]) =>
  items.map((o) => `${o.date} ${o.roomName.slice(0, 1)} ${o.start}-${o.end} ${o.dutyName || '—'}`).sort();

describe('opening hours', () => {
  it('expands slots and exceptions across a 调休 weekend and a holiday week', async () => {
    s = await counselingSchool();
    const { fridays, extraA } = await springSchedule(s.c);
    expect(fridays.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR');
    const { items } = await s.c.openings.expand({ from: '2025-04-21', to: '2025-05-06' });
    expect(brief(items)).toEqual([
      '2025-04-21 A 12:00-13:30 李老师',
      '2025-04-22 B 15:30-17:00 王老师',
      '2025-04-27 A 12:00-13:30 李老师',
      '2025-04-28 A 12:00-13:30 李老师',
      '2025-04-29 A 16:00-17:00 —',
      '2025-04-29 B 15:30-17:00 王老师',
      '2025-04-30 A 12:00-13:30 李老师',
      '2025-05-06 B 15:30-17:00 王老师',
    ]);
    expect(items.find((o) => o.date === '2025-04-29' && o.exceptionId !== null)).toMatchObject({ exceptionId: extraA.id, slotId: null });
    // Every other Friday: 04-18 yes, 04-25 no, 05-02 a holiday, 05-16 yes.
    expect(brief((await s.c.openings.expand({ from: '2025-04-14', to: '2025-05-18' })).items).filter((o) => o.includes('16:00-17:30'))).toEqual([
      '2025-04-18 A 16:00-17:30 —',
      '2025-05-16 A 16:00-17:30 —',
    ]);
  });

  it('refuses overlapping or contradictory exceptions, naming the field and the exception it clashes with', async () => {
    s = await counselingSchool();
    const { a, b, afternoons, closedA, extraA } = await springSchedule(s.c);
    const add = (input: Parameters<typeof s.c.openings.addException>[0]) => rejection(s.c.openings.addException(input));
    const overlap = await add({ roomId: a.id, date: '2025-04-29', kind: 'extra', start: '16:30', end: '17:30' });
    expect(overlap).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.schedule.exceptionsOverlap' });
    expect(overlap.details).toEqual([{ path: 'start', reason: 'errors.schedule.exceptionsOverlap', otherId: extraA.id }]);
    expect((await add({ roomId: a.id, date: '2025-04-23', kind: 'closed' })).details).toEqual([
      { path: 'slotId', reason: 'errors.schedule.exceptionsOverlap', otherId: closedA.id },
    ]);
    expect((await add({ roomId: a.id, date: '2025-04-24', kind: 'closed', slotId: afternoons.id })).details).toEqual([
      { path: 'slotId', reason: 'errors.schedule.slotNotFound' },
    ]);
    expect((await add({ roomId: a.id, date: '2025-04-24', kind: 'extra', slotId: afternoons.id, start: '09:00', end: '10:00' })).details).toEqual([
      { path: 'slotId', reason: 'errors.schedule.extraWithSlot' },
    ]);
    expect((await add({ roomId: a.id, date: '2025-04-24', kind: 'extra', start: '09:00' })).details).toEqual([{ path: 'end', reason: 'errors.schedule.extraNeedsTime' }]);
    expect((await add({ roomId: a.id, date: '2025-04-24', kind: 'extra', start: '10:00', end: '09:00' })).details).toEqual([
      { path: 'end', reason: 'errors.schedule.endNotAfterStart' },
    ]);
    expect((await add({ roomId: b.id, date: '2025-04-25', kind: 'closed', start: '09:00' })).details).toEqual([{ path: 'start', reason: 'errors.schedule.closedWithTime' }]);
    // Touching extras and an extra on another day are fine.
    await s.c.openings.addException({ roomId: a.id, date: '2025-04-29', kind: 'extra', start: '17:00', end: '18:00' });
    await s.c.openings.removeException({ id: extraA.id });
    await s.c.openings.addException({ roomId: a.id, date: '2025-04-29', kind: 'extra', start: '16:30', end: '17:00' });
  });

  it('checks slot rules and rooms, and removes a slot with its exceptions', async () => {
    s = await counselingSchool();
    const { a, b, afternoons, cancelledB } = await springSchedule(s.c);
    const slot = { roomId: a.id, rrule: 'FREQ=WEEKLY;BYDAY=TU', validFrom: '2025-03-01', start: '09:00', end: '10:00' };
    const fails = async (extra: Partial<typeof slot> & { validUntil?: string }) => (await rejection(s.c.openings.saveSlot({ ...slot, ...extra }))).details;
    expect(await fails({ rrule: 'FREQ=MONTHLY' })).toEqual([{ path: 'rrule', reason: 'errors.schedule.rruleUnsupported', part: 'FREQ', value: 'MONTHLY' }]);
    expect(await fails({ rrule: 'FREQ=WEEKLY;BYDAY=XX' })).toEqual([{ path: 'rrule', reason: 'errors.schedule.rruleInvalid', part: 'BYDAY' }]);
    expect(await fails({ rrule: 'FREQ=WEEKLY;BYDAY=2SA' })).toEqual([{ path: 'rrule', reason: 'errors.schedule.rruleUnsupported', part: 'BYDAY', value: '2SA' }]);
    expect(await fails({ end: '08:00' })).toEqual([{ path: 'end', reason: 'errors.schedule.endNotAfterStart' }]);
    expect(await fails({ validUntil: '2025-02-01' })).toEqual([{ path: 'validUntil', reason: 'errors.schedule.validUntilBeforeFrom' }]);
    expect(await rejection(s.c.openings.saveSlot({ ...slot, roomId: '01890000-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'roomId' } });
    await s.c.rooms.update({ id: a.id, active: false });
    const inactive = await rejection(s.c.openings.saveSlot(slot));
    expect(inactive).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.room.inactive', details: [{ path: 'roomId', reason: 'errors.room.inactive' }] });
    // An inactive room's openings are no longer posted, but its own view still shows them.
    expect(brief((await s.c.openings.expand({ from: '2025-03-10', to: '2025-03-16' })).items).every((o) => o.includes(' B '))).toBe(true);
    expect((await s.c.openings.expand({ from: '2025-03-10', to: '2025-03-16', roomId: a.id })).items).toHaveLength(2);

    const edited = await s.c.openings.saveSlot({ ...slot, id: afternoons.id, roomId: b.id, rrule: 'FREQ=WEEKLY;BYDAY=TH', start: '15:00', end: '16:00', dutyName: '' });
    expect(edited).toMatchObject({ id: afternoons.id, rrule: 'FREQ=WEEKLY;BYDAY=TH', validUntil: null, start: '15:00', dutyName: '' });
    expect((await s.c.openings.list({ roomId: b.id })).exceptions.map((e) => e.id)).toEqual([cancelledB.id]);
    await s.c.openings.removeSlot({ id: afternoons.id });
    expect(await s.c.openings.list({ roomId: b.id })).toEqual({ slots: [], exceptions: [] });
    expect(await rejection(s.c.openings.removeSlot({ id: afternoons.id }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'id' } });
    expect((await s.c.audit.list({ action: 'openings.removeSlot' })).items[0]).toMatchObject({ targetType: 'slot', targetId: afternoons.id, details: { roomId: b.id } });
  });

  it('bounds the range of an expansion', async () => {
    s = await counselingSchool();
    const long = await rejection(s.c.openings.expand({ from: '2025-01-01', to: '2026-02-05' }));
    expect(long).toMatchObject({ code: 'VALIDATION', details: [{ path: 'to', reason: 'errors.schedule.rangeTooLong', maximum: 400 }] });
    expect((await rejection(s.c.openings.expand({ from: '2025-03-02', to: '2025-03-01' }))).details).toEqual([{ path: 'to', reason: 'errors.schedule.toBeforeFrom' }]);
    expect((await s.c.openings.expand({ from: '2025-01-01', to: '2026-02-04' })).items).toEqual([]);
  });
});

describe('schedule.metrics', () => {
  it('computes weekly hours per room, school days with an opening, the share outside class and openings without duty', async () => {
    s = await counselingSchool();
    const { term, a, b } = await springSchedule(s.c);
    // Lessons 08:00–08:45 and 15:40–16:25 every weekday: B's 15:30–17:00 has 45 class minutes, A's
    // 16:00–17:30 Fridays and its 16:00–17:00 extra 25 each; A's lunch hours none.
    const periods = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '08:00', end: '08:45' },
      { weekday, start: '15:40', end: '16:25' },
    ]);
    await s.c.calendar.setPeriods({ periods });
    const unused = await newRoom(s.c, { name: 'C 放松室', zoneType: 'relaxation' });
    await s.c.openings.saveSlot({ roomId: unused.id, rrule: 'FREQ=DAILY', validFrom: SPRING.startDate, start: '08:00', end: '18:00' });
    await s.c.rooms.update({ id: unused.id, active: false });

    const m = await s.c.schedule.metrics({ termId: term.id, weekOf: '2025-04-30' });
    // Week 04-28…05-04: A Mon 1.5 + Tue extra 1 + Wed 1.5 (Fri 05-02 a holiday); B Tue 1.5 (Thu 05-01 a holiday).
    expect(m).toMatchObject({ weekStart: '2025-04-28', weekEnd: '2025-05-04', totalWeeklyOpenHours: 5.5 });
    expect(m.weeklyOpenHours).toEqual([
      { roomId: a.id, roomName: 'A 个别辅导室', zoneType: 'individual', hours: 4 },
      { roomId: b.id, roomName: 'B 团体活动室', zoneType: 'group', hours: 1.5 },
    ]);
    // Mondays 20 − 1 holiday, Tuesdays 20, Wednesdays 20 − 1 closed, Thursdays 20 − 1 holiday − 1 cancelled,
    // 10 other Fridays − 2 holidays, and the 调休 Sunday.
    expect(m).toMatchObject({ schoolDays: 97, daysWithOpening: 19 + 20 + 19 + 18 + 8 + 1 });
    // Open: A lunch 39 × 90 + B 38 × 90 + A Fridays 8 × 90 + the extra 60 = 7710 minutes; in class:
    // 38 × 45 + 8 × 25 + 25 = 1935.
    expect(m.outsideClassShare).toBeCloseTo((7710 - 1935) / 7710, 10);
    expect(m.withoutDuty).toHaveLength(9);
    expect(m.withoutDuty.map((o) => o.date)).toEqual([
      '2025-02-21', '2025-03-07', '2025-03-21', '2025-04-18', '2025-04-29', '2025-05-16', '2025-05-30', '2025-06-13', '2025-06-27',
    ]);
    expect(m.withoutDuty[4]).toEqual({ date: '2025-04-29', roomName: 'A 个别辅导室', start: '16:00', end: '17:00' });

    // A week outside the term still counts its openings (none here), and the term's figures stay.
    expect(await s.c.schedule.metrics({ termId: term.id, weekOf: '2025-08-01' })).toMatchObject({ totalWeeklyOpenHours: 0, schoolDays: 97 });
    expect(await rejection(s.c.schedule.metrics({ termId: a.id, weekOf: '2025-04-30' }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'termId' } });
  });

  it('answers for a week decades away from the term without walking the years between', async () => {
    s = await counselingSchool();
    const { term } = await springSchedule(s.c);
    const cpuMs = async (weekOf: string) => {
      const start = process.cpuUsage();
      const value = await s.c.schedule.metrics({ termId: term.id, weekOf });
      const used = process.cpuUsage(start);
      return { value, ms: (used.user + used.system) / 1000 };
    };
    await cpuMs('2025-04-30');
    const { value: near, ms: nearMs } = await cpuMs('2025-04-30');
    const { value: far, ms: farMs } = await cpuMs('2100-12-31');
    const { schoolDays, daysWithOpening, outsideClassShare, withoutDuty } = near;
    expect(far).toMatchObject({ weekStart: '2100-12-27', totalWeeklyOpenHours: 0, schoolDays, daysWithOpening, outsideClassShare, withoutDuty });
    // Expanding the openings of the 75 years between cost some 20 times the term's own; now the far week adds next to nothing.
    expect(farMs).toBeLessThan(nearMs * 3 + 50);
  });

  it('rounds hours to two decimals, and names what is missing instead of a figure that would read as a result', async () => {
    s = await counselingSchool();
    const term = await s.c.calendar.saveTerm(SPRING);
    const metrics = () => s.c.schedule.metrics({ termId: term.id, weekOf: '2025-03-12' });
    expect((await metrics()).missing).toEqual({ weeklyOpenHours: 'noRooms', daysWithOpening: 'noRooms', outsideClassShare: 'noRooms', withoutDuty: 'noRooms' });
    const room = await newRoom(s.c);
    expect(await metrics()).toMatchObject({
      outsideClassShare: null,
      missing: { weeklyOpenHours: null, daysWithOpening: 'noOpenings', outsideClassShare: 'noOpenings', withoutDuty: 'noOpenings' },
    });
    await s.c.openings.saveSlot({ roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO', validFrom: SPRING.startDate, start: '12:00', end: '12:20' });
    // Open time but no bell schedule: every minute would count as outside class, a 100 % that means nothing.
    const open = await metrics();
    expect(open.weeklyOpenHours[0]!.hours).toBe(0.33);
    expect(open).toMatchObject({ outsideClassShare: null, missing: { weeklyOpenHours: null, daysWithOpening: null, outsideClassShare: 'noBellSchedule', withoutDuty: null } });
    await s.c.calendar.setPeriods({ periods: [{ weekday: 1, start: '08:00', end: '08:45' }] });
    expect(await metrics()).toMatchObject({ outsideClassShare: 1, missing: { outsideClassShare: null } });
  });
});
