import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, ok, requiredText, text, timeOfDay } from './fields';
import { grade } from './students';

/** 团体辅导, 心理训练, 角色扮演, 专题讲座, 心理课, 家长讲座, 教师培训, 其他. */
export const GROUP_KINDS = ['groupCounseling', 'training', 'rolePlay', 'lecture', 'psychClass', 'parentLecture', 'staffTraining', 'other'] as const;
/** Who a program is for: grades, classes, selected students (all three keep a member list), parents or staff. */
export const GROUP_TARGETS = ['grade', 'class', 'students', 'parents', 'staff'] as const;
export const GROUP_STATUSES = ['planned', 'running', 'finished', 'cancelled'] as const;
export const ATTENDANCE = ['present', 'absent', 'excused'] as const;
/** The largest audience a school event plausibly has; more is a typing mistake. */
export const MAX_HEADCOUNT = 5000;
export const MAX_MEMBERS_PER_CALL = 500;

export type GroupKind = (typeof GROUP_KINDS)[number];

const classRef = z.object({ grade, className: requiredText(LIMITS.short) }).strict();

const programShape = {
  theme: requiredText(LIMITS.line),
  kind: z.enum(GROUP_KINDS),
  targetKind: z.enum(GROUP_TARGETS),
  targetGrades: z.array(grade).max(12),
  targetClasses: z.array(classRef).max(200),
  /**
   * Named programs keep members and attendance; an unnamed one (a class or grade lecture, a
   * parent lecture) records headcount and grades per session only, never touching the roster.
   */
  named: z.boolean(),
  leaderIds: z.array(id).min(1).max(10),
  plannedSessions: z.number().int().min(1).max(200),
  goals: text(LIMITS.note, { multiline: true }),
  startDate: calendarDate,
  endDate: calendarDate,
  status: z.enum(GROUP_STATUSES),
};

