/*
 * Opening hours of the counseling rooms and who is on duty, expanded against the school calendar.
 *
 * messageKeys used here (params in braces):
 *   errors.schedule.timeOutOfRange, errors.schedule.endNotAfterStart (see problems.ts)
 *   errors.schedule.rruleInvalid, errors.schedule.rruleUnsupported (see rule.ts)
 *   errors.schedule.validUntilBeforeFrom
 *   errors.schedule.extraNeedsTime
 *   errors.schedule.extraWithSlot
 *   errors.schedule.slotNotFound
 *   errors.schedule.exceptionsOverlap {otherIndex}
 */
import { addDays, weekOf } from '../dates';
import { type OpeningDay, type SchoolCalendar, listOpeningDays } from './calendar';
import { type Problem, intervalProblems, laterClashes } from './problems';
import { parseSlotRule, ruleDates } from './rule';

export interface OpeningSlot {
  id: string;
  roomId: string;
  /** RRULE body without DTSTART, e.g. 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR'; validFrom is its DTSTART. */
  rrule: string;
  validFrom: string;
  validUntil: string | null;
  startMin: number;
  endMin: number;
  dutyUserId: string | null;
}

/**
 * 'closed' with a slotId cancels that slot on the date; 'closed' without one closes the room all
 * day (extras too); 'extra' adds a one-off opening [startMin, endMin).
 */
export interface OpeningException {
  id: string;
  date: string;
  roomId: string;
  kind: 'closed' | 'extra';
  slotId: string | null;
  startMin: number | null;
  endMin: number | null;
  dutyUserId: string | null;
}

/** One concrete opening of a room; from a slot (slotId) or an extra exception (exceptionId). */
export interface Occurrence {
  date: string;
  roomId: string;
  startMin: number;
  endMin: number;
  dutyUserId: string | null;
  slotId: string | null;
  exceptionId: string | null;
}

export interface ExpandOpeningsInput {
  calendar: SchoolCalendar;
  slots: readonly OpeningSlot[];
  exceptions: readonly OpeningException[];
  /** First and last date (inclusive). */
  from: string;
  to: string;
}

/**
 * The openings from `from` to `to`, sorted by date, room and start: slots on school days and on
 * the weekend days of a term their weekly rule names, extras on their date. Input is assumed validated:
 * a slot whose rule does not parse and an extra without times are skipped.
 */
export function expandOpenings({ calendar, slots, exceptions, from, to }: ExpandOpeningsInput): Occurrence[] {
  const days = listOpeningDays(calendar, from, to).map((day) => ({ date: day.date, ruleDate: ruleDateOf(day), weekend: day.reason === 'weekend' }));
  const closed = exceptions.filter((e) => e.kind === 'closed');
  const roomClosed = datesBy(closed, (e) => (e.slotId === null ? e.roomId : null));
  const slotCancelled = datesBy(closed, (e) => (e.slotId === null ? null : slotKey(e.roomId, e.slotId)));
  // From the Monday, because a make-up day looks back at an earlier weekday of its week.
  const windowStart = weekOf(from).start;
  // Rooms usually share rules and start dates; each distinct one goes through rrule once.
  const hitsByRule = new Map<string, Set<string>>();
  const occurrences = slots.flatMap((slot) => {
    const parsed = parseSlotRule(slot.rrule);
    if (!parsed.ok) return [];
    const { freq, interval, byDay } = parsed.rule;
    const key = `${freq};${interval};${byDay.join(',')};${slot.validFrom}`;
    const hits = hitsByRule.get(key) ?? ruleDates(parsed.rule, slot.validFrom, windowStart, to);
    hitsByRule.set(key, hits);
    const skip = [roomClosed.get(slot.roomId), slotCancelled.get(slotKey(slot.roomId, slot.id))];
    // FREQ=DAILY means every school day; a Saturday or Sunday opens only when a weekly rule names it.
    const onDay = (d: RuleDay) => (d.weekend ? freq === 'WEEKLY' : true);
    return slotOccurrences(slot, days, (d) => onDay(d) && hits.has(d.ruleDate) && !skip.some((dates) => dates?.has(d.date)));
  });
  for (const e of exceptions) {
    if (e.kind === 'extra' && e.startMin !== null && e.endMin !== null && from <= e.date && e.date <= to && !roomClosed.get(e.roomId)?.has(e.date)) {
      const { date, roomId, startMin, endMin, dutyUserId } = e;
      occurrences.push({ date, roomId, startMin, endMin, dutyUserId, slotId: null, exceptionId: e.id });
    }
  }
  return occurrences.sort((a, b) => cmp(a.date, b.date) || cmp(a.roomId, b.roomId) || a.startMin - b.startMin || a.endMin - b.endMin);
}

