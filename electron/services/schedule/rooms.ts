import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { RoomView } from '../../../shared/api/rooms';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { changedKeys, definedOnly } from '../common/clinical';
import { getRoom, insertRoom, listRooms, roomIdByName, updateRoom } from './rooms-repo';
import { loadOpenings } from './openings-repo';
import { invalid } from '../common/validation';
import { readPrincipalEditsRooms } from '../accounts/settings-store';
import type { ServiceContext } from '../../core/handler';

type RoomMethods = 'rooms.list' | 'rooms.create' | 'rooms.update';

export function requireRoom(db: Database, id: string, path: string): RoomView {
  const room = getRoom(db, id);
  if (!room) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return room;
}

/** A room that takes new openings and bookings. */
export function requireActiveRoom(db: Database, id: string, path: string): RoomView {
  const room = requireRoom(db, id, path);
  if (!room.active) throw invalid(path, 'errors.room.inactive', { id });
  return room;
}

/** Rooms and their hours are the school's: a principal changes them unless the counselors turned that off. */
export function assertMayEditRooms(ctx: ServiceContext): void {
  if (ctx.actor.role === 'principal' && !readPrincipalEditsRooms(ctx.db)) throw new CounselError('FORBIDDEN', 'errors.room.principalOff');
}

/** Active rooms with at least one weekly opening (the home's getting-started list). */
export function roomsWithOpeningsCount(db: Database): number {
  const open = new Set(loadOpenings(db, { activeOnly: true }).slots.map((s) => s.roomId));
  return open.size;
}

function assertNameFree(db: Database, name: string, selfId: string | null): void {
  const holder = roomIdByName(db, name);
  if (holder !== null && holder !== selfId) throw new CounselError('CONFLICT', 'errors.room.duplicate', { path: 'name', id: holder });
}

export const roomHandlers: HandlerMap<RoomMethods> = {
  'rooms.list': dbHandler<'rooms.list'>({ run: ({ db }, input) => ({ items: listRooms(db, input.includeInactive) }) }),

  'rooms.create': dbHandler<'rooms.create'>({
    run: (ctx, input) => {
      assertMayEditRooms(ctx);
      assertNameFree(ctx.db, input.name, null);
      const id = insertRoom(ctx.db, input, ctx.now);
      ctx.audit = { targetType: 'room', targetId: id, details: { zoneType: input.zoneType, active: input.active } };
      return getRoom(ctx.db, id)!;
    },
  }),

  'rooms.update': dbHandler<'rooms.update'>({
    run: (ctx, input) => {
      assertMayEditRooms(ctx);
      const { id, ...patch } = input;
      const before = requireRoom(ctx.db, id, 'id');
      const given = definedOnly(patch);
      const changed = changedKeys(before, given);
      if (given.name !== undefined) assertNameFree(ctx.db, given.name, id);
      if (changed.length > 0) updateRoom(ctx.db, id, { ...before, ...given }, ctx.now);
      ctx.audit = { targetType: 'room', targetId: id, details: { changed }, nothingChanged: changed.length === 0 };
      return getRoom(ctx.db, id)!;
    },
  }),
};

/** The rooms in use, for the compliance checklist (ZONE-01/05/06). */
export function activeRooms(db: Database): RoomView[] {
  return listRooms(db, false);
}
