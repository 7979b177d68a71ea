import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import { colleague, counselingSchool, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';
import { newRoom } from '../helpers/schedule';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

const OBSERVATIONS = '李小红发言积极，王小明较沉默，需个别关注。';

/**
 * The clock's school with five students: 张三明, 李小红 and 王小明 in 初二3班, 赵小刚 and 刘小芳 in
 * 初二4班; and a named group-counseling program for 3班 running March to May, led by the caller.
 * The clock stands on the program's last day unless told otherwise, so its sessions have taken place.
 */
async function groupSchool(start = Date.UTC(2025, 4, 31, 2, 0)) {
  s = await counselingSchool(start);
  const student = (studentNo: string, name: string, className: string) => s.c.students.create({ ...STUDENT, studentNo, name, className });
  const li = await student('20240102', '李小红', '3班');
  const wang = await student('20240103', '王小明', '3班');
  const zhao = await student('20240104', '赵小刚', '4班');
  const liu = await student('20240105', '刘小芳', '4班');
  const program = await s.c.groups.create({
    theme: '考前减压团体辅导',
    kind: 'groupCounseling',
    targetKind: 'class',
    targetClasses: [{ grade: 8, className: '3班' }],
    named: true,
    leaderIds: [s.me],
    plannedSessions: 6,
    goals: '学会放松，缓解考试焦虑',
    startDate: '2025-03-01',
    endDate: '2025-05-31',
  });
  const session = (extra: Partial<InputOf<'groups.saveSession'>> = {}) =>
    s.c.groups.saveSession({ programId: program.id, date: '2025-03-12', start: '15:00', end: '15:45', ...extra });
  return { program, session, zhang: s.studentId, li: li.id, wang: wang.id, zhao: zhao.id, liu: liu.id };
}

function lecture(extra: Partial<InputOf<'groups.create'>> = {}) {
  return s.c.groups.create({
    theme: '青春期心理健康讲座',
    kind: 'lecture',
    targetKind: 'grade',
    targetGrades: [7, 8],
    named: false,
    leaderIds: [s.me],
    plannedSessions: 1,
    startDate: '2025-03-01',
    endDate: '2025-06-30',
    ...extra,
  });
}

describe('group programs and members', () => {
  it('creates a named program for a class and checks leaders, dates and the target', async () => {
    const { program } = await groupSchool();
    expect(program).toMatchObject({
      theme: '考前减压团体辅导',
      targetKind: 'class',
      targetClasses: [{ grade: 8, className: '3班' }],
      targetGrades: [],
      named: true,
      leaders: [{ id: s.me, name: '王老师' }],
      status: 'planned',
      memberCount: 0,
      sessionCount: 0,
    });
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    const off = await s.c.users.create({ username: 'qianlaoshi', displayName: '钱老师', role: 'counselor', passphrase: 'initial-pass-2024' });
    await s.c.users.update({ id: off.id, disabled: true });
    const withPrincipal = await s.c.groups.update({ id: program.id, leaderIds: [principal.id, s.me] });
    expect(withPrincipal.leaders.map((l) => l.name)).toEqual(['李校长', '王老师']);

    const bad = await rejection(
      s.c.groups.create({
        theme: '新团体', kind: 'groupCounseling', targetKind: 'grade', named: true, leaderIds: [s.me, off.id], plannedSessions: 4,
        startDate: '2025-04-01', endDate: '2025-03-01',
      }),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.group.leaderUnavailable' });
    expect(bad.details).toEqual([
      { path: 'leaderIds.1', reason: 'errors.group.leaderUnavailable', id: off.id },
      { path: 'endDate', reason: 'errors.field.endBeforeStart' },
      { path: 'targetGrades', reason: 'errors.field.required' },
    ]);
    const noClass = await rejection(s.c.groups.update({ id: program.id, targetClasses: [] }));
    expect(noClass.details).toEqual([{ path: 'targetClasses', reason: 'errors.field.required' }]);
    expect((await s.c.groups.list({ kind: 'groupCounseling', activeOn: '2025-04-01' })).items.map((p) => p.id)).toEqual([program.id]);
    expect((await s.c.groups.list({ activeOn: '2025-06-01' })).items).toEqual([]);
  });

  it('adds a class’s students, skips current members, refuses removed students, and keeps spells', async () => {
    const { program, zhang, li, wang, zhao } = await groupSchool();
    expect(await s.c.groups.addMembers({ id: program.id, studentIds: [zhang, li, wang], joinedOn: '2025-03-05' })).toEqual({ added: 3, alreadyMembers: 0 });
    expect(await s.c.groups.addMembers({ id: program.id, studentIds: [li, zhao, zhao], joinedOn: '2025-03-10' })).toEqual({ added: 1, alreadyMembers: 2 });

    await s.c.students.remove({ id: zhao, reason: '重复录入' });
    const gone = await rejection(s.c.groups.addMembers({ id: program.id, studentIds: [li, zhao], joinedOn: '2025-03-10' }));
    expect(gone).toMatchObject({ code: 'VALIDATION', details: [{ path: 'studentIds.1', reason: 'errors.group.studentUnavailable', id: zhao }] });

    const early = await rejection(s.c.groups.removeMember({ id: program.id, studentId: wang, leftOn: '2025-03-01' }));
    expect(early.details).toEqual([{ path: 'leftOn', reason: 'errors.group.leftBeforeJoined', joinedOn: '2025-03-05' }]);
    await s.c.groups.removeMember({ id: program.id, studentId: wang, leftOn: '2025-03-20' });
    const notMember = await rejection(s.c.groups.removeMember({ id: program.id, studentId: wang, leftOn: '2025-03-21' }));
    expect(notMember.details).toEqual([{ path: 'studentId', reason: 'errors.group.notMember', studentId: wang }]);
    // Rejoining after leaving is a new spell; the old one stays with its dates.
    expect(await s.c.groups.addMembers({ id: program.id, studentIds: [wang], joinedOn: '2025-04-01' })).toEqual({ added: 1, alreadyMembers: 0 });

    const got = await s.c.groups.get({ id: program.id });
    expect(got.memberCount).toBe(4);
    expect(got.members.filter((m) => m.studentId === wang).map((m) => [m.joinedOn, m.leftOn])).toEqual([
      ['2025-03-05', '2025-03-20'],
      ['2025-04-01', null],
    ]);
    expect((await s.c.audit.list({ action: 'groups.addMembers' })).items[0]!.details).toEqual({ added: 1, alreadyMembers: 0, joinedOn: '2025-04-01' });
  });
});

describe('sessions and attendance', () => {
  it('keeps sessions inside the program’s dates and numbers them by date and time', async () => {
    const { program, session } = await groupSchool();
    const second = await session({ date: '2025-03-19', content: '放松训练' });
    const first = await session({ date: '2025-03-12', start: '15:00', end: '15:45' });
    expect(second).toMatchObject({ number: 1, date: '2025-03-19', start: '15:00', end: '15:45', roomId: null, appointmentId: null, headcount: null, audienceGrades: [], attendance: [] });
    expect(first.number).toBe(1);
    expect((await s.c.groups.get({ id: program.id })).sessions.map((x) => [x.id, x.number])).toEqual([
      [first.id, 1],
      [second.id, 2],
    ]);
    const outside = await rejection(session({ date: '2025-06-02' }));
    expect(outside).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.group.sessionOutsideDates' });
    expect(outside.details).toEqual([{ path: 'date', reason: 'errors.group.sessionOutsideDates', startDate: '2025-03-01', endDate: '2025-05-31' }]);
    const backwards = await rejection(session({ start: '16:00', end: '15:00' }));
    expect(backwards.details).toEqual([expect.objectContaining({ path: 'end' })]);
    const counted = await rejection(session({ headcount: 12, audienceGrades: [8] }));
    expect(counted.details).toEqual([
      { path: 'headcount', reason: 'errors.group.namedNoHeadcount' },
      { path: 'audienceGrades', reason: 'errors.group.namedNoHeadcount' },
    ]);

    // Moving the first session after the second renumbers both.
    const moved = await s.c.groups.saveSession({ programId: program.id, sessionId: first.id, date: '2025-03-26', start: '15:00', end: '15:45' });
    expect(moved.number).toBe(2);
    expect((await s.c.groups.get({ id: program.id })).sessions.map((x) => [x.id, x.number])).toEqual([
      [second.id, 1],
      [first.id, 2],
    ]);

    const narrowed = await rejection(s.c.groups.update({ id: program.id, startDate: '2025-03-20', endDate: '2025-03-25' }));
    expect(narrowed).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.group.sessionOutsideDates' });
    expect(narrowed.details).toEqual([
      { path: 'startDate', reason: 'errors.group.sessionOutsideDates', sessionId: second.id, date: '2025-03-19', number: 1 },
      { path: 'endDate', reason: 'errors.group.sessionOutsideDates', sessionId: first.id, date: '2025-03-26', number: 2 },
    ]);
    expect(await rejection(s.c.groups.update({ id: program.id, named: false }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.group.namedFixed', details: { path: 'named' } });
    expect((await s.c.groups.update({ id: program.id, endDate: '2025-04-30', status: 'running' })).endDate).toBe('2025-04-30');
  });

  it('takes attendance only for members on the session date, and keeps it when a member leaves', async () => {
    const { program, session, zhang, li, wang, zhao } = await groupSchool();
    await s.c.groups.addMembers({ id: program.id, studentIds: [zhang, li, wang], joinedOn: '2025-03-01' });
    const one = await session({ date: '2025-03-12' });
    const two = await session({ date: '2025-03-26' });

    const marked = await s.c.groups.setAttendance({
      sessionId: one.id,
      entries: [{ studentId: zhang, status: 'present' }, { studentId: li, status: 'present' }, { studentId: wang, status: 'excused' }],
    });
    expect(marked.attendance).toEqual([
      { studentId: zhang, name: '张三明', status: 'present' },
      { studentId: li, name: '李小红', status: 'present' },
      { studentId: wang, name: '王小明', status: 'excused' },
    ]);
    // Saving the same marks again changes nothing and leaves no audit row.
    const rows = (await s.c.audit.list({ action: 'groups.setAttendance' })).items.length;
    await s.c.groups.setAttendance({ sessionId: one.id, entries: [{ studentId: zhang, status: 'present' }] });
    expect((await s.c.audit.list({ action: 'groups.setAttendance' })).items).toHaveLength(rows);

    const stranger = await rejection(s.c.groups.setAttendance({ sessionId: one.id, entries: [{ studentId: li, status: 'present' }, { studentId: zhao, status: 'present' }] }));
    expect(stranger).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.group.notMember' });
    expect(stranger.details).toEqual([{ path: 'entries.1.studentId', reason: 'errors.group.notMember', studentId: zhao }]);

    // 王小明 leaves on 03-20: the first session keeps his mark, the second refuses one.
    const absent = await s.c.groups.setAttendance({ sessionId: two.id, entries: [{ studentId: wang, status: 'absent' }] });
    expect(absent.attendance).toHaveLength(1);
    expect(await rejection(s.c.groups.removeMember({ id: program.id, studentId: wang, leftOn: '2025-03-20' }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.group.attendedAfterLeaving',
      details: { path: 'leftOn', sessionIds: [two.id] },
    });
    await s.c.groups.setAttendance({ sessionId: two.id, entries: [{ studentId: wang, status: 'present' }] });
    await s.c.groups.removeMember({ id: program.id, studentId: wang, leftOn: '2025-03-26' });
    const three = await session({ date: '2025-04-02' });
    const left = await rejection(s.c.groups.setAttendance({ sessionId: three.id, entries: [{ studentId: zhang, status: 'present' }, { studentId: wang, status: 'present' }] }));
    expect(left.details).toEqual([{ path: 'entries.1.studentId', reason: 'errors.group.notMember', studentId: wang }]);
    // Moving a session to a date where an attendee was no longer a member is refused too.
    const movedOut = await rejection(s.c.groups.saveSession({ programId: program.id, sessionId: two.id, date: '2025-04-09', start: '15:00', end: '15:45' }));
    expect(movedOut.details).toEqual([{ path: 'date', reason: 'errors.group.notMember', studentId: wang }]);

    const got = await s.c.groups.get({ id: program.id });
    expect(got.sessions.find((x) => x.id === one.id)!.attendance.find((a) => a.studentId === wang)!.status).toBe('excused');
    expect(got.members.find((m) => m.studentId === wang)!.leftOn).toBe('2025-03-26');
  });

  it('shows an attended session in the member’s archive without other members’ names or the observations', async () => {
    const { program, session, zhang, li, wang } = await groupSchool();
    await s.c.groups.addMembers({ id: program.id, studentIds: [zhang, li, wang], joinedOn: '2025-03-01' });
    const one = await session({ date: '2025-03-12', content: '李小红和王小明分享了考前经历', observations: OBSERVATIONS });
    const two = await session({ date: '2025-03-19', observations: OBSERVATIONS });
    await s.c.groups.setAttendance({ sessionId: one.id, entries: [{ studentId: zhang, status: 'present' }, { studentId: li, status: 'present' }, { studentId: wang, status: 'present' }] });
    await s.c.groups.setAttendance({ sessionId: two.id, entries: [{ studentId: zhang, status: 'absent' }, { studentId: li, status: 'present' }] });

    const mine = await s.c.archive.timeline({ studentId: zhang });
    expect(mine.items).toEqual([
      { kind: 'groupSession', id: one.id, date: '2025-03-12', at: expect.any(Number), caseId: null, recordId: null, tags: ['groupKind:groupCounseling'], excerpt: '考前减压团体辅导 第1次', signed: null, actorName: '王老师', scaleId: null, score: null, bandLabel: null },
    ]);
    const text = JSON.stringify(mine);
    for (const secret of ['李小红', '王小明', OBSERVATIONS, '分享']) expect(text, secret).not.toContain(secret);
    expect((await s.c.archive.timeline({ studentId: li })).items.map((e) => e.excerpt)).toEqual(['考前减压团体辅导 第2次', '考前减压团体辅导 第1次']);
    expect((await s.c.archive.timeline({ studentId: li, kinds: ['record'] })).total).toBe(0);

    // A long theme is cut so the session's number still shows.
    const theme = '学会与压力做朋友：初二年级考前减压与情绪调节团体心理辅导（第一期，面向初二3班全体自愿报名学生）';
    await s.c.groups.update({ id: program.id, theme });
    const long = (await s.c.archive.timeline({ studentId: zhang })).items[0]!.excerpt;
    expect(long).toBe(`${Array.from(theme).slice(0, 32).join('')}… 第1次`);
    expect(Array.from(long).length).toBeLessThanOrEqual(40);
  });
});

describe('sessions ahead', () => {
  it('are planned, but their attendance or headcount opens on the day', async () => {
    const { program, session, zhang } = await groupSchool(Date.UTC(2025, 2, 12, 2, 0));
    await s.c.groups.addMembers({ id: program.id, studentIds: [zhang], joinedOn: '2025-03-01' });
    const ahead = await session({ date: '2025-03-14' });
    const early = await rejection(s.c.groups.setAttendance({ sessionId: ahead.id, entries: [{ studentId: zhang, status: 'present' }] }));
    expect(early).toMatchObject({ code: 'VALIDATION', details: [{ path: 'entries', reason: 'errors.group.attendanceNotYet', date: '2025-03-14' }] });
    const talk = await lecture();
    const counted = await rejection(s.c.groups.saveSession({ programId: talk.id, date: '2025-03-14', start: '14:00', end: '15:00', headcount: 300 }));
    expect(counted.details).toEqual([{ path: 'headcount', reason: 'errors.group.attendanceNotYet', date: '2025-03-14' }]);
    expect((await s.c.groups.saveSession({ programId: talk.id, date: '2025-03-14', start: '14:00', end: '15:00' })).headcount).toBeNull();
    await s.later(48);
    expect((await s.c.groups.setAttendance({ sessionId: ahead.id, entries: [{ studentId: zhang, status: 'present' }] })).attendance).toHaveLength(1);
  });
});

describe('unnamed events, counts and deletion', () => {
  it('records a grade lecture by headcount and grades only', async () => {
    await groupSchool();
    const talk = await lecture();
    expect(talk).toMatchObject({ named: false, targetGrades: [7, 8] });
    const given = await s.c.groups.saveSession({ programId: talk.id, date: '2025-03-14', start: '14:00', end: '15:00', headcount: 300, audienceGrades: [7, 8] });
    expect(given).toMatchObject({ number: 1, headcount: 300, audienceGrades: [7, 8], attendance: [] });
    const absurd = await rejection(s.c.groups.saveSession({ programId: talk.id, date: '2025-03-14', start: '14:00', end: '15:00', headcount: 5001 }));
    expect(absurd.code).toBe('VALIDATION');
    expect(absurd.details).toEqual([expect.objectContaining({ path: 'headcount' })]);
    const negative = await rejection(s.c.groups.saveSession({ programId: talk.id, date: '2025-03-14', start: '14:00', end: '15:00', headcount: -1 }));
    expect(negative.details).toEqual([expect.objectContaining({ path: 'headcount' })]);
    const missing = await rejection(s.c.groups.saveSession({ programId: talk.id, date: '2025-03-14', start: '14:00', end: '15:00' }));
    expect(missing.details).toEqual([{ path: 'headcount', reason: 'errors.group.headcountRequired' }]);
    for (const call of [
      s.c.groups.addMembers({ id: talk.id, studentIds: [s.studentId], joinedOn: '2025-03-01' }),
      s.c.groups.setAttendance({ sessionId: given.id, entries: [{ studentId: s.studentId, status: 'present' }] }),
    ]) {
      expect(await rejection(call)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.group.unnamed' });
    }
    const parents = await lecture({ theme: '家长如何陪伴考试季', kind: 'parentLecture', targetKind: 'parents', targetGrades: [] });
    expect((await s.c.groups.saveSession({ programId: parents.id, date: '2025-03-15', start: '09:00', end: '10:30', headcount: 120 })).headcount).toBe(120);
  });

  it('counts programs, sessions and participants by kind, and a deleted program leaves archive and counts', async () => {
    const { program, session, zhang, li } = await groupSchool();
    await s.c.groups.addMembers({ id: program.id, studentIds: [zhang, li], joinedOn: '2025-03-01' });
    const one = await session({ date: '2025-03-12' });
    const two = await session({ date: '2025-04-16' });
    await s.c.groups.setAttendance({ sessionId: one.id, entries: [{ studentId: zhang, status: 'present' }, { studentId: li, status: 'present' }] });
    await s.c.groups.setAttendance({ sessionId: two.id, entries: [{ studentId: zhang, status: 'present' }, { studentId: li, status: 'absent' }] });
    const talk = await lecture();
    await s.c.groups.saveSession({ programId: talk.id, date: '2025-03-14', start: '14:00', end: '15:00', headcount: 300, audienceGrades: [7, 8] });
    await s.c.groups.saveSession({ programId: talk.id, date: '2025-05-14', start: '14:00', end: '15:00', headcount: 280, audienceGrades: [9] });

    const march = await s.c.groups.summary({ from: '2025-03-01', to: '2025-03-31' });
    expect(march.byKind.filter((k) => k.sessions > 0)).toEqual([
      { kind: 'groupCounseling', programs: 1, sessions: 1, participants: 2 },
      { kind: 'lecture', programs: 1, sessions: 1, participants: 300 },
    ]);
    expect(march.byKind).toHaveLength(8);
    expect(march).toMatchObject({ totalSessions: 2, totalParticipants: 302 });
    expect(await s.c.groups.summary({ from: '2025-03-01', to: '2025-06-30' })).toMatchObject({ totalSessions: 4, totalParticipants: 2 + 1 + 300 + 280 });
    expect(await rejection(s.c.groups.summary({ from: '2025-04-01', to: '2025-03-01' }))).toMatchObject({ code: 'VALIDATION', details: [{ path: 'to' }] });

    // A removed session leaves the archive and the counts; its attendance rows stay in the file.
    await s.c.groups.removeSession({ sessionId: two.id, reason: '日期录错' });
    expect((await s.c.groups.get({ id: program.id })).sessions.map((x) => x.id)).toEqual([one.id]);
    expect((await s.c.archive.timeline({ studentId: zhang })).total).toBe(1);

    await s.c.groups.remove({ id: program.id, reason: '重复建档：张三明所在班级' });
    expect(await rejection(s.c.groups.get({ id: program.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await s.c.groups.list({})).items.map((p) => p.id)).toEqual([talk.id]);
    expect((await s.c.archive.timeline({ studentId: zhang })).total).toBe(0);
    expect(await s.c.groups.summary({ from: '2025-03-01', to: '2025-03-31' })).toMatchObject({ totalSessions: 1, totalParticipants: 300 });
    const audit = (await s.c.audit.list({ action: 'groups.remove' })).items[0]!;
    expect(audit).toMatchObject({ targetType: 'group', targetId: program.id, details: { sessions: 1, members: 2, cancelledBookings: 0 } });
    expect(JSON.stringify(await s.c.audit.list({ pageSize: 200 }))).not.toContain('重复建档');
  });

  it('lets a principal read the counts only', async () => {
    const { program, session } = await groupSchool();
    const one = await session();
    const principal = (await colleague(s.t, 'principal', 'lixiaozhang')).client;
    expect((await principal.groups.summary({ from: '2025-03-01', to: '2025-03-31' })).totalSessions).toBe(1);
    for (const call of [
      principal.groups.list({}),
      principal.groups.get({ id: program.id }),
      principal.groups.create({ theme: 'x', kind: 'other', targetKind: 'staff', named: false, leaderIds: [s.me], plannedSessions: 1, startDate: '2025-03-01', endDate: '2025-03-01' }),
      principal.groups.update({ id: program.id, theme: 'x' }),
      principal.groups.remove({ id: program.id, reason: 'x' }),
      principal.groups.addMembers({ id: program.id, studentIds: [s.studentId], joinedOn: '2025-03-01' }),
      principal.groups.removeMember({ id: program.id, studentId: s.studentId, leftOn: '2025-03-01' }),
      principal.groups.saveSession({ programId: program.id, date: '2025-03-12', start: '15:00', end: '15:45' }),
      principal.groups.removeSession({ sessionId: one.id, reason: 'x' }),
      principal.groups.setAttendance({ sessionId: one.id, entries: [{ studentId: s.studentId, status: 'present' }] }),
    ]) {
      expect(await rejection(call)).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('room bookings', () => {
  it('books the room through the schedule, refuses an overlap in it, and moves or releases the booking with the session', async () => {
    const { program, session } = await groupSchool();
    const room = await newRoom(s.c, { name: '团体活动室', zoneType: 'group', capacity: 20 });
    const booked = await session({ roomId: room.id, overrideOpening: true });
    expect(booked).toMatchObject({ roomId: room.id, roomName: '团体活动室' });
    expect(await s.c.appointments.get({ id: booked.appointmentId! })).toMatchObject({
      clientKind: 'group',
      clientLabel: '考前减压团体辅导',
      kind: 'group',
      counselorId: s.me,
      roomId: room.id,
      date: '2025-03-12',
      start: '15:00',
      end: '15:45',
      status: 'confirmed',
      outsideOpening: true,
    });

    // Another program in the same room at an overlapping time, led by another counselor.
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    const talk = await lecture({ leaderIds: [zhao.id] });
    const overlap = await rejection(s.c.groups.saveSession({ programId: talk.id, date: '2025-03-12', start: '15:30', end: '16:30', headcount: 40, roomId: room.id, overrideOpening: true }));
    expect(overlap).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.appointment.conflict' });
    expect(overlap.details).toEqual([expect.objectContaining({ appointmentId: booked.appointmentId, reasons: ['room'], roomName: '团体活动室', clientLabel: '考前减压团体辅导', start: '15:00', end: '15:45' })]);
    const outsideHours = await rejection(s.c.groups.saveSession({ programId: talk.id, date: '2025-03-12', start: '16:00', end: '17:00', headcount: 40, roomId: room.id }));
    expect(outsideHours).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.appointment.outsideOpening' });
    const after = await s.c.groups.saveSession({ programId: talk.id, date: '2025-03-12', start: '15:45', end: '16:30', headcount: 40, roomId: room.id, overrideOpening: true });
    expect((await s.c.appointments.get({ id: after.appointmentId! })).counselorId).toBe(zhao.id);

    // Moving the session moves its booking; dropping the room cancels it; so does removing the session.
    const moved = await s.c.groups.saveSession({ programId: program.id, sessionId: booked.id, date: '2025-03-19', start: '15:00', end: '15:45', roomId: room.id, overrideOpening: true });
    expect(moved.appointmentId).toBe(booked.appointmentId);
    expect(await s.c.appointments.get({ id: booked.appointmentId! })).toMatchObject({ date: '2025-03-19', status: 'confirmed' });
    const roomless = await s.c.groups.saveSession({ programId: program.id, sessionId: booked.id, date: '2025-03-19', start: '15:00', end: '15:45', roomId: null });
    expect(roomless).toMatchObject({ roomId: null, appointmentId: null });
    expect((await s.c.appointments.get({ id: booked.appointmentId! })).status).toBe('cancelled');
    await s.c.groups.removeSession({ sessionId: after.id, reason: '讲座取消' });
    expect(await s.c.appointments.get({ id: after.appointmentId! })).toMatchObject({ status: 'cancelled', cancelReason: '讲座取消' });
    // The room is free again for the first program at the old time.
    expect((await session({ roomId: room.id, overrideOpening: true, start: '15:30', end: '16:15' })).appointmentId).not.toBeNull();
  });
});
