/**
 * Schedule benchmarks (npm run bench runs them after the counseling ones; alone:
 * `npx tsx bench/schedule.ts`), p50/p95 with ratios against the same work without the dispatcher:
 * - openings.expand over a school year (two terms, holidays, 调休 days) of 8 rooms with 5 slots
 *   each (weekly, twice-weekly, every other and every third week, daily) and some exceptions,
 *   against the bare domain call on the same data;
 * - appointments.list of one week with 100,000 appointments in the archive, against a raw
 *   SELECT … WHERE date BETWEEN on the same encrypted archive;
 * - a conflict-checked appointments.create among those 100,000, against the repository's three
 *   indexed lookups and the INSERT alone.
 * The 100,000 appointments are written with one prepared INSERT in one transaction on the
 * archive opened with its raw key.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CounselClient } from '../shared/api/contract';
import { addDays } from '../shared/domain/dates';
import { expandOpenings } from '../shared/domain/schedule';
import { uuidv7 } from '../shared/ids';
import { insertAppointment, liveBookingsOn } from '../electron/services/schedule/appointments-repo';
import { loadOpenings } from '../electron/services/schedule/openings-repo';
import { loadCalendar } from '../electron/services/schedule/school-calendar-repo';
import { benchArchive, ms, type Results, runIfMain, sample, versus } from './harness';

const APPOINTMENTS = 100_000;
const ROOMS = 8;
const YEAR = { from: '2025-09-01', to: '2026-07-03' };
/** Seeded bookings start on the hour and leave 12:00–13:00 free, where the benchmark books. */
export const HOURS = [8, 9, 10, 11, 13, 14, 15, 16];
const FIRST_MONDAY = '2020-01-06';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The 2025–2026 school year: two terms, 国庆/元旦/清明/劳动节/端午 weekdays off, five 调休 weekend days. */
export async function schoolYear(c: CounselClient): Promise<string[]> {
  await c.calendar.saveTerm({ name: '2025—2026 学年第一学期', startDate: '2025-09-01', endDate: '2026-01-16' });
  await c.calendar.saveTerm({ name: '2025—2026 学年第二学期', startDate: '2026-02-23', endDate: YEAR.to });
  const holidays = ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08', '2026-01-01', '2026-01-02', '2026-04-06', '2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19'];
  for (const date of holidays) await c.calendar.saveSpecialDay({ date, kind: 'holiday' });
  const makeup: [string, number][] = [['2025-09-28', 3], ['2025-10-11', 4], ['2026-01-04', 5], ['2026-04-26', 1], ['2026-05-09', 2]];
  for (const [date, followsWeekday] of makeup) await c.calendar.saveSpecialDay({ date, kind: 'makeupWorkday', followsWeekday });
  // Seven 40-minute lessons a day.
  const lessons = [480, 535, 600, 655, 840, 895, 950];
  await c.calendar.setPeriods({ periods: [1, 2, 3, 4, 5].flatMap((weekday) => lessons.map((m) => ({ weekday, start: hhmm(m), end: hhmm(m + 40) }))) });

  const rules = ['FREQ=WEEKLY;BYDAY=MO,WE', 'FREQ=WEEKLY;BYDAY=TU,TH', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', 'FREQ=DAILY', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH'];
  const rooms: string[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const room = await c.rooms.create({ name: `辅导室 ${r + 1}`, zoneType: r % 2 ? 'group' : 'individual', areaM2: 12 + r, capacity: 2 + r });
    rooms.push(room.id);
    for (const [k, rrule] of rules.entries()) {
      const start = 7 * 60 + k * 150 + r * 5;
      await c.openings.saveSlot({
        roomId: room.id,
        rrule,
        validFrom: k === 4 ? '2026-02-23' : addDays(YEAR.from, r % 3),
        validUntil: k === 3 ? '2026-01-16' : null,
        start: hhmm(start),
        end: hhmm(start + 60 + (k % 2) * 30),
        dutyName: k === 2 ? '' : `值班老师${r + 1}`,
      });
    }
    for (let w = 0; w < 3; w++) await c.openings.addException({ roomId: room.id, date: addDays('2025-09-15', w * 49 + r), kind: 'closed' });
    for (let w = 0; w < 2; w++) await c.openings.addException({ roomId: room.id, date: addDays('2025-11-03', w * 70 + r), kind: 'extra', start: '19:00', end: '20:00' });
  }
  return rooms;
}

/** The weekdays from `from` on, `n` of them. */
function weekdays(from: string, n: number): string[] {
  const days: string[] = [];
  for (let d = from; days.length < n; d = addDays(d, 1)) if (![6, 0].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) days.push(d);
  return days;
}

