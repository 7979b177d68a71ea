import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OpeningException, OpeningSlot } from '../../../shared/domain/schedule';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';

/*
 * Slots and exceptions travel in the domain's shape (minutes, dutyUserId for the person on duty's
 * name, null for nobody), since the domain does everything with them; the service formats views.
 */
const SLOT = `SELECT id, room_id AS roomId, rrule, valid_from AS validFrom, valid_until AS validUntil, start_min AS startMin,
  end_min AS endMin, nullif(duty_name, '') AS dutyUserId FROM opening_slots`;
const EXCEPTION = `SELECT id, room_id AS roomId, date, kind, slot_id AS slotId, start_min AS startMin, end_min AS endMin,
  nullif(duty_name, '') AS dutyUserId FROM opening_exceptions`;

export function getSlot(db: Database, id: string): OpeningSlot | null {
  return (stmt(db, `${SLOT} WHERE id = ?`).get(id) as OpeningSlot | undefined) ?? null;
}

export function getException(db: Database, id: string): OpeningException | null {
  return (stmt(db, `${EXCEPTION} WHERE id = ?`).get(id) as OpeningException | undefined) ?? null;
}

/**
 * Slots and exceptions of one room, or of every room; `activeOnly` leaves out deactivated rooms
 * (their openings are no longer posted, but stay stored should the room come back).
 */
export function loadOpenings(db: Database, q: { roomId?: string | undefined; activeOnly: boolean }): { slots: OpeningSlot[]; exceptions: OpeningException[] } {
  const where = `WHERE (@roomId IS NULL OR room_id = @roomId) AND (@activeOnly = 0 OR room_id IN (SELECT id FROM rooms WHERE active = 1))`;
  const params = { roomId: q.roomId ?? null, activeOnly: q.activeOnly ? 1 : 0 };
  return {
    slots: stmt(db, `${SLOT} ${where} ORDER BY room_id, valid_from, start_min, id`).all(params) as OpeningSlot[],
    exceptions: stmt(db, `${EXCEPTION} ${where} ORDER BY room_id, date, start_min, id`).all(params) as OpeningException[],
  };
}

export function saveSlot(db: Database, s: Omit<OpeningSlot, 'id'> & { id?: string | undefined }, now: number): string {
  const id = s.id ?? uuidv7(now);
  stmt(
    db,
    `INSERT INTO opening_slots (id, room_id, rrule, valid_from, valid_until, start_min, end_min, duty_name, created_at, updated_at)
     VALUES (@id, @roomId, @rrule, @validFrom, @validUntil, @startMin, @endMin, coalesce(@dutyUserId, ''), @now, @now)
     ON CONFLICT (id) DO UPDATE SET room_id = excluded.room_id, rrule = excluded.rrule, valid_from = excluded.valid_from,
       valid_until = excluded.valid_until, start_min = excluded.start_min, end_min = excluded.end_min,
       duty_name = excluded.duty_name, updated_at = excluded.updated_at`,
  ).run({ ...s, id, now });
  // A slot's cancellations belong to it: when it moves to another room they go along.
  stmt(db, 'UPDATE opening_exceptions SET room_id = ? WHERE slot_id = ?').run(s.roomId, id);
  return id;
}

/** Removes a slot with its exceptions. */
export function deleteSlot(db: Database, id: string): void {
  stmt(db, 'DELETE FROM opening_exceptions WHERE slot_id = ?').run(id);
  stmt(db, 'DELETE FROM opening_slots WHERE id = ?').run(id);
}

export function insertException(db: Database, e: Omit<OpeningException, 'id'>, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO opening_exceptions (id, room_id, date, kind, slot_id, start_min, end_min, duty_name, created_at)
     VALUES (@id, @roomId, @date, @kind, @slotId, @startMin, @endMin, coalesce(@dutyUserId, ''), @now)`,
  ).run({ ...e, id, now });
  return id;
}

export function deleteException(db: Database, id: string): void {
  stmt(db, 'DELETE FROM opening_exceptions WHERE id = ?').run(id);
}
