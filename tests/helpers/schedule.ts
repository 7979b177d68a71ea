import type { CounselClient, InputOf } from '../../shared/api/contract';

/** The spring term of the test clock's school year (2025-03-12 is a Wednesday in it). */
export const SPRING = { name: '2024—2025 学年第二学期', startDate: '2025-02-17', endDate: '2025-07-04' };

export function newRoom(c: CounselClient, extra: Partial<InputOf<'rooms.create'>> = {}) {
  return c.rooms.create({ name: '个别辅导室', zoneType: 'individual', areaM2: 12.5, capacity: 3, ...extra });
}

/** A term and one room open on Monday and Wednesday afternoons (14:00–17:00). */
export async function openRoom(c: CounselClient) {
  const term = await c.calendar.saveTerm(SPRING);
  const room = await newRoom(c);
  const slot = await c.openings.saveSlot({ roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', validFrom: SPRING.startDate, start: '14:00', end: '17:00', dutyName: '王老师' });
  return { term, room, slot };
}

/** A CRLF-terminated iCalendar text as its logical lines: folds undone. */
export function unfoldIcs(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n').filter((l) => l !== '');
}
