import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CounselError } from '../../../shared/api/errors';
import type { ProgramView } from '../../../shared/api/groups';
import type { Problem } from '../../../shared/domain/problems';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { cancelAppointments } from '../schedule/appointments';
import { changedKeys, definedOnly } from '../common/clinical';
import {
  addMembers,
  appointmentIdsOf,
  attendedAfter,
  closeSpell,
  enabledUserIds,
  getProgram,
  groupCounts,
  insertProgram,
  listPrograms,
  membersOf,
  openSpell,
  presentStudentIds,
  type ProgramFields,
  sessionsOf,
  sessionsOutside,
  setLeaders,
  softDeleteProgram,
  updateProgram,
} from './groups-repo';

// The archive's timeline numbers a student's group sessions the same way.
export { sessionNumberSql } from './groups-repo';
import { apiPath, assertNoProblems, invalid } from '../common/validation';

type GroupMethods =
  | 'groups.create'
  | 'groups.list'
  | 'groups.get'
  | 'groups.update'
  | 'groups.remove'
  | 'groups.addMembers'
  | 'groups.removeMember'
  | 'groups.summary';

export function requireProgram(db: Database, id: string, path = 'id'): ProgramView {
  const p = getProgram(db, id);
  if (!p) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return p;
}

/** Members and attendance belong to named programs; an unnamed one records headcounts only. */
export function assertNamed(p: ProgramView): void {
  if (!p.named) throw new CounselError('CONFLICT', 'errors.group.unnamed', { path: 'id', id: p.id });
}

/** One problem per listed id that is not among the allowed ones, at path field.N. */
function missingIds(field: string, ids: readonly string[], allowed: Set<string>, messageKey: string): Problem[] {
  return ids.flatMap((id, i) => (allowed.has(id) ? [] : [{ path: [field, i], messageKey, params: { id } }]));
}

/** The program's own rules, all reported at once: enabled leaders, dates in order, a target to aim at. */
function assertProgramValid(db: Database, p: ProgramFields, leaderIds: readonly string[] | undefined): void {
  const problems: Problem[] = leaderIds ? missingIds('leaderIds', leaderIds, enabledUserIds(db, leaderIds), 'errors.group.leaderUnavailable') : [];
  if (p.endDate < p.startDate) problems.push({ path: ['endDate'], messageKey: 'errors.field.endBeforeStart' });
  if (p.targetKind === 'grade' && p.targetGrades.length === 0) problems.push({ path: ['targetGrades'], messageKey: 'errors.field.required' });
  if (p.targetKind === 'class' && p.targetClasses.length === 0) problems.push({ path: ['targetClasses'], messageKey: 'errors.field.required' });
  assertNoProblems(problems, (x) => apiPath(x.path));
}