/**
 * The date whose rule occurrence decides a school day: the day itself, or for a 调休 make-up day the
 * followed weekday in the same Monday–Sunday week, so an every-other-week rule keeps its rhythm.
 */
function ruleDateOf(day: OpeningDay): string {
  return day.reason === 'makeupWorkday' ? addDays(weekOf(day.date).start, day.timetableWeekday - 1) : day.date;
}

type RuleDay = { date: string; ruleDate: string; weekend: boolean };

/** The slot's occurrences on the opening days within validFrom..validUntil that `occurs` accepts. */
function slotOccurrences(slot: OpeningSlot, days: readonly RuleDay[], occurs: (day: RuleDay) => boolean): Occurrence[] {
  const { id: slotId, roomId, validFrom, validUntil, startMin, endMin, dutyUserId } = slot;
  return days
    .filter((d) => validFrom <= d.date && (validUntil === null || d.date <= validUntil) && occurs(d))
    .map((d) => ({ date: d.date, roomId, startMin, endMin, dutyUserId, slotId, exceptionId: null }));
}

/** Exception dates grouped by key; exceptions keyed null are left out. */
function datesBy(exceptions: readonly OpeningException[], keyOf: (e: OpeningException) => string | null): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const e of exceptions) {
    const key = keyOf(e);
    if (key !== null) map.set(key, (map.get(key) ?? new Set()).add(e.date));
  }
  return map;
}

// A cancellation only counts for the slot's own room; validateExceptions reports one that names another.
function slotKey(roomId: string, slotId: string): string {
  return `${roomId}\u0000${slotId}`;
}

/** Code-unit order, so sorting does not depend on the machine's locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Everything wrong with a list of slots; paths start with the slot's index. */
export function validateSlots(slots: readonly OpeningSlot[]): Problem[] {
  return slots.flatMap((slot, i) => {
    const parsed = parseSlotRule(slot.rrule);
    return [
      ...(parsed.ok ? [] : parsed.problems.map((p) => ({ ...p, path: [i, 'rrule', ...p.path] }))),
      ...(slot.validUntil !== null && slot.validUntil < slot.validFrom
        ? [{ path: [i, 'validUntil'], messageKey: 'errors.schedule.validUntilBeforeFrom' }]
        : []),
      ...intervalProblems(slot.startMin, slot.endMin, [i]),
    ];
  });
}

/** Everything wrong with a list of exceptions, given the slots they may refer to; paths start with the exception's index. */
export function validateExceptions(exceptions: readonly OpeningException[], slots: readonly OpeningSlot[]): Problem[] {
  const problems: Problem[] = [];
  exceptions.forEach((e, i) => {
    const add = (field: keyof OpeningException, messageKey: string) => problems.push({ path: [i, field], messageKey });
    if (e.kind === 'extra') {
      if (e.slotId !== null) add('slotId', 'errors.schedule.extraWithSlot');
      if (e.startMin === null || e.endMin === null) add(e.startMin === null ? 'startMin' : 'endMin', 'errors.schedule.extraNeedsTime');
      else problems.push(...intervalProblems(e.startMin, e.endMin, [i]));
    } else if (e.slotId !== null && !slots.some((s) => s.id === e.slotId && s.roomId === e.roomId)) {
      add('slotId', 'errors.schedule.slotNotFound');
    }
  });
  const clash = (a: OpeningException, b: OpeningException) =>
    a.date === b.date &&
    a.roomId === b.roomId &&
    a.kind === b.kind &&
    (a.kind === 'closed'
      ? a.slotId === b.slotId
      : a.startMin !== null && a.endMin !== null && b.startMin !== null && b.endMin !== null && a.startMin < b.endMin && b.startMin < a.endMin);
  for (const { index, otherIndex } of laterClashes(exceptions, clash)) {
    problems.push({
      path: [index, exceptions[index]!.kind === 'closed' ? 'slotId' : 'startMin'],
      messageKey: 'errors.schedule.exceptionsOverlap',
      params: { otherIndex },
    });
  }
  return problems;
}
