/**
 * Calendar dates ('YYYY-MM-DD') in the school's time zone. Instants are epoch ms (UTC);
 * "today", "this week" and "N days ago" only mean something in a time zone, and the
 * school's is the one that counts, whatever the PC's clock is set to.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

/** The calendar date of an instant in a time zone. */
export function dateInZone(ms: number, timeZone: string): string {
  const parts = formatFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes since midnight of an instant in a time zone (the wall clock on the school's wall). */
export function minutesInZone(ms: number, timeZone: string): number {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return get('hour') * 60 + get('minute');
}

function toUtcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** The week (Monday to Sunday) that holds a date. */
export function weekOf(date: string): { start: string; end: string } {
  const dow = new Date(toUtcMs(date)).getUTCDay(); // 0 = Sunday
  const start = addDays(date, -((dow + 6) % 7));
  return { start, end: addDays(start, 6) };
}
