import type { Database } from 'better-sqlite3-multiple-ciphers';
import { type AppointmentView, type ClashDetail, STATUS_FLOW } from '../../../shared/api/appointments';
import { CounselError } from '../../../shared/api/errors';
import { type Booking, coveredByOpenings, expandSeries, findConflicts } from '../../../shared/domain/schedule';
import { uuidv7 } from '../../../shared/ids';
import { dbHandler, type HandlerMap } from '../../core/handler';
import {
  type AppointmentFields,
  cancelAppointments,
  getAppointment,
  insertAppointment,
  listAppointments,
  liveBookingsOn,
  setAppointmentStatus,
  updateAppointment,
} from './appointments-repo';
import { changedKeys, definedOnly, requireCounselor } from '../common/clinical';
import { openingsBetween } from './openings';
import { requireActiveRoom } from './rooms';
import { assertDateRange, requireBookableStudent, toMinutes } from './schedule-checks';
import { invalid } from '../common/validation';
import { linkToCrisis, requireCrisisOfStudent } from '../crisis/attach';
import { requireWaitingEntry } from './waitlist';
import { closeWaitlistEntry } from './waitlist-repo';

// Group sessions book and cancel their room as appointments.
export { cancelAppointments, getAppointment, insertAppointment, updateAppointment } from './appointments-repo';

type AppointmentMethods =
  | 'appointments.create'
  | 'appointments.get'
  | 'appointments.list'
  | 'appointments.update'
  | 'appointments.setStatus'
  | 'appointments.cancel';

export function requireAppointment(db: Database, id: string, path = 'id'): AppointmentView {
  const a = getAppointment(db, id);
  if (!a) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return a;
}

function assertNotFinal(a: AppointmentView): void {
  if (STATUS_FLOW[a.status].length === 0) throw new CounselError('CONFLICT', 'errors.appointment.final', { path: 'id', id: a.id, status: a.status });
}

function clashDetail(db: Database, bookingId: string, reasons: ClashDetail['reasons']): ClashDetail {
  const a = getAppointment(db, bookingId)!;
  return { path: 'start', appointmentId: a.id, date: a.date, start: a.start, end: a.end, reasons, roomName: a.roomName, counselorName: a.counselorName, clientLabel: a.clientLabel };
}

/**
 * CONFLICT naming every live booking that overlaps a candidate and shares its room, counselor or
 * student. Each candidate is checked against its own date's rows only. The occurrences of one new
 * series need no check against each other: a weekly series never puts two on the same date.
 */
export function assertNoClashes(db: Database, candidates: readonly Booking[]): void {
  const clashes = new Map<string, ClashDetail>();
  for (const candidate of candidates) {
    for (const c of findConflicts(candidate, liveBookingsOn(db, candidate))) clashes.set(c.bookingId, clashDetail(db, c.bookingId, c.reasons));
  }
  if (clashes.size > 0) throw new CounselError('CONFLICT', 'errors.appointment.conflict', [...clashes.values()]);
}

/**
 * For each candidate (all in one room), whether it falls outside the room's opening hours; without
 * the override, any that does is CONFLICT naming its date. Without a room there are no hours to keep.
 */
export function outsideOpenings(db: Database, roomId: string | null, candidates: readonly Booking[], override: boolean): boolean[] {
  if (roomId === null) return candidates.map(() => false);
  const dates = candidates.map((c) => c.date).sort();
  const openings = openingsBetween(db, dates[0]!, dates.at(-1)!, roomId);
  const outside = candidates.map((c) => !coveredByOpenings(c, openings));
  const outsideDates = candidates.filter((_, i) => outside[i]).map((c) => c.date);
  if (outsideDates.length > 0 && !override) {
    throw new CounselError('CONFLICT', 'errors.appointment.outsideOpening', { path: 'start', date: outsideDates[0], dates: outsideDates });
  }
  return outside;
}

/** The fields that decide a clash, and those that decide the opening hours. */
const CLASH_FIELDS = ['date', 'start', 'end', 'roomId', 'counselorId'] as const;
const OPENING_FIELDS = ['date', 'start', 'end', 'roomId'] as const;

