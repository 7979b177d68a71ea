/** A term of the school calendar, as far as the 升级's timing is concerned. */
export interface TermDates {
  name: string;
  startDate: string;
  endDate: string;
}

const monthOf = (date: string) => Number(date.slice(5, 7));

/** An autumn term starts in August or September: the gap before it is the summer break. */
const startsAutumn = (t: TermDates) => monthOf(t.startDate) >= 8 && monthOf(t.startDate) <= 9;

/**
 * Why `today` is not a day for the yearly 升级, or null when it lies in the summer break: the
 * term running today (named, with its end), else the term that starts next when that is not an
 * autumn term (a winter break). Without a calendar, the summer is July and August.
 */
export function outsideSummerBreak(today: string, terms: readonly TermDates[]): { label: string; date: string | null } | null {
  const running = terms.find((t) => t.startDate <= today && today <= t.endDate);
  if (running) return { label: running.name, date: running.endDate };
  const next = [...terms].sort((a, b) => a.startDate.localeCompare(b.startDate)).find((t) => t.startDate > today);
  if (next) return startsAutumn(next) ? null : { label: next.name, date: null };
  const month = monthOf(today);
  return month >= 7 && month <= 8 ? null : { label: '', date: null };
}
