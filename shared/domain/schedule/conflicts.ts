/** Appointment clashes and whether an appointment falls inside the room's opening hours. */
import { mergeIntervals } from './intervals';
import { type Occurrence } from './openings';

export interface Booking {
  id: string;
  date: string;
  startMin: number;
  endMin: number;
  roomId: string | null;
  counselorId: string;
  studentId: string | null;
}

export type ConflictReason = 'room' | 'counselor' | 'student';

export interface Conflict {
  bookingId: string;
  reasons: ConflictReason[];
}

/**
 * The existing bookings that overlap the candidate in time and share its room, counselor or
 * student, sorted by their date and start. Intervals are half-open, so back-to-back bookings do not
 * clash; a booking with the candidate's id is the candidate itself being moved, and is skipped.
 */
export function findConflicts(candidate: Booking, existing: readonly Booking[]): Conflict[] {
  return existing
    .filter((b) => b.id !== candidate.id && b.date === candidate.date && b.startMin < candidate.endMin && candidate.startMin < b.endMin)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.startMin - b.startMin))
    .map((b) => ({ bookingId: b.id, reasons: sharedParties(candidate, b) }))
    .filter((c) => c.reasons.length > 0);
}

function sharedParties(a: Booking, b: Booking): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  if (a.roomId !== null && a.roomId === b.roomId) reasons.push('room');
  if (a.counselorId === b.counselorId) reasons.push('counselor');
  if (a.studentId !== null && a.studentId === b.studentId) reasons.push('student');
  return reasons;
}

/**
 * Whether the booking's room is open for its whole interval; back-to-back openings of the room on
 * that date chain together. A booking without a room is never covered: there is no room to be open.
 */
export function coveredByOpenings(candidate: Booking, occurrences: readonly Occurrence[]): boolean {
  const { roomId, date, startMin, endMin } = candidate;
  if (roomId === null || endMin <= startMin) return false;
  const open = mergeIntervals(occurrences.filter((o) => o.roomId === roomId && o.date === date));
  return open.some((i) => i.startMin <= startMin && endMin <= i.endMin);
}
