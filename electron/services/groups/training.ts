import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { StaffView, TrainingEventView } from '../../../shared/api/training';
import type { Problem } from '../../../shared/domain/problems';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { changedKeys, definedOnly } from '../common/clinical';
import { apiPath, assertNoProblems, invalid } from '../common/validation';
import {
  activeStaffIds,
  type EventFields,
  eventsOfYear,
  getEvent,
  getStaff,
  insertEvent,
  insertStaff,
  listStaff,
  setAttendees,
  softDeleteEvent,
  type StaffFields,
  updateEvent,
  updateStaff,
  yearTotals,
} from './training-repo';

/** Active counseling teachers by employment, for the compliance checklist (STAFF-01, ratios). */
export function counselingTeacherCounts(db: Database): { fullTime: number; partTime: number; unspecified: number } {
  const teachers = listStaff(db, false).filter((s) => s.role === 'counselingTeacher');
  const count = (e: StaffView['employment']) => teachers.filter((s) => s.employment === e).length;
  return { fullTime: count('fullTime'), partTime: count('partTime'), unspecified: count(null) };
}

/** Training hours of each active counseling teacher over the calendar years `lastYear - years + 1 … lastYear` (STAFF-04). */
export function counselingTeacherHours(db: Database, lastYear: number, years: number): number[] {
  const teachers = listStaff(db, false).filter((s) => s.role === 'counselingTeacher');
  const sums = new Map(teachers.map((s) => [s.id, 0]));
  for (let y = lastYear - years + 1; y <= lastYear; y++) {
    for (const t of yearTotals(db, y).items) if (sums.has(t.staffId)) sums.set(t.staffId, Math.round((sums.get(t.staffId)! + t.hours) * 10) / 10);
  }
  return [...sums.values()];
}

type TrainingMethods = 'staff.list' | 'staff.create' | 'staff.update' | 'training.list' | 'training.save' | 'training.remove' | 'training.totals';

function requireStaff(db: Database, id: string): StaffView {
  const s = getStaff(db, id);
  if (!s) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id });
  return s;
}

function requireEvent(db: Database, id: string): TrainingEventView {
  const e = getEvent(db, id);
  if (!e) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id });
  return e;
}

/** 专职/兼职 is asked of counseling teachers only (STAFF-01/02). */
function assertEmployment(s: StaffFields): void {
  if (s.employment !== null && s.role !== 'counselingTeacher') throw invalid('employment', 'errors.staff.employmentOnlyCounselors');
}

/**
 * Dates in order, and attendees from the register who are active. Attendees an event already had
 * may stay after they leave the school: the event happened with them.
 */
function assertEventValid(db: Database, e: EventFields, attendeeIds: readonly string[], kept: ReadonlySet<string>): void {
  const active = activeStaffIds(db, attendeeIds);
  const problems: Problem[] = e.endDate < e.startDate ? [{ path: ['endDate'], messageKey: 'errors.field.endBeforeStart' }] : [];
  attendeeIds.forEach((id, i) => {
    if (!active.has(id) && !kept.has(id)) problems.push({ path: ['attendeeIds', i], messageKey: 'errors.training.attendeeUnavailable', params: { id } });
  });
  assertNoProblems(problems, (p) => apiPath(p.path));
}

export const trainingHandlers: HandlerMap<TrainingMethods> = {
  'staff.list': dbHandler<'staff.list'>({ run: ({ db }, input) => ({ items: listStaff(db, input.includeInactive) }) }),

  'staff.create': dbHandler<'staff.create'>({
    run: (ctx, input) => {
      assertEmployment(input);
      const id = insertStaff(ctx.db, input, ctx.now);
      ctx.audit = { targetType: 'staff', targetId: id, details: { role: input.role, active: input.active } };
      return getStaff(ctx.db, id)!;
    },
  }),

  'staff.update': dbHandler<'staff.update'>({
    run: (ctx, input) => {
      const { id, ...patch } = input;
      const before = requireStaff(ctx.db, id);
      const given = definedOnly(patch);
      const after = { ...before, ...given };
      assertEmployment(after);
      const changed = changedKeys(before, given);
      if (changed.length > 0) updateStaff(ctx.db, id, after, ctx.now);
      ctx.audit = { targetType: 'staff', targetId: id, details: { changed }, nothingChanged: changed.length === 0 };
      return getStaff(ctx.db, id)!;
    },
  }),

  'training.list': dbHandler<'training.list'>({ run: ({ db }, input) => ({ items: eventsOfYear(db, input.year) }) }),

  'training.save': dbHandler<'training.save'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const { id: givenId, attendeeIds, ...fields } = input;
      const attendees = [...new Set(attendeeIds)];
      const before = givenId === undefined ? null : requireEvent(db, givenId);
      assertEventValid(db, fields, attendees, new Set(before?.attendees.map((a) => a.id)));
      const id = before ? before.id : insertEvent(db, fields, now);
      if (before) updateEvent(db, id, fields, now);
      setAttendees(db, id, attendees);
      ctx.audit = { targetType: 'training', targetId: id, details: { created: before === null, tier: input.tier, attendees: attendees.length } };
      return getEvent(db, id)!;
    },
  }),

  'training.remove': dbHandler<'training.remove'>({
    run: (ctx, input) => {
      const e = requireEvent(ctx.db, input.id);
      softDeleteEvent(ctx.db, e.id, input.reason, ctx.now);
      ctx.audit = { targetType: 'training', targetId: e.id, details: { attendees: e.attendees.length } };
      return { ok: true as const };
    },
  }),

  'training.totals': dbHandler<'training.totals'>({ run: ({ db }, input) => yearTotals(db, input.year) }),
};
