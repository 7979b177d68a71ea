import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** An instant as the school's wall-clock time, whatever zone this PC is set to. */
export function formatInSchoolZone(epochMs: number, timeZone: string): string {
  return dayjs(epochMs).tz(timeZone).format('YYYY-MM-DD HH:mm:ss');
}

/** The instant a school-local calendar day starts ('YYYY-MM-DD' → epoch ms). */
export function startOfSchoolDay(date: string, timeZone: string): number {
  return dayjs.tz(date, timeZone).valueOf();
}
