import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { GroupSessionView, ProgramView } from '../../../shared/api/groups';
import type { Booking, Problem } from '../../../shared/domain/schedule';
import { uuidv7 } from '../../../shared/ids';
import { dbHandler, type HandlerMap, type ServiceContext } from '../../core/handler';
import { stmt } from '../../db/statements';
import { assertNoClashes, cancelAppointments, getAppointment, insertAppointment, outsideOpenings, updateAppointment } from '../schedule/appointments';
import { changedKeys, schoolDate } from '../common/clinical';
import { getSession, insertSession, membersOn, softDeleteSession, type SessionFields, updateSession, upsertAttendance } from './groups-repo';
import { assertNamed, requireProgram } from './groups';
import { requireActiveRoom } from '../schedule/rooms';
import { toMinutes } from '../schedule/schedule-checks';
import { apiPath, assertNoProblems, invalid } from '../common/validation';

type SessionMethods = 'groups.saveSession' | 'groups.removeSession' | 'groups.setAttendance';

/** Written on a booking the session gives up when it no longer uses a room (the schedule shows why it was cancelled). */
const ROOM_RELEASED = '团体活动不再使用该房间';

function requireSession(db: Database, id: string, path: string): GroupSessionView {
  const s = getSession(db, id);
  if (!s) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return s;
}

/** The first leader holds the booking when they are an enabled counselor; otherwise whoever records the session. */
function bookingCounselor(db: Database, program: ProgramView, callerId: string): string {
  const first = program.leaders[0]!.id;
  const counselor = stmt(db, "SELECT 1 FROM users WHERE id = ? AND role = 'counselor' AND disabled = 0").get(first);
  return counselor ? first : callerId;
}

type Slot = Pick<SessionFields, 'date' | 'startMin' | 'endMin' | 'roomId'>;

/**
 * Keeps the session's room booking in step with it, through the schedule's own checks: a new or
 * moved booking that overlaps another in the room (or the counselor's) is CONFLICT
 * errors.appointment.conflict naming the clash, and one outside the room's opening hours needs the
 * override. No room: a booking the session held is cancelled. Returns the booking's id.
 */
function syncBooking(ctx: ServiceContext, program: ProgramView, heldId: string | null, slot: Slot, override: boolean): string | null {
  const { db, actor, now } = ctx;
  if (slot.roomId === null) {
    if (heldId !== null) cancelAppointments(db, { id: heldId }, ROOM_RELEASED, now);
    return null;
  }
  const held = heldId === null ? null : getAppointment(db, heldId);
  // A booking cancelled in the schedule no longer holds the room: the session books it again.
  const live = held && held.status !== 'cancelled' ? held : null;
  const counselorId = bookingCounselor(db, program, actor.userId);
  const candidate: Booking = { id: live?.id ?? uuidv7(now), ...slot, roomId: slot.roomId, counselorId, studentId: null };
  const sameSlot =
    live !== null && live.date === slot.date && toMinutes(live.start) === slot.startMin && toMinutes(live.end) === slot.endMin && live.roomId === slot.roomId;
  if (sameSlot && live.counselorId === counselorId) return live.id;
  if (live?.roomId !== slot.roomId) requireActiveRoom(db, slot.roomId, 'roomId');
  assertNoClashes(db, [candidate]);
  // Only a new date, time or room is held against the opening hours again (as appointments.update does).
  const outsideOpening = sameSlot ? live.outsideOpening : outsideOpenings(db, slot.roomId, [candidate], override)[0]!;
  const fields = { ...slot, roomId: slot.roomId, counselorId, kind: 'group' as const, source: 'walkIn' as const, outsideOpening };
  if (live) {
    updateAppointment(db, live.id, { ...fields, notes: live.notes }, now);
  } else {
    insertAppointment(
      db,
      { ...fields, id: candidate.id, notes: '', seriesId: null, clientKind: 'group', studentId: null, clientLabel: program.theme, status: 'confirmed', createdBy: actor.userId },
      now,
    );
  }
  return candidate.id;
}

/** Students among the ids who were not members on the date, as problems at the given paths. */
function nonMembers(db: Database, programId: string, date: string, studentIds: readonly string[], path: (i: number) => (string | number)[]): Problem[] {
  const members = membersOn(db, programId, date, studentIds);
  return studentIds.flatMap((studentId, i) => (members.has(studentId) ? [] : [{ path: path(i), messageKey: 'errors.group.notMember', params: { studentId } }]));
}