/** Narrowed dates must still hold every session: each one left outside is named. */
function assertSessionsInside(db: Database, programId: string, startDate: string, endDate: string): void {
  const outside = sessionsOutside(db, programId, startDate, endDate);
  assertNoProblems(
    outside.map((s) => ({ path: [s.date < startDate ? 'startDate' : 'endDate'], messageKey: 'errors.group.sessionOutsideDates', params: { sessionId: s.id, date: s.date, number: s.number } })),
    (x) => apiPath(x.path),
  );
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

function fieldsOf(p: ProgramView): ProgramFields {
  const { theme, kind, targetKind, targetGrades, targetClasses, named, plannedSessions, goals, startDate, endDate, status } = p;
  return { theme, kind, targetKind, targetGrades, targetClasses, named, plannedSessions, goals, startDate, endDate, status };
}

export const groupHandlers: HandlerMap<GroupMethods> = {
  'groups.create': dbHandler<'groups.create'>({
    run: (ctx, input) => {
      const { leaderIds, ...fields } = input;
      const leaders = unique(leaderIds);
      assertProgramValid(ctx.db, fields, leaders);
      const id = insertProgram(ctx.db, fields, ctx.actor.userId, ctx.now);
      setLeaders(ctx.db, id, leaders);
      ctx.audit = { targetType: 'group', targetId: id, details: { kind: input.kind, named: input.named, leaderIds: leaders } };
      return getProgram(ctx.db, id)!;
    },
  }),

  'groups.list': dbHandler<'groups.list'>({ run: ({ db }, input) => ({ items: listPrograms(db, input) }) }),

  'groups.get': dbHandler<'groups.get'>({
    run: (ctx, input) => {
      const p = requireProgram(ctx.db, input.id);
      ctx.audit = { targetType: 'group', targetId: p.id, details: null };
      return { ...p, members: membersOf(ctx.db, p.id), sessions: sessionsOf(ctx.db, p.id) };
    },
  }),

  'groups.update': dbHandler<'groups.update'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const { id, leaderIds, ...patch } = input;
      const before = requireProgram(db, id);
      const given = definedOnly(patch);
      const changed: string[] = changedKeys(fieldsOf(before), given);
      const leaders = leaderIds && unique(leaderIds);
      const leadersChanged = leaders !== undefined && JSON.stringify(leaders) !== JSON.stringify(before.leaders.map((l) => l.id));
      if (leadersChanged) changed.push('leaderIds');
      const after = { ...fieldsOf(before), ...given };
      assertProgramValid(db, after, leadersChanged ? leaders : undefined);
      if (changed.includes('named') && (before.sessionCount > 0 || membersOf(db, id).length > 0)) {
        throw new CounselError('CONFLICT', 'errors.group.namedFixed', { path: 'named', id });
      }
      if (changed.includes('startDate') || changed.includes('endDate')) assertSessionsInside(db, id, after.startDate, after.endDate);
      if (changed.length > 0) updateProgram(db, id, after, now);
      if (leadersChanged) setLeaders(db, id, leaders);
      ctx.audit = { targetType: 'group', targetId: id, details: { changed }, nothingChanged: changed.length === 0 };
      return getProgram(db, id)!;
    },
  }),

  // The sessions' room bookings are released with the program; the reason stays out of the audit log.
  'groups.remove': dbHandler<'groups.remove'>({
    run: (ctx, input) => {
      const p = requireProgram(ctx.db, input.id);
      const cancelled = appointmentIdsOf(ctx.db, p.id).reduce((n, id) => n + cancelAppointments(ctx.db, { id }, input.reason, ctx.now), 0);
      softDeleteProgram(ctx.db, p.id, input.reason, ctx.now);
      ctx.audit = { targetType: 'group', targetId: p.id, details: { sessions: p.sessionCount, members: p.memberCount, cancelledBookings: cancelled } };
      return { ok: true as const };
    },
  }),

  'groups.addMembers': dbHandler<'groups.addMembers'>({
    run: (ctx, input) => {
      const p = requireProgram(ctx.db, input.id);
      assertNamed(p);
      assertNoProblems(missingIds('studentIds', input.studentIds, presentStudentIds(ctx.db, input.studentIds), 'errors.group.studentUnavailable'), (x) =>
        apiPath(x.path),
      );
      const added = addMembers(ctx.db, p.id, input.studentIds, input.joinedOn);
      const alreadyMembers = input.studentIds.length - added;
      ctx.audit = { targetType: 'group', targetId: p.id, details: { added, alreadyMembers, joinedOn: input.joinedOn }, nothingChanged: added === 0 };
      return { added, alreadyMembers };
    },
  }),

  'groups.removeMember': dbHandler<'groups.removeMember'>({
    run: (ctx, input) => {
      const p = requireProgram(ctx.db, input.id);
      assertNamed(p);
      const spell = openSpell(ctx.db, p.id, input.studentId);
      if (!spell) throw invalid('studentId', 'errors.group.notMember', { studentId: input.studentId });
      if (input.leftOn < spell.joinedOn) throw invalid('leftOn', 'errors.group.leftBeforeJoined', { joinedOn: spell.joinedOn });
      // Attendance already recorded after the leaving date would no longer have a member behind it.
      const later = attendedAfter(ctx.db, p.id, input.studentId, input.leftOn);
      if (later.length > 0) throw new CounselError('CONFLICT', 'errors.group.attendedAfterLeaving', { path: 'leftOn', sessionIds: later });
      closeSpell(ctx.db, p.id, input.studentId, spell.joinedOn, input.leftOn);
      ctx.audit = { targetType: 'group', targetId: p.id, details: { studentId: input.studentId, leftOn: input.leftOn } };
      return { ok: true as const };
    },
  }),

  'groups.summary': dbHandler<'groups.summary'>({
    run: ({ db }, input) => {
      if (input.to < input.from) throw invalid('to', 'errors.schedule.toBeforeFrom');
      const byKind = groupCounts(db, input.from, input.to);
      return {
        byKind,
        totalSessions: byKind.reduce((n, k) => n + k.sessions, 0),
        totalParticipants: byKind.reduce((n, k) => n + k.participants, 0),
      };
    },
  }),
};
