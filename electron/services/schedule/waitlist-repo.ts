import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { waitlistItem } from '../../../shared/api/appointments';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';

export type WaitlistItem = z.output<typeof waitlistItem>;
/** An entry with when it left the list (booked or removed), null while waiting. */
export type WaitlistEntry = WaitlistItem & { closedAt: number | null };

const SELECT_ENTRY = `
  SELECT w.id, w.client_kind AS clientKind, w.student_id AS studentId, coalesce(s.name, w.client_label) AS clientLabel, w.source,
    w.preference, w.notes, w.added_at AS addedAt, w.closed_at AS closedAt
  FROM waitlist w LEFT JOIN students s ON s.id = w.student_id`;

export function openWaitlist(db: Database): WaitlistEntry[] {
  return stmt(db, `${SELECT_ENTRY} WHERE w.closed_at IS NULL ORDER BY w.added_at, w.id`).all() as WaitlistEntry[];
}

export function getWaitlistEntry(db: Database, id: string): WaitlistEntry | null {
  return (stmt(db, `${SELECT_ENTRY} WHERE w.id = ?`).get(id) as WaitlistEntry | undefined) ?? null;
}

export type NewWaitlistEntry = Pick<WaitlistItem, 'clientKind' | 'source' | 'preference' | 'notes' | 'clientLabel'> & {
  studentId: string | null;
  addedBy: string;
};

export function insertWaitlistEntry(db: Database, e: NewWaitlistEntry, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO waitlist (id, client_kind, student_id, client_label, source, preference, notes, added_by, added_at)
     VALUES (@id, @clientKind, @studentId, @clientLabel, @source, @preference, @notes, @addedBy, @now)`,
  ).run({ ...e, id, now });
  return id;
}

/** Takes an entry off the list, naming the appointment that booked it (null when removed without one). */
export function closeWaitlistEntry(db: Database, id: string, appointmentId: string | null, now: number): void {
  stmt(db, 'UPDATE waitlist SET closed_at = ?, appointment_id = ? WHERE id = ?').run(now, appointmentId, id);
}