export const appointmentHandlers: HandlerMap<AppointmentMethods> = {
  'appointments.create': dbHandler<'appointments.create'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const studentId = input.studentId ?? null;
      if (studentId !== null) requireBookableStudent(db, studentId, 'studentId');
      const counselorId = input.counselorId ?? actor.userId;
      requireCounselor(db, counselorId, 'counselorId', 'errors.appointment.notCounselor');
      if (input.roomId !== null) requireActiveRoom(db, input.roomId, 'roomId');
      const waiting = input.waitlistId === undefined ? null : requireWaitingEntry(db, input.waitlistId, 'waitlistId');
      if (waiting && (waiting.clientKind !== input.clientKind || waiting.studentId !== studentId)) {
        throw invalid('waitlistId', 'errors.appointment.waitlistMismatch');
      }
      if (input.crisisCaseId !== undefined) requireCrisisOfStudent(db, input.crisisCaseId, studentId, 'crisisCaseId');

      const dates = input.repeat ? expandSeries({ startDate: input.date, ...input.repeat }) : [input.date];
      const slot = { roomId: input.roomId, counselorId, studentId, startMin: toMinutes(input.start), endMin: toMinutes(input.end) };
      const candidates = dates.map((date) => ({ ...slot, id: uuidv7(now), date }));
      assertNoClashes(db, candidates);
      const outside = outsideOpenings(db, input.roomId, candidates, input.overrideOpening);

      const seriesId = input.repeat ? uuidv7(now) : null;
      const { clientKind, clientLabel, kind, source, notes, status } = input;
      candidates.forEach((c, i) => {
        insertAppointment(db, { ...c, seriesId, clientKind, clientLabel, kind, source, notes, status, outsideOpening: outside[i]!, createdBy: actor.userId }, now);
      });
      const first = candidates[0]!.id;
      if (waiting) closeWaitlistEntry(db, waiting.id, first, now);
      // Booked from a crisis case's 积极干预 step: each occurrence shows there.
      if (input.crisisCaseId !== undefined) for (const c of candidates) linkToCrisis(db, input.crisisCaseId, { kind: 'appointmentLink', appointmentId: c.id }, actor.userId, now);
      const outsideCount = outside.filter(Boolean).length;
      ctx.audit = {
        targetType: 'appointment',
        targetId: first,
        details: {
          date: input.date,
          count: candidates.length,
          seriesId,
          studentId,
          counselorId,
          roomId: input.roomId,
          ...(outsideCount > 0 ? { outsideOpening: true, outsideCount } : {}),
          ...(waiting ? { waitlistId: waiting.id } : {}),
          ...(input.crisisCaseId !== undefined ? { crisisCaseId: input.crisisCaseId } : {}),
        },
      };
      return { items: candidates.map((c) => getAppointment(db, c.id)!) };
    },
  }),

  'appointments.get': dbHandler<'appointments.get'>({ run: ({ db }, input) => requireAppointment(db, input.id) }),

  'appointments.list': dbHandler<'appointments.list'>({
    run: ({ db }, input) => {
      assertDateRange(input.from, input.to);
      return { items: listAppointments(db, input) };
    },
  }),

  'appointments.update': dbHandler<'appointments.update'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const { id, overrideOpening = false, ...patch } = input;
      const before = requireAppointment(db, id);
      assertNotFinal(before);
      const given = definedOnly(patch);
      const changed = changedKeys(before, given);
      const after = { ...before, ...given };
      if (after.end <= after.start) throw invalid('end', 'errors.schedule.endNotAfterStart');
      if (changed.includes('counselorId')) requireCounselor(db, after.counselorId, 'counselorId', 'errors.appointment.notCounselor');
      if (changed.includes('roomId') && after.roomId !== null) requireActiveRoom(db, after.roomId, 'roomId');

      const candidate = { id, date: after.date, startMin: toMinutes(after.start), endMin: toMinutes(after.end), roomId: after.roomId, counselorId: after.counselorId, studentId: after.studentId };
      if (changed.some((k) => (CLASH_FIELDS as readonly string[]).includes(k))) assertNoClashes(db, [candidate]);
      const reopened = changed.some((k) => (OPENING_FIELDS as readonly string[]).includes(k));
      const outsideOpening = reopened ? outsideOpenings(db, after.roomId, [candidate], overrideOpening)[0]! : before.outsideOpening;

      if (changed.length > 0) {
        const fields: AppointmentFields = { ...after, startMin: candidate.startMin, endMin: candidate.endMin, outsideOpening };
        updateAppointment(db, id, fields, now);
      }
      ctx.audit = {
        targetType: 'appointment',
        targetId: id,
        details: { changed, ...(reopened && outsideOpening ? { outsideOpening: true } : {}) },
        nothingChanged: changed.length === 0,
      };
      return getAppointment(db, id)!;
    },
  }),

  'appointments.setStatus': dbHandler<'appointments.setStatus'>({
    run: (ctx, input) => {
      const a = requireAppointment(ctx.db, input.id);
      if (!STATUS_FLOW[a.status].includes(input.status)) {
        throw new CounselError('CONFLICT', 'errors.appointment.badTransition', { path: 'status', id: a.id, from: a.status, to: input.status });
      }
      setAppointmentStatus(ctx.db, a.id, input.status, ctx.now);
      ctx.audit = { targetType: 'appointment', targetId: a.id, details: { from: a.status, to: input.status } };
      return getAppointment(ctx.db, a.id)!;
    },
  }),

  'appointments.cancel': dbHandler<'appointments.cancel'>({
    run: (ctx, input) => {
      const a = requireAppointment(ctx.db, input.id);
      const single = input.scope === 'one' || a.seriesId === null;
      if (single) assertNotFinal(a);
      const target = single ? { id: a.id } : { seriesId: a.seriesId!, fromDate: input.scope === 'following' ? a.date : '' };
      const cancelled = cancelAppointments(ctx.db, target, input.reason, ctx.now);
      ctx.audit = { targetType: 'appointment', targetId: a.id, details: { scope: input.scope, seriesId: a.seriesId, cancelled }, nothingChanged: cancelled === 0 };
      return { cancelled };
    },
  }),
};
