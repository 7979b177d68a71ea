/*
 * The subset of RFC 5545 RRULE that opening slots use: FREQ=WEEKLY (optionally BYDAY=MO..SU) or
 * FREQ=DAILY, optional INTERVAL 1..8. DTSTART, COUNT and UNTIL are left out on purpose: a slot's
 * validFrom is its DTSTART and validUntil bounds it, so the rule body never disagrees with them.
 *
 * messageKeys used here (params in braces):
 *   errors.schedule.rruleInvalid     {part}          — not an RFC 5545 rule body
 *   errors.schedule.rruleUnsupported {part, value?}  — valid RFC 5545 but outside the subset
 */
import { RRule } from './rrule';
import { addDays, daysBetween, weekOf } from '../dates';
import { type Problem } from './problems';
import { fromFloating, isoWeekday, toFloating } from './time';

export interface SlotRule {
  freq: 'WEEKLY' | 'DAILY';
  interval: number;
  /** ISO weekdays, ascending; empty means RFC 5545's default, the weekday of validFrom. */
  byDay: number[];
}

export type SlotRuleResult = { ok: true; rule: SlotRule } | { ok: false; problems: Problem[] };

const RFC_PARTS = ['FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST'];
const RFC_FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const BYDAY_ITEM = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const MAX_INTERVAL = 8;

/** Parses and checks a slot's RRULE body (case-insensitive); problems have an empty path and name the part at fault. */
export function parseSlotRule(body: string): SlotRuleResult {
  const invalid = (part: string): SlotRuleResult => ({ ok: false, problems: [{ path: [], messageKey: 'errors.schedule.rruleInvalid', params: { part } }] });
  const parts = new Map<string, string>();
  for (const token of body.trim().toUpperCase().split(';')) {
    const [name = '', value, extra] = token.split('=');
    if (!value || extra !== undefined || !RFC_PARTS.includes(name) || parts.has(name)) return invalid(token);
    parts.set(name, value);
  }
  const freq = parts.get('FREQ');
  if (freq === undefined || !RFC_FREQS.includes(freq)) return invalid('FREQ');
  const intervalText = parts.get('INTERVAL') ?? '1';
  if (!/^\d+$/.test(intervalText) || Number(intervalText) < 1) return invalid('INTERVAL');
  const byDay = parseByDay(parts.get('BYDAY'));
  if (byDay === null) return invalid('BYDAY');

  const problems: Problem[] = [];
  const unsupported = (part: string, value?: string) =>
    problems.push({ path: [], messageKey: 'errors.schedule.rruleUnsupported', params: value === undefined ? { part } : { part, value } });
  const supportedFreq = freq === 'WEEKLY' || freq === 'DAILY' ? freq : null;
  if (supportedFreq === null) unsupported('FREQ', freq);
  const interval = Number(intervalText);
  if (interval > MAX_INTERVAL) unsupported('INTERVAL', intervalText);
  if (freq === 'DAILY' && byDay.length > 0) unsupported('BYDAY');
  // Any weekday, Saturday and Sunday too (a boarding school's Saturday morning); no "2nd Monday".
  for (const item of byDay) if (item.ordinal) unsupported('BYDAY', item.text);
  for (const name of parts.keys()) if (!['FREQ', 'INTERVAL', 'BYDAY'].includes(name)) unsupported(name);
  if (supportedFreq === null || problems.length > 0) return { ok: false, problems };
  const weekdays = [...new Set(byDay.map((item) => item.weekday))].sort((a, b) => a - b);
  return { ok: true, rule: { freq: supportedFreq, interval, byDay: weekdays } };
}

interface ByDayItem {
  text: string;
  ordinal: boolean;
  weekday: number;
}

/** BYDAY items, or null when one is malformed. */
function parseByDay(value: string | undefined): ByDayItem[] | null {
  const items: ByDayItem[] = [];
  for (const text of value?.split(',') ?? []) {
    const m = BYDAY_ITEM.exec(text);
    if (!m) return null;
    items.push({ text, ordinal: m[1] !== undefined, weekday: DAY_CODES.indexOf(m[2]!) + 1 });
  }
  return items;
}

/** The dates in [from, to] on which a rule anchored at validFrom occurs, whether school days or not. */
export function ruleDates(rule: SlotRule, validFrom: string, from: string, to: string): Set<string> {
  // rrule walks from DTSTART on every call, so start at the last whole period before `from`: same
  // phase (every other week stays every other week) without replaying the years since validFrom.
  // Weekly periods count from the Monday because weeks run Monday to Sunday (WKST=MO).
  const period = rule.freq === 'WEEKLY' ? 7 * rule.interval : rule.interval;
  const base = rule.freq === 'WEEKLY' ? weekOf(validFrom).start : validFrom;
  const skipped = Math.max(0, Math.floor(daysBetween(base, from) / period));
  const dtstart = skipped === 0 ? validFrom : addDays(base, skipped * period);
  // Spelled out, since RFC 5545's default (DTSTART's weekday) would follow the moved DTSTART.
  const weekdays = rule.freq === 'DAILY' ? null : rule.byDay.length > 0 ? rule.byDay : [isoWeekday(validFrom)];
  const rrule = new RRule({
    freq: rule.freq === 'WEEKLY' ? RRule.WEEKLY : RRule.DAILY,
    interval: rule.interval,
    byweekday: weekdays?.map((d) => d - 1) ?? null,
    dtstart: toFloating(dtstart),
    wkst: RRule.MO,
  });
  return new Set(rrule.between(toFloating(from), toFloating(to), true).map(fromFloating));
}
