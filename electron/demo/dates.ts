/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so a date never shifts with the machine's zone. */
const DAY = 86_400_000;

export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The same day if it is a school day, else the Monday after. */
export const schoolDay = (date: string): string => (weekday(date) === 6 ? addDays(date, 2) : weekday(date) === 0 ? addDays(date, 1) : date);

export interface Term {
  name: string;
  startDate: string;
  endDate: string;
}

/** The autumn and spring terms of the school year that begins in September of `first`. */
function yearTerms(first: number): Term[] {
  return [
    { name: `${first}—${first + 1} 学年第一学期`, startDate: `${first}-09-01`, endDate: `${first + 1}-01-22` },
    { name: `${first}—${first + 1} 学年第二学期`, startDate: `${first + 1}-02-17`, endDate: `${first + 1}-07-04` },
  ];
}

/** Last school year's and this one's terms (autumn from September, spring from mid-February), oldest first. */
export function demoTerms(today: string): Term[] {
  const y = Number(today.slice(0, 4));
  const first = Number(today.slice(5, 7)) >= 8 ? y : y - 1;
  return [...yearTerms(first - 1), ...yearTerms(first)];
}

/** The term `date` falls in, else the last one that began before it (holidays belong to the term before). */
export function termOf(terms: Term[], date: string): Term {
  return [...terms].reverse().find((t) => t.startDate <= date) ?? terms[0]!;
}
