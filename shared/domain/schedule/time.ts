import { DAY_MINUTES, isIntBetween } from './problems';

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** 'HH:MM' (00:00..24:00, two digits each) to minutes since midnight, or null when malformed. */
export function parseTime(text: string): number | null {
  const m = TIME.exec(text);
  if (!m) return null;
  return m[1] === undefined ? DAY_MINUTES : Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since midnight to 'HH:MM'; throws RangeError outside 0..1440 since that is a programming error. */
export function formatTime(minutes: number): string {
  if (!isIntBetween(minutes, 0, DAY_MINUTES)) throw new RangeError(`not a time of day: ${minutes}`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((toFloating(date).getUTCDay() + 6) % 7) + 1;
}

/**
 * rrule works on Date objects; reading and writing them as UTC midnight ("floating" dates) keeps
 * the result independent of the machine's time zone.
 */
export function toFloating(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The 'YYYY-MM-DD' of a floating Date made by toFloating or returned by rrule. */
export function fromFloating(d: Date): string {
  return d.toISOString().slice(0, 10);
}