export const programView = z.object({
  id,
  theme: z.string(),
  kind: z.enum(GROUP_KINDS),
  targetKind: z.enum(GROUP_TARGETS),
  targetGrades: z.array(z.number().int()),
  targetClasses: z.array(z.object({ grade: z.number().int(), className: z.string() })),
  named: z.boolean(),
  leaders: z.array(z.object({ id: z.string(), name: z.string() })),
  plannedSessions: z.number().int(),
  goals: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(GROUP_STATUSES),
  memberCount: z.number().int(),
  sessionCount: z.number().int(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type ProgramView = z.output<typeof programView>;

export const memberView = z.object({
  studentId: z.string(),
  name: z.string(),
  studentNo: z.string(),
  grade: z.number().int(),
  className: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});

export const sessionView = z.object({
  id,
  programId: z.string(),
  /** 1-based, by date and time within the program. */
  number: z.number().int(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  /** The schedule booking that holds the room, when a room is given. */
  appointmentId: z.string().nullable(),
  content: z.string(),
  observations: z.string(),
  outcome: z.string(),
  /** Unnamed programs: how many came and from which grades. Named programs: null / [] (attendance counts instead). */
  headcount: z.number().int().nullable(),
  audienceGrades: z.array(z.number().int()),
  attendance: z.array(z.object({ studentId: z.string(), name: z.string(), status: z.enum(ATTENDANCE) })),
});
export type GroupSessionView = z.output<typeof sessionView>;

const sessionShape = {
  date: calendarDate,
  start: timeOfDay,
  end: timeOfDay,
  roomId: id.nullable(),
  content: text(LIMITS.note, { multiline: true }),
  observations: text(LIMITS.clinical, { multiline: true }),
  outcome: text(LIMITS.note, { multiline: true }),
  headcount: z.number().int().min(0).max(MAX_HEADCOUNT).nullable(),
  audienceGrades: z.array(grade).max(12),
  /** Book the room outside its opening hours anyway (the schedule's override, recorded). */
  overrideOpening: z.boolean(),
};

export const groupsApi = {
  'groups.create': defineMethod({
    summary:
      'A group program: theme, kind, target, leaders (enabled users), planned sessions, goals, dates. Lectures for a class or grade and parent lectures are usually unnamed (named: false).',
    input: z
      .object({
        ...programShape,
        targetGrades: programShape.targetGrades.default([]),
        targetClasses: programShape.targetClasses.default([]),
        goals: programShape.goals.default(''),
        status: programShape.status.default('planned'),
      })
      .strict(),
    output: programView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'groups.list': defineMethod({
    summary: 'Group programs, newest first, filtered by kind, status or a date inside the program; no member names.',
    input: z
      .object({ kind: z.enum(GROUP_KINDS).optional(), status: z.enum(GROUP_STATUSES).optional(), activeOn: calendarDate.optional() })
      .strict(),
    output: z.object({ items: z.array(programView) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'groups.get': defineMethod({
    summary: 'One program with its members (past ones too, with their leave dates) and its sessions with attendance.',
    input: z.object({ id }).strict(),
    output: programView.extend({ members: z.array(memberView), sessions: z.array(sessionView) }),
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'groups.update': defineMethod({
    summary:
      'Change a program. Narrowing its dates so a session falls outside is VALIDATION errors.group.sessionOutsideDates naming the sessions; named cannot change once there are sessions.',
    input: z.object(programShape).partial().extend({ id }).strict(),
    output: programView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'groups.remove': defineMethod({
    summary: 'Soft-delete a program with a reason (audited); its sessions leave the members’ archives and the counts.',
    input: z.object({ id, reason: requiredText(LIMITS.line) }).strict(),
    output: ok,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'groups.addMembers': defineMethod({
    summary: `Add students (at most ${MAX_MEMBERS_PER_CALL} per call, e.g. a whole class picked from the roster) joining on a date; already current members are skipped and counted. Unnamed programs: CONFLICT errors.group.unnamed.`,
    input: z.object({ id, studentIds: z.array(id).min(1).max(MAX_MEMBERS_PER_CALL), joinedOn: calendarDate }).strict(),
    output: z.object({ added: z.number().int(), alreadyMembers: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'groups.removeMember': defineMethod({
    summary: 'A member leaves on a date; their past attendance stays.',
    input: z.object({ id, studentId: id, leftOn: calendarDate }).strict(),
    output: ok,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'groups.saveSession': defineMethod({
    summary:
      'Add (or, with sessionId, change) a session. Its date must fall inside the program (VALIDATION errors.group.sessionOutsideDates, path date); with a room it is booked in the schedule, so an overlap in that room is CONFLICT errors.appointment.conflict naming the clash. Named programs take no headcount; unnamed ones need it (0–5,000).',
    input: z
      .object({
        programId: id,
        sessionId: id.optional(),
        ...sessionShape,
        roomId: sessionShape.roomId.default(null),
        content: sessionShape.content.default(''),
        observations: sessionShape.observations.default(''),
        outcome: sessionShape.outcome.default(''),
        headcount: sessionShape.headcount.default(null),
        audienceGrades: sessionShape.audienceGrades.default([]),
        overrideOpening: sessionShape.overrideOpening.default(false),
      })
      .strict(),
    output: sessionView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'groups.removeSession': defineMethod({
    summary: 'Remove a session recorded by mistake, with its attendance and its room booking (cancelled with the reason).',
    input: z.object({ sessionId: id, reason: requiredText(LIMITS.line) }).strict(),
    output: ok,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'groups.setAttendance': defineMethod({
    summary:
      'Set attendance of some members for a session (the sheet saves as it goes). A student who was not a member on the session date: VALIDATION errors.group.notMember with path entries.N.studentId.',
    input: z
      .object({
        sessionId: id,
        entries: z
          .array(z.object({ studentId: id, status: z.enum(ATTENDANCE) }).strict())
          .min(1)
          .max(MAX_MEMBERS_PER_CALL),
      })
      .strict(),
    output: sessionView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'groups.summary': defineMethod({
    summary:
      'Counts for inspection (FUNC-01, FUNC-04): programs, sessions, attendances (named) and headcounts (unnamed) by kind, for sessions in a date range; no names.',
    input: z.object({ from: calendarDate, to: calendarDate }).strict(),
    output: z.object({
      byKind: z.array(
        z.object({ kind: z.enum(GROUP_KINDS), programs: z.number().int(), sessions: z.number().int(), participants: z.number().int() }),
      ),
      totalSessions: z.number().int(),
      totalParticipants: z.number().int(),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