/** A session's date, times and audience against its program: named programs count attendance, unnamed ones a headcount. */
function assertSessionValid(db: Database, program: ProgramView, before: GroupSessionView | null, s: SessionFields, today: string): void {
  const problems: Problem[] = [];
  if (s.date < program.startDate || s.date > program.endDate) {
    problems.push({ path: ['date'], messageKey: 'errors.group.sessionOutsideDates', params: { startDate: program.startDate, endDate: program.endDate } });
  }
  if (s.endMin <= s.startMin) problems.push({ path: ['end'], messageKey: 'errors.schedule.endNotAfterStart' });
  if (program.named) {
    if (s.headcount !== null) problems.push({ path: ['headcount'], messageKey: 'errors.group.namedNoHeadcount' });
    if (s.audienceGrades.length > 0) problems.push({ path: ['audienceGrades'], messageKey: 'errors.group.namedNoHeadcount' });
  } else if (s.date > today) {
    // A session ahead is planned; who came is known on the day.
    if (s.headcount !== null) problems.push({ path: ['headcount'], messageKey: 'errors.group.attendanceNotYet', params: { date: s.date } });
  } else if (s.headcount === null) {
    problems.push({ path: ['headcount'], messageKey: 'errors.group.headcountRequired' });
  }
  // Moving a session must not leave attendance of students who were not members on the new date.
  if (before && before.date !== s.date && before.attendance.length > 0) {
    problems.push(...nonMembers(db, program.id, s.date, before.attendance.map((a) => a.studentId), () => ['date']));
  }
  assertNoProblems(problems, (p) => apiPath(p.path));
}

const SESSION_FIELDS = ['date', 'start', 'end', 'roomId', 'content', 'observations', 'outcome', 'headcount', 'audienceGrades'] as const;

export const groupSessionHandlers: HandlerMap<SessionMethods> = {
  'groups.saveSession': dbHandler<'groups.saveSession'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const { programId, sessionId, overrideOpening, start, end, ...rest } = input;
      const program = requireProgram(db, programId, 'programId');
      const before = sessionId === undefined ? null : requireSession(db, sessionId, 'sessionId');
      if (before && before.programId !== program.id) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'sessionId', id: sessionId });
      const fields: SessionFields = { ...rest, startMin: toMinutes(start), endMin: toMinutes(end), appointmentId: before?.appointmentId ?? null };
      assertSessionValid(db, program, before, fields, schoolDate(db, now));
      const changed = before ? changedKeys(before, Object.fromEntries(SESSION_FIELDS.map((k) => [k, input[k]])) as Partial<GroupSessionView>) : [];
      if (before && changed.length === 0) {
        ctx.audit = { targetType: 'groupSession', targetId: before.id, details: null, nothingChanged: true };
        return before;
      }
      const { date, startMin, endMin, roomId } = fields;
      fields.appointmentId = syncBooking(ctx, program, fields.appointmentId, { date, startMin, endMin, roomId }, overrideOpening);
      const id = before ? before.id : insertSession(db, program.id, fields, now);
      if (before) updateSession(db, id, fields, now);
      ctx.audit = {
        targetType: 'groupSession',
        targetId: id,
        details: { programId: program.id, ...(before ? { changed } : { created: true }), roomId: fields.roomId, appointmentId: fields.appointmentId },
      };
      return getSession(db, id)!;
    },
  }),

  'groups.removeSession': dbHandler<'groups.removeSession'>({
    run: (ctx, input) => {
      const s = requireSession(ctx.db, input.sessionId, 'sessionId');
      if (s.appointmentId !== null) cancelAppointments(ctx.db, { id: s.appointmentId }, input.reason, ctx.now);
      softDeleteSession(ctx.db, s.id, input.reason, ctx.now);
      ctx.audit = { targetType: 'groupSession', targetId: s.id, details: { programId: s.programId, appointmentId: s.appointmentId, attendance: s.attendance.length } };
      return { ok: true as const };
    },
  }),

  'groups.setAttendance': dbHandler<'groups.setAttendance'>({
    run: (ctx, input) => {
      const s = requireSession(ctx.db, input.sessionId, 'sessionId');
      assertNamed(requireProgram(ctx.db, s.programId, 'sessionId'));
      if (s.date > schoolDate(ctx.db, ctx.now)) throw invalid('entries', 'errors.group.attendanceNotYet', { date: s.date });
      const ids = input.entries.map((e) => e.studentId);
      assertNoProblems(nonMembers(ctx.db, s.programId, s.date, ids, (i) => ['entries', i, 'studentId']), (p) => apiPath(p.path));
      const changed = upsertAttendance(ctx.db, s.id, input.entries, ctx.now);
      ctx.audit = { targetType: 'groupSession', targetId: s.id, details: { programId: s.programId, entries: input.entries.length, changed }, nothingChanged: changed === 0 };
      return getSession(ctx.db, s.id)!;
    },
  }),
};
