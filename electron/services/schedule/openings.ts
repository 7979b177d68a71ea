import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { ExceptionView, OccurrenceView, SlotView } from '../../../shared/api/openings';
import {
  expandOpenings,
  formatTime,
  type Occurrence,
  type OpeningException,
  type OpeningSlot,
  validateExceptions,
  validateSlots,
} from '../../../shared/domain/schedule';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { deleteException, deleteSlot, getException, getSlot, insertException, loadOpenings, saveSlot } from './openings-repo';
import { assertMayEditRooms, requireActiveRoom, requireRoom } from './rooms';
import { listRooms } from './rooms-repo';
import { assertDateRange, dutyFromDomain, dutyToDomain, otherIdParams, toMinutes } from './schedule-checks';
import { assertItemValid, invalid } from '../common/validation';
import { loadCalendar } from './school-calendar-repo';

type OpeningMethods = 'openings.list' | 'openings.saveSlot' | 'openings.removeSlot' | 'openings.addException' | 'openings.removeException' | 'openings.expand';

const timeOrNull = (m: number | null) => (m === null ? null : formatTime(m));

function slotView(s: OpeningSlot): SlotView {
  const { id, roomId, rrule, validFrom, validUntil } = s;
  return { id, roomId, rrule, validFrom, validUntil, start: formatTime(s.startMin), end: formatTime(s.endMin), dutyName: dutyFromDomain(s.dutyUserId) };
}

function exceptionView(e: OpeningException): ExceptionView {
  const { id, roomId, date, kind, slotId } = e;
  return { id, roomId, date, kind, slotId, start: timeOrNull(e.startMin), end: timeOrNull(e.endMin), dutyName: dutyFromDomain(e.dutyUserId) };
}

function requireSlot(db: Database, id: string, path: string): OpeningSlot {
  const slot = getSlot(db, id);
  if (!slot) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return slot;
}

/**
 * Openings from `from` to `to` after the calendar and exceptions: of one room (active or not, so
 * its own page still shows them), or of every active room.
 */
export function openingsBetween(db: Database, from: string, to: string, roomId?: string): Occurrence[] {
  return expandOpenings({ calendar: loadCalendar(db), ...loadOpenings(db, { roomId, activeOnly: roomId === undefined }), from, to });
}

/** Occurrences as the contract shows them, with the room's name. */
function occurrenceViews(db: Database, occurrences: readonly Occurrence[]): OccurrenceView[] {
  const names = new Map(listRooms(db, true).map((r) => [r.id, r.name]));
  return occurrences.map((o) => ({
    date: o.date,
    roomId: o.roomId,
    roomName: names.get(o.roomId) ?? '',
    start: formatTime(o.startMin),
    end: formatTime(o.endMin),
    dutyName: dutyFromDomain(o.dutyUserId),
    slotId: o.slotId,
    exceptionId: o.exceptionId,
  }));
}

export const openingHandlers: HandlerMap<OpeningMethods> = {
  'openings.list': dbHandler<'openings.list'>({
    run: ({ db }, input) => {
      const { slots, exceptions } = loadOpenings(db, { roomId: input.roomId, activeOnly: false });
      return { slots: slots.map(slotView), exceptions: exceptions.map(exceptionView) };
    },
  }),

  'openings.saveSlot': dbHandler<'openings.saveSlot'>({
    run: (ctx, input) => {
      assertMayEditRooms(ctx);
      const { db } = ctx;
      if (input.id !== undefined) requireSlot(db, input.id, 'id');
      requireActiveRoom(db, input.roomId, 'roomId');
      const slot = {
        id: input.id,
        roomId: input.roomId,
        rrule: input.rrule.toUpperCase(),
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        startMin: toMinutes(input.start),
        endMin: toMinutes(input.end),
        dutyUserId: dutyToDomain(input.dutyName),
      };
      assertItemValid(validateSlots([{ ...slot, id: slot.id ?? '' }]), 0, 0);
      const id = saveSlot(db, slot, ctx.now);
      ctx.audit = { targetType: 'slot', targetId: id, details: { roomId: input.roomId, created: input.id === undefined } };
      return slotView(getSlot(db, id)!);
    },
  }),

  'openings.removeSlot': dbHandler<'openings.removeSlot'>({
    run: (ctx, input) => {
      assertMayEditRooms(ctx);
      const slot = requireSlot(ctx.db, input.id, 'id');
      deleteSlot(ctx.db, slot.id);
      ctx.audit = { targetType: 'slot', targetId: slot.id, details: { roomId: slot.roomId } };
      return { ok: true as const };
    },
  }),

  'openings.addException': dbHandler<'openings.addException'>({
    run: (ctx, input) => {
      assertMayEditRooms(ctx);
      const { db } = ctx;
      requireActiveRoom(db, input.roomId, 'roomId');
      // The domain knows closures of a whole slot or room only; a time on one would be silently lost.
      if (input.kind === 'closed' && (input.start !== null || input.end !== null)) {
        throw invalid(input.start !== null ? 'start' : 'end', 'errors.schedule.closedWithTime');
      }
      const { slots, exceptions } = loadOpenings(db, { roomId: input.roomId, activeOnly: false });
      const sameDay = exceptions.filter((e) => e.date === input.date);
      const exception = {
        roomId: input.roomId,
        date: input.date,
        kind: input.kind,
        slotId: input.slotId,
        startMin: input.start === null ? null : toMinutes(input.start),
        endMin: input.end === null ? null : toMinutes(input.end),
        dutyUserId: dutyToDomain(input.dutyName),
      };
      assertItemValid(validateExceptions([...sameDay, { ...exception, id: '' }], slots), sameDay.length, 0, otherIdParams(sameDay));
      const id = insertException(db, exception, ctx.now);
      ctx.audit = { targetType: 'exception', targetId: id, details: { roomId: input.roomId, date: input.date, kind: input.kind, slotId: input.slotId } };
      return exceptionView(getException(db, id)!);
    },
  }),

  'openings.removeException': dbHandler<'openings.removeException'>({
    run: (ctx, input) => {
      assertMayEditRooms(ctx);
      const e = getException(ctx.db, input.id);
      if (!e) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id: input.id });
      deleteException(ctx.db, e.id);
      ctx.audit = { targetType: 'exception', targetId: e.id, details: { roomId: e.roomId, date: e.date } };
      return { ok: true as const };
    },
  }),

  'openings.expand': dbHandler<'openings.expand'>({
    run: ({ db }, input) => {
      assertDateRange(input.from, input.to);
      if (input.roomId !== undefined) requireRoom(db, input.roomId, 'roomId');
      return { items: occurrenceViews(db, openingsBetween(db, input.from, input.to, input.roomId)) };
    },
  }),
};
