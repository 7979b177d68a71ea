import { afterEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { colleague, counselingSchool, rejection, type CounselingSchool } from '../helpers/counseling';
import { newRoom, SPRING } from '../helpers/schedule';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

describe('rooms', () => {
  it('keeps the area exact, lists by name, hides inactive rooms unless asked, and refuses a second room of the same name', async () => {
    s = await counselingSchool();
    const room = await newRoom(s.c, { notes: '靠窗，隔音好' });
    expect(room).toMatchObject({ name: '个别辅导室', zoneType: 'individual', areaM2: 12.5, capacity: 3, notes: '靠窗，隔音好', active: true });
    expect((await s.c.rooms.list({})).items[0]!.areaM2).toBe(12.5);
    const sandplay = await newRoom(s.c, { name: '沙盘室', zoneType: 'sandplay', areaM2: 15.07 });
    expect(sandplay.areaM2).toBe(15.07);

    const dup = await rejection(newRoom(s.c, { areaM2: 20 }));
    expect(dup).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.room.duplicate', details: { path: 'name', id: room.id } });
    const rename = await rejection(s.c.rooms.update({ id: sandplay.id, name: '个别辅导室' }));
    expect(rename).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.room.duplicate', details: { path: 'name', id: room.id } });
    const area = await rejection(newRoom(s.c, { name: '放松室', areaM2: 12.345 }));
    expect(area.details).toEqual([expect.objectContaining({ path: 'areaM2', reason: 'errors.field.twoDecimals' })]);

    // Renaming to its own name is no clash; deactivating keeps the room, out of the default list.
    expect((await s.c.rooms.update({ id: room.id, name: '个别辅导室', active: false })).active).toBe(false);
    expect((await s.c.rooms.list({})).items.map((r) => r.name)).toEqual(['沙盘室']);
    expect((await s.c.rooms.list({ includeInactive: true })).items.map((r) => r.id).sort()).toEqual([room.id, sandplay.id].sort());
    const update = (await s.c.audit.list({ action: 'rooms.update' })).items[0]!;
    expect(update).toMatchObject({ targetType: 'room', targetId: room.id, details: { changed: ['active'] } });
    expect(await rejection(s.c.rooms.update({ id: '01890000-0000-7000-8000-000000000000', capacity: 2 }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'id' } });
  });
});

describe('the school calendar', () => {
  it('refuses terms that end before they start or overlap another, naming the field and the other term', async () => {
    s = await counselingSchool();
    const autumn = await s.c.calendar.saveTerm({ name: '2024—2025 学年第一学期', startDate: '2024-09-01', endDate: '2025-01-17' });
    const spring = await s.c.calendar.saveTerm(SPRING);
    const overlap = await rejection(s.c.calendar.saveTerm({ name: '暑期', startDate: '2025-07-01', endDate: '2025-08-20' }));
    expect(overlap).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.schedule.termsOverlap' });
    expect(overlap.details).toEqual([{ path: 'startDate', reason: 'errors.schedule.termsOverlap', otherId: spring.id }]);
    const backwards = await rejection(s.c.calendar.saveTerm({ name: '暑期', startDate: '2025-08-20', endDate: '2025-07-10' }));
    expect(backwards.details).toEqual([{ path: 'endDate', reason: 'errors.schedule.termEndBeforeStart' }]);
    // A term of two centuries would make every walk over its school days take seconds.
    const endless = await rejection(s.c.calendar.saveTerm({ name: '长学期', startDate: '1900-01-01', endDate: '2024-08-31' }));
    expect(endless.details).toEqual([{ path: 'endDate', reason: 'errors.schedule.termTooLong', maximum: 366 }]);
    const wholeYear = await s.c.calendar.saveTerm({ name: '2023—2024 学年', startDate: '2023-09-01', endDate: '2024-08-31' });
    expect(wholeYear.endDate).toBe('2024-08-31');
    await s.c.calendar.removeTerm({ id: wholeYear.id });
    // Changing a term does not clash with its old dates, but still with the others.
    expect(await s.c.calendar.saveTerm({ ...SPRING, id: spring.id, startDate: '2025-02-10' })).toMatchObject({ id: spring.id, startDate: '2025-02-10' });
    expect((await rejection(s.c.calendar.saveTerm({ ...SPRING, id: spring.id, startDate: '2025-01-10' }))).details).toEqual([
      { path: 'startDate', reason: 'errors.schedule.termsOverlap', otherId: autumn.id },
    ]);
    await s.c.calendar.removeTerm({ id: autumn.id });
    expect((await s.c.calendar.get({})).terms.map((t) => t.id)).toEqual([spring.id]);
    expect(await rejection(s.c.calendar.removeTerm({ id: autumn.id }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'id' } });
  });

  it('takes holidays on weekdays and 调休 make-up days on weekends only, naming the field at fault', async () => {
    s = await counselingSchool();
    const save = (input: Parameters<typeof s.c.calendar.saveSpecialDay>[0]) => s.c.calendar.saveSpecialDay(input);
    const fails = async (input: Parameters<typeof s.c.calendar.saveSpecialDay>[0]) => {
      const e = await rejection(save(input));
      expect(e.code).toBe('VALIDATION');
      return e.details;
    };
    await save({ date: '2025-05-01', kind: 'holiday', name: '劳动节' });
    // 2025-04-27 is a Sunday with school, on Monday's timetable.
    await save({ date: '2025-04-27', kind: 'makeupWorkday', followsWeekday: 1, name: '调休上课' });
    expect(await fails({ date: '2025-04-28', kind: 'makeupWorkday', followsWeekday: 1 })).toEqual([{ path: 'date', reason: 'errors.schedule.makeupNotWeekend' }]);
    expect(await fails({ date: '2025-04-26', kind: 'makeupWorkday' })).toEqual([{ path: 'followsWeekday', reason: 'errors.schedule.makeupNeedsWeekday' }]);
    expect(await fails({ date: '2025-04-26', kind: 'makeupWorkday', followsWeekday: 6 })).toEqual([
      { path: 'followsWeekday', reason: 'errors.schedule.makeupNeedsWeekday' },
    ]);
    expect(await fails({ date: '2025-05-02', kind: 'holiday', followsWeekday: 5 })).toEqual([{ path: 'followsWeekday', reason: 'errors.schedule.holidayHasWeekday' }]);
    expect(await fails({ date: '2025-05-03', kind: 'holiday' })).toEqual([{ path: 'date', reason: 'errors.schedule.holidayOnWeekend' }]);
    // A date holds one entry: saving it again replaces it.
    await save({ date: '2025-05-01', kind: 'holiday', name: '国际劳动节' });
    expect((await s.c.calendar.get({})).specialDays).toEqual([
      { date: '2025-04-27', kind: 'makeupWorkday', followsWeekday: 1, name: '调休上课' },
      { date: '2025-05-01', kind: 'holiday', followsWeekday: null, name: '国际劳动节' },
    ]);
    await s.c.calendar.removeSpecialDay({ date: '2025-05-01' });
    const none = await rejection(s.c.calendar.removeSpecialDay({ date: '2025-05-01' }));
    expect(none).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.schedule.noSuchSpecialDay', details: [{ path: 'date', reason: 'errors.schedule.noSuchSpecialDay' }] });
    const row = (await s.c.audit.list({ action: 'calendar.saveSpecialDay' })).items[0]!;
    expect(row).toMatchObject({ targetType: 'specialDay', targetId: '2025-05-01', details: { kind: 'holiday', followsWeekday: null } });
  });

  it('replaces the bell schedule, refusing overlapping periods and periods that end before they start by index', async () => {
    s = await counselingSchool();
    const p = (weekday: number, start: string, end: string, label = '') => ({ weekday, start, end, label });
    const overlap = await rejection(s.c.calendar.setPeriods({ periods: [p(1, '08:00', '08:45'), p(1, '08:40', '09:25'), p(2, '08:40', '09:25')] }));
    expect(overlap.details).toEqual([{ path: 'periods.1.start', reason: 'errors.schedule.periodsOverlap', otherIndex: 0 }]);
    const backwards = await rejection(s.c.calendar.setPeriods({ periods: [p(1, '08:45', '08:00')] }));
    expect(backwards.details).toEqual([{ path: 'periods.0.end', reason: 'errors.schedule.endNotAfterStart' }]);
    const cal = await s.c.calendar.setPeriods({ periods: [p(2, '08:00', '08:45', '第1节'), p(1, '08:55', '09:40', '第2节'), p(1, '08:00', '08:45', '第1节')] });
    expect(cal.periods).toEqual([p(1, '08:00', '08:45', '第1节'), p(1, '08:55', '09:40', '第2节'), p(2, '08:00', '08:45', '第1节')]);
    expect((await s.c.calendar.setPeriods({ periods: [] })).periods).toEqual([]);
  });
});

describe('who may use the schedule', () => {
  const COUNSELOR_ONLY = ['appointments', 'waitlist'];
  const counselorOnly = METHOD_NAMES.filter((m) => COUNSELOR_ONLY.includes(m.split('.')[0]!) || m === 'schedule.exportIcs');

  it('declares rooms, calendar, openings and metrics open to principals, and bookings counselor-only', () => {
    expect(counselorOnly).toHaveLength(10);
    for (const m of METHOD_NAMES.filter((n) => ['rooms', 'calendar', 'openings', 'schedule'].includes(n.split('.')[0]!))) {
      expect([m, [...contract[m].roles]]).toEqual([m, counselorOnly.includes(m) ? ['counselor'] : ['counselor', 'principal']]);
    }
  });

  it('lets a principal set up rooms, the calendar and openings, and answers FORBIDDEN on bookings before reading the input', async () => {
    s = await counselingSchool();
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    const p = principal.client;
    const term = await p.calendar.saveTerm(SPRING);
    await p.calendar.saveSpecialDay({ date: '2025-04-04', kind: 'holiday', name: '清明节' });
    await p.calendar.setPeriods({ periods: [{ weekday: 1, start: '08:00', end: '08:45' }] });
    const room = await newRoom(p);
    await p.rooms.update({ id: room.id, capacity: 4 });
    await p.openings.saveSlot({ roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO', validFrom: SPRING.startDate, start: '12:00', end: '13:00' });
    expect((await p.openings.expand({ from: '2025-03-10', to: '2025-03-16' })).items).toHaveLength(1);
    expect((await p.schedule.metrics({ termId: term.id, weekOf: '2025-03-12' })).totalWeeklyOpenHours).toBe(1);

    const call = (m: MethodName, input: unknown) => {
      const [area, verb] = m.split('.') as [string, string];
      return (p as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[area]![verb]!(input);
    };
    for (const m of counselorOnly) {
      for (const input of [{ id: room.id, from: '2025-03-10', to: '2025-03-16' }, { bogus: 1 }]) {
        const e = await rejection(call(m, input));
        expect([m, e.code, e.messageKey, e.details]).toEqual([m, 'FORBIDDEN', 'errors.forbidden', undefined]);
      }
    }
    const denied = (await s.c.audit.list({ userId: principal.id, pageSize: 200 })).items.filter((r) => r.outcome === 'denied');
    expect(new Set(denied.map((r) => r.action))).toEqual(new Set(counselorOnly));
  });
});