/** `count` bookings (100,000 here) on weekdays from `firstMonday` (2020 here): every room taken on each of HOURS, four counselors, 600 students. */
export function seedAppointments(db: Database, rooms: string[], counselors: string[], studentIds: string[], count = APPOINTMENTS, firstMonday = FIRST_MONDAY): number {
  const perDay = rooms.length * HOURS.length;
  const days = weekdays(firstMonday, Math.ceil(count / perDay));
  const insert = db.prepare(
    `INSERT INTO appointments (id, series_id, client_kind, student_id, client_label, counselor_id, room_id, date, start_min, end_min, kind, source,
       status, cancel_reason, notes, outside_opening, created_by, created_at, updated_at)
     VALUES (?, NULL, 'student', ?, '', ?, ?, ?, ?, ?, 'individual', 'selfReferral', ?, ?, '', 0, ?, ?, ?)`,
  );
  const now = Date.UTC(2025, 2, 12, 2, 0);
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const day = days[Math.floor(i / perDay)]!;
      const slot = i % perDay;
      const room = rooms[slot % rooms.length]!;
      const hour = HOURS[Math.floor(slot / rooms.length)]!;
      const cancelled = i % 20 === 0;
      insert.run(uuidv7(now), studentIds[(i * 7) % studentIds.length], counselors[slot % counselors.length], room, day, hour * 60, hour * 60 + 50, cancelled ? 'cancelled' : 'completed', cancelled ? '请假' : null, counselors[0], now, now);
    }
  })();
  return performance.now() - t0;
}

export async function scheduleBench(dir: string): Promise<Results> {
  const results: Results = [];
  let rooms: string[] = [];
  const counselors: string[] = [];
  const archive = await benchArchive(join(dir, 'schedule'), 600, async (c) => {
    rooms = await schoolYear(c);
    for (let k = 1; k <= 3; k++) {
      counselors.push((await c.users.create({ username: `counselor${k}`, displayName: `心理老师${k}`, role: 'counselor', passphrase: 'initial-pass-2024' })).id);
    }
  });
  counselors.unshift(archive.userId);
  const db = archive.raw;

  // (a) The bare domain on the data the service loads.
  const input = { calendar: loadCalendar(db), ...loadOpenings(db, { activeOnly: true }), ...YEAR };
  const occurrences = expandOpenings(input).length;
  const bareExpand = await sample(30, () => expandOpenings(input));

  // (b), (c) raw: 100,000 rows, then the week query and a booking's lookups and insert on the raw connection.
  const seedMs = seedAppointments(db, rooms, counselors, archive.studentIds);
  results.push([`seed ${APPOINTMENTS.toLocaleString('en')} appointments (one prepared INSERT, one transaction, 5 indexes)`, `${(seedMs / 1000).toFixed(1)} s`]);
  const mondays = Array.from({ length: 50 }, (_, i) => addDays('2023-01-02', 7 * i));
  const rawWeekSql = db.prepare('SELECT * FROM appointments WHERE date BETWEEN ? AND ? ORDER BY date, start_min');
  let weekRows = 0;
  const rawWeek = await sample(50, (i) => (weekRows = rawWeekSql.all(mondays[i], addDays(mondays[i]!, 6)).length));
  const rawDays = weekdays('2024-03-04', 50);
  const rawBook = await sample(50, (i) =>
    db.transaction(() => {
      const booking = { date: rawDays[i]!, roomId: rooms[0]!, counselorId: archive.userId, studentId: archive.studentIds[i]! };
      liveBookingsOn(db, booking);
      insertAppointment(
        db,
        { ...booking, id: uuidv7(), seriesId: null, clientKind: 'student', clientLabel: '', startMin: 720, endMin: 770, kind: 'individual', source: 'selfReferral', notes: '', status: 'confirmed', outsideOpening: true, createdBy: archive.userId },
        Date.now(),
      );
    })(),
  );

  // Through the dispatcher: the same archive, a real login, audit rows written for the bookings.
  const { c, shutdown } = await archive.login();
  const expand = await sample(30, () => c.openings.expand(YEAR));
  results.push([`openings.expand: school year ${YEAR.from}…${YEAR.to}, ${ROOMS} rooms × 5 slots (${occurrences} openings)`, ms(expand)]);
  results.push(['  bare expandOpenings on the same calendar, slots and exceptions', versus(expand, bareExpand)]);
  const week = await sample(50, (i) => c.appointments.list({ from: mondays[i]!, to: addDays(mondays[i]!, 6) }));
  results.push([`appointments.list of one week (${weekRows} rows) among ${APPOINTMENTS.toLocaleString('en')}`, ms(week)]);
  results.push(['  raw SELECT * … WHERE date BETWEEN on the same archive', versus(week, rawWeek)]);
  const appDays = weekdays('2025-03-03', 50);
  const book = await sample(50, (i) =>
    c.appointments.create({ studentId: archive.studentIds[i]!, roomId: rooms[1]!, date: appDays[i]!, start: '12:00', end: '12:50', kind: 'individual', source: 'selfReferral', overrideOpening: true }),
  );
  results.push([`appointments.create, conflict-checked (room, counselor, student, opening hours) among ${APPOINTMENTS.toLocaleString('en')}`, ms(book)]);
  results.push(['  raw: the three indexed lookups + INSERT in a transaction', versus(book, rawBook)]);
  await shutdown();
  return results;
}

runIfMain(import.meta.url, 'schedule', scheduleBench);
