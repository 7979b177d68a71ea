import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RoomView, ZoneType } from '../../../shared/api/rooms';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';

interface RoomRow {
  id: string;
  name: string;
  zone_type: ZoneType;
  area_centi_m2: number;
  capacity: number;
  notes: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export type RoomFields = Pick<RoomView, 'name' | 'zoneType' | 'areaM2' | 'capacity' | 'notes' | 'active'>;

/** Stored as whole hundredths of a square metre, so 12.5 m² comes back as exactly 12.5. */
const toCenti = (m2: number) => Math.round(m2 * 100);

function toView(r: RoomRow): RoomView {
  return {
    id: r.id,
    name: r.name,
    zoneType: r.zone_type,
    areaM2: r.area_centi_m2 / 100,
    capacity: r.capacity,
    notes: r.notes,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getRoom(db: Database, id: string): RoomView | null {
  const r = stmt(db, 'SELECT * FROM rooms WHERE id = ?').get(id) as RoomRow | undefined;
  return r ? toView(r) : null;
}

export function listRooms(db: Database, includeInactive: boolean): RoomView[] {
  const rows = stmt(db, 'SELECT * FROM rooms WHERE active = 1 OR @includeInactive ORDER BY name, id').all({ includeInactive: includeInactive ? 1 : 0 }) as RoomRow[];
  return rows.map(toView);
}

export function roomIdByName(db: Database, name: string): string | null {
  return (stmt(db, 'SELECT id FROM rooms WHERE name = ?').pluck().get(name) as string | undefined) ?? null;
}

function bind(f: RoomFields) {
  return { name: f.name, zoneType: f.zoneType, area: toCenti(f.areaM2), capacity: f.capacity, notes: f.notes, active: f.active ? 1 : 0 };
}

export function insertRoom(db: Database, f: RoomFields, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO rooms (id, name, zone_type, area_centi_m2, capacity, notes, active, created_at, updated_at)
     VALUES (@id, @name, @zoneType, @area, @capacity, @notes, @active, @now, @now)`,
  ).run({ ...bind(f), id, now });
  return id;
}

export function updateRoom(db: Database, id: string, f: RoomFields, now: number): void {
  stmt(
    db,
    `UPDATE rooms SET name = @name, zone_type = @zoneType, area_centi_m2 = @area, capacity = @capacity, notes = @notes,
       active = @active, updated_at = @now WHERE id = @id`,
  ).run({ ...bind(f), id, now });
}
