import type { Database } from 'better-sqlite3-multiple-ciphers';
import { type StaffView, TRAINING_TIERS, type TrainingEventView } from '../../../shared/api/training';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';

export type StaffFields = Omit<StaffView, 'id'>;

const SELECT_STAFF = `SELECT id, name, role, employment, degree, psychology_major AS psychologyMajor, qualification, active FROM staff`;

type StaffRow = Omit<StaffView, 'psychologyMajor' | 'active'> & { psychologyMajor: number; active: number };

const toStaff = (r: StaffRow): StaffView => ({ ...r, psychologyMajor: r.psychologyMajor === 1, active: r.active === 1 });

export function getStaff(db: Database, id: string): StaffView | null {
  const r = stmt(db, `${SELECT_STAFF} WHERE id = ?`).get(id) as StaffRow | undefined;
  return r ? toStaff(r) : null;
}

export function listStaff(db: Database, includeInactive: boolean): StaffView[] {
  const rows = stmt(db, `${SELECT_STAFF} WHERE active = 1 OR @all ORDER BY active DESC, role, name`).all({ all: includeInactive ? 1 : 0 }) as StaffRow[];
  return rows.map(toStaff);
}

const staffParams = (f: StaffFields) => ({ ...f, psychologyMajor: f.psychologyMajor ? 1 : 0, active: f.active ? 1 : 0 });

export function insertStaff(db: Database, f: StaffFields, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO staff (id, name, role, employment, degree, psychology_major, qualification, active, created_at, updated_at)
     VALUES (@id, @name, @role, @employment, @degree, @psychologyMajor, @qualification, @active, @now, @now)`,
  ).run({ ...staffParams(f), id, now });
  return id;
}

export function updateStaff(db: Database, id: string, f: StaffFields, now: number): void {
  stmt(
    db,
    `UPDATE staff SET name = @name, role = @role, employment = @employment, degree = @degree, psychology_major = @psychologyMajor,
       qualification = @qualification, active = @active, updated_at = @now
     WHERE id = @id`,
  ).run({ ...staffParams(f), id, now });
}

/** Staff among the ids who are on the register and active. */
export function activeStaffIds(db: Database, ids: readonly string[]): Set<string> {
  return new Set(stmt(db, 'SELECT id FROM staff WHERE active = 1 AND id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[]);
}

// ——— training events ———

/** Hours travel as numbers with one decimal and are stored as whole tenths, so sums are exact. */
export const toTenths = (hours: number) => Math.round(hours * 10);
const toHours = (tenths: number) => tenths / 10;

export type EventFields = Omit<TrainingEventView, 'id' | 'attendees'>;

const SELECT_EVENT = `
  SELECT e.id, e.title, e.scope, e.tier, e.start_date AS startDate, e.end_date AS endDate, e.hours_tenths AS tenths, e.provider, e.notes,
    (SELECT json_group_array(json_object('id', st.id, 'name', st.name) ORDER BY st.name)
       FROM training_attendees a JOIN staff st ON st.id = a.staff_id WHERE a.event_id = e.id) AS attendees
  FROM training_events e WHERE e.deleted_at IS NULL`;

type EventRow = Omit<TrainingEventView, 'hours' | 'attendees'> & { tenths: number; attendees: string };

const toEvent = ({ tenths, attendees, ...r }: EventRow): TrainingEventView => ({
  ...r,
  hours: toHours(tenths),
  attendees: JSON.parse(attendees) as TrainingEventView['attendees'],
});

export function getEvent(db: Database, id: string): TrainingEventView | null {
  const r = stmt(db, `${SELECT_EVENT} AND e.id = ?`).get(id) as EventRow | undefined;
  return r ? toEvent(r) : null;
}

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export function eventsOfYear(db: Database, year: number): TrainingEventView[] {
  const rows = stmt(db, `${SELECT_EVENT} AND e.start_date BETWEEN @from AND @to ORDER BY e.start_date DESC, e.created_at DESC`).all(yearRange(year)) as EventRow[];
  return rows.map(toEvent);
}

const eventParams = (f: EventFields) => ({ ...f, tenths: toTenths(f.hours) });

export function insertEvent(db: Database, f: EventFields, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO training_events (id, title, scope, tier, start_date, end_date, hours_tenths, provider, notes, created_at, updated_at)
     VALUES (@id, @title, @scope, @tier, @startDate, @endDate, @tenths, @provider, @notes, @now, @now)`,
  ).run({ ...eventParams(f), id, now });
  return id;
}

export function updateEvent(db: Database, id: string, f: EventFields, now: number): void {
  stmt(
    db,
    `UPDATE training_events SET title = @title, scope = @scope, tier = @tier, start_date = @startDate, end_date = @endDate,
       hours_tenths = @tenths, provider = @provider, notes = @notes, updated_at = @now
     WHERE id = @id`,
  ).run({ ...eventParams(f), id, now });
}

export function setAttendees(db: Database, eventId: string, staffIds: readonly string[]): void {
  stmt(db, 'DELETE FROM training_attendees WHERE event_id = ?').run(eventId);
  const insert = stmt(db, 'INSERT INTO training_attendees (event_id, staff_id) VALUES (?, ?)');
  for (const staffId of staffIds) insert.run(eventId, staffId);
}

export function softDeleteEvent(db: Database, id: string, reason: string, now: number): void {
  stmt(db, 'UPDATE training_events SET deleted_at = ?, deleted_reason = ? WHERE id = ?').run(now, reason, id);
}

/**
 * Training hours per staff member in a calendar year (by start date), by tier: every active staff
 * member, with 0 when they had none, and anyone since made inactive who trained that year.
 */
export function yearTotals(db: Database, year: number) {
  const rows = stmt(
    db,
    `WITH attended AS (
       SELECT a.staff_id, e.tier, e.hours_tenths FROM training_attendees a
       JOIN training_events e ON e.id = a.event_id AND e.deleted_at IS NULL AND e.start_date BETWEEN @from AND @to
     )
     SELECT st.id AS staffId, st.name, st.role, st.employment, t.tier, coalesce(sum(t.hours_tenths), 0) AS tenths, count(t.tier) AS events
     FROM staff st LEFT JOIN attended t ON t.staff_id = st.id
     WHERE st.active = 1 OR t.staff_id IS NOT NULL
     GROUP BY st.id, t.tier
     ORDER BY st.role, st.name, st.id`,
  ).all(yearRange(year)) as (Pick<StaffView, 'name' | 'role' | 'employment'> & { staffId: string; tier: string | null; tenths: number; events: number })[];
  const byStaff = new Map<string, { row: (typeof rows)[number]; tenths: Map<string, number>; events: number }>();
  for (const r of rows) {
    const entry = byStaff.get(r.staffId) ?? { row: r, tenths: new Map<string, number>(), events: 0 };
    if (r.tier !== null) entry.tenths.set(r.tier, r.tenths);
    entry.events += r.events;
    byStaff.set(r.staffId, entry);
  }
  const items = [...byStaff.values()].map(({ row: { staffId, name, role, employment }, tenths, events }) => {
    const total = [...tenths.values()].reduce((a, b) => a + b, 0);
    return { staffId, name, role, employment, events, tenths: total, byTier: TRAINING_TIERS.map((tier) => ({ tier, hours: toHours(tenths.get(tier) ?? 0) })) };
  });
  const totalTenths = items.reduce((a, i) => a + i.tenths, 0);
  return { items: items.map(({ tenths, ...i }) => ({ ...i, hours: toHours(tenths) })), totalHours: toHours(totalTenths) };
}
