import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AppointmentStatus, AppointmentView } from '../../../shared/api/appointments';
import { type Booking, formatTime } from '../../../shared/domain/schedule';
import { stmt } from '../../db/statements';
import { Where } from '../../db/where';

interface AppointmentRow {
  id: string;
  series_id: string | null;
  client_kind: AppointmentView['clientKind'];
  student_id: string | null;
  client_label: string;
  counselor_id: string;
  counselor_name: string;
  room_id: string | null;
  room_name: string | null;
  date: string;
  start_min: number;
  end_min: number;
  kind: AppointmentView['kind'];
  source: AppointmentView['source'];
  status: AppointmentStatus;
  cancel_reason: string | null;
  notes: string;
  outside_opening: number;
  created_at: number;
  updated_at: number;
}

const SELECT_APPOINTMENT = `
  SELECT a.id, a.series_id, a.client_kind, a.student_id, coalesce(s.name, a.client_label) AS client_label, a.counselor_id,
    u.display_name AS counselor_name, a.room_id, r.name AS room_name, a.date, a.start_min, a.end_min, a.kind, a.source, a.status,
    a.cancel_reason, a.notes, a.outside_opening, a.created_at, a.updated_at
  FROM appointments a
  JOIN users u ON u.id = a.counselor_id
  LEFT JOIN rooms r ON r.id = a.room_id
  LEFT JOIN students s ON s.id = a.student_id`;

function toView(r: AppointmentRow): AppointmentView {
  return {
    id: r.id,
    seriesId: r.series_id,
    clientKind: r.client_kind,
    studentId: r.student_id,
    clientLabel: r.client_label,
    counselorId: r.counselor_id,
    counselorName: r.counselor_name,
    roomId: r.room_id,
    roomName: r.room_name,
    date: r.date,
    start: formatTime(r.start_min),
    end: formatTime(r.end_min),
    kind: r.kind,
    source: r.source,
    status: r.status,
    cancelReason: r.cancel_reason,
    notes: r.notes,
    outsideOpening: r.outside_opening === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getAppointment(db: Database, id: string): AppointmentView | null {
  const r = stmt(db, `${SELECT_APPOINTMENT} WHERE a.id = ?`).get(id) as AppointmentRow | undefined;
  return r ? toView(r) : null;
}

export interface AppointmentQuery {
  from: string;
  to: string;
  roomId?: string | undefined;
  counselorId?: string | undefined;
  studentId?: string | undefined;
  includeCancelled: boolean;
}

/** By date and start; the date range walks the (date, start_min) index, so the order costs nothing. */
export function listAppointments(db: Database, q: AppointmentQuery): AppointmentView[] {
  const where = new Where()
    .raw('a.date BETWEEN @from AND @to', { from: q.from, to: q.to })
    .when(q.roomId, 'roomId', 'a.room_id = @roomId')
    .when(q.counselorId, 'counselorId', 'a.counselor_id = @counselorId')
    .when(q.studentId, 'studentId', 'a.student_id = @studentId');
  if (!q.includeCancelled) where.raw(`a.status <> 'cancelled'`, {});
  const rows = stmt(db, `${SELECT_APPOINTMENT} WHERE ${where.sql} ORDER BY a.date, a.start_min, a.id`).all(where.params) as AppointmentRow[];
  return rows.map(toView);
}

/** A booking occupies its room, counselor and student while requested, confirmed or held (completed). */
const LIVE = `status IN ('requested', 'confirmed', 'completed')`;
const BOOKING = `SELECT id, date, start_min AS startMin, end_min AS endMin, room_id AS roomId, counselor_id AS counselorId, student_id AS studentId
  FROM appointments`;

/**
 * The live bookings on a date that share the room, the counselor or the student: one indexed lookup
 * each (the partial indexes hold live bookings only), so a check reads a handful of rows however
 * many appointments the archive holds.
 */
export function liveBookingsOn(db: Database, b: Pick<Booking, 'date' | 'roomId' | 'counselorId' | 'studentId'>): Booking[] {
  return stmt(
    db,
    `${BOOKING} WHERE room_id = @roomId AND date = @date AND ${LIVE}
     UNION ${BOOKING} WHERE counselor_id = @counselorId AND date = @date AND ${LIVE}
     UNION ${BOOKING} WHERE student_id = @studentId AND date = @date AND ${LIVE}`,
  ).all(b) as Booking[];
}

export interface AppointmentFields {
  counselorId: string;
  roomId: string | null;
  date: string;
  startMin: number;
  endMin: number;
  kind: AppointmentView['kind'];
  source: AppointmentView['source'];
  notes: string;
  outsideOpening: boolean;
}

export interface NewAppointment extends AppointmentFields {
  id: string;
  seriesId: string | null;
  clientKind: AppointmentView['clientKind'];
  studentId: string | null;
  clientLabel: string;
  status: 'requested' | 'confirmed';
  createdBy: string;
}

export function insertAppointment(db: Database, a: NewAppointment, now: number): void {
  stmt(
    db,
    `INSERT INTO appointments (id, series_id, client_kind, student_id, client_label, counselor_id, room_id, date, start_min, end_min,
       kind, source, status, notes, outside_opening, created_by, created_at, updated_at)
     VALUES (@id, @seriesId, @clientKind, @studentId, @clientLabel, @counselorId, @roomId, @date, @startMin, @endMin,
       @kind, @source, @status, @notes, @outside, @createdBy, @now, @now)`,
  ).run({ ...a, outside: a.outsideOpening ? 1 : 0, now });
}

export function updateAppointment(db: Database, id: string, f: AppointmentFields, now: number): void {
  stmt(
    db,
    `UPDATE appointments SET counselor_id = @counselorId, room_id = @roomId, date = @date, start_min = @startMin, end_min = @endMin,
       kind = @kind, source = @source, notes = @notes, outside_opening = @outside, updated_at = @now
     WHERE id = @id`,
  ).run({ ...f, outside: f.outsideOpening ? 1 : 0, id, now });
}

export function setAppointmentStatus(db: Database, id: string, status: AppointmentStatus, now: number): void {
  stmt(db, 'UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
}

/**
 * Cancels one appointment, or the occurrences of a series from a date on; completed, no-show and
 * already cancelled ones stay as they are. Returns how many were cancelled.
 */
export function cancelAppointments(db: Database, target: { id: string } | { seriesId: string; fromDate: string }, reason: string, now: number): number {
  const where = 'id' in target ? 'id = @id' : 'series_id = @seriesId AND date >= @fromDate';
  return stmt(db, `UPDATE appointments SET status = 'cancelled', cancel_reason = @reason, updated_at = @now WHERE ${where} AND status IN ('requested', 'confirmed')`).run({
    ...target,
    reason,
    now,
  }).changes;
}

/** Whether a roster row exists, and whether it was deleted (kept for the history, closed to new bookings). */
export function studentRowState(db: Database, id: string): 'present' | 'deleted' | null {
  const r = stmt(db, 'SELECT deleted_at IS NOT NULL AS deleted FROM students WHERE id = ?').get(id) as { deleted: number } | undefined;
  return r ? (r.deleted === 1 ? 'deleted' : 'present') : null;
}

/** Pinyin initials by student id (张三明 → ZSM), the most an exported calendar may say about a client. */
export function studentInitials(db: Database, ids: readonly string[]): Map<string, string> {
  const get = stmt(db, 'SELECT upper(name_initials) FROM students WHERE id = ?').pluck();
  return new Map(ids.map((id) => [id, get.get(id) as string]));
}
