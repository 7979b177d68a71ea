import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import { colleague, counselingSchool, openCase, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';
import { newRoom, openRoom, unfoldIcs } from '../helpers/schedule';

let s: CounselingSchool;
afterEach(async () => s?.t.cleanup());

type Booking = InputOf<'appointments.create'>;

/** A set-up school with the spring term, room A open Mon + Wed 14:00–17:00, and a second student. */
async function bookingSchool() {
  s = await counselingSchool();
  const { term, room } = await openRoom(s.c);
  const other = await s.c.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红', sex: 'F' });
  // Wednesday 2025-03-12, the clock's today.
  const book = (extra: Partial<Booking> = {}) =>
    s.c.appointments.create({ studentId: s.studentId, roomId: room.id, date: '2025-03-12', start: '14:00', end: '14:50', kind: 'individual', source: 'selfReferral', ...extra } as Booking);
  return { term, room, other, book };
}

describe('booking', () => {
  it('books a student in an open room for the caller, and reads it back', async () => {
    const { room, book } = await bookingSchool();
    const { items } = await book({ notes: '第一次来访' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      seriesId: null,
      clientKind: 'student',
      studentId: s.studentId,
      clientLabel: '张三明',
      counselorId: s.me,
      counselorName: '王老师',
      roomId: room.id,
      roomName: '个别辅导室',
      date: '2025-03-12',
      start: '14:00',
      end: '14:50',
      status: 'confirmed',
      cancelReason: null,
      notes: '第一次来访',
      outsideOpening: false,
    });
    expect(await s.c.appointments.get({ id: items[0]!.id })).toEqual(items[0]);
    const staff = await s.c.appointments.create({ clientKind: 'staff', clientLabel: '初二语文组教师', roomId: null, date: '2025-03-13', start: '09:00', end: '09:40', kind: 'other', source: 'walkIn', status: 'requested' });
    expect(staff.items[0]).toMatchObject({ studentId: null, clientLabel: '初二语文组教师', roomId: null, roomName: null, status: 'requested', outsideOpening: false });
    const listed = await s.c.appointments.list({ from: '2025-03-10', to: '2025-03-16' });
    expect(listed.items.map((a) => a.id)).toEqual([items[0]!.id, staff.items[0]!.id]);
    expect((await s.c.appointments.list({ from: '2025-03-10', to: '2025-03-16', studentId: s.studentId })).items).toHaveLength(1);
    expect((await s.c.appointments.list({ from: '2025-03-10', to: '2025-03-16', roomId: room.id })).items).toHaveLength(1);
  });

  it('names every clashing appointment with its reasons, and lets back-to-back bookings through', async () => {
    const { room, other, book } = await bookingSchool();
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    const roomB = await newRoom(s.c, { name: '团体活动室', zoneType: 'group' });
    const first = (await book()).items[0]!;
    const second = (await book({ studentId: other.id, counselorId: zhao.id, roomId: roomB.id, start: '14:30', end: '15:20', overrideOpening: true })).items[0]!;

    // Same room and counselor as the first, same student as the second.
    const clash = await rejection(book({ studentId: other.id, start: '14:40', end: '15:00' }));
    expect(clash).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.appointment.conflict' });
    expect(clash.details).toEqual([
      { path: 'start', appointmentId: first.id, date: '2025-03-12', start: '14:00', end: '14:50', reasons: ['room', 'counselor'], roomName: '个别辅导室', counselorName: '王老师', clientLabel: '张三明' },
      { path: 'start', appointmentId: second.id, date: '2025-03-12', start: '14:30', end: '15:20', reasons: ['student'], roomName: '团体活动室', counselorName: '赵老师', clientLabel: '李小红' },
    ]);
    // A counselor clash alone: another student, no room.
    const counselorOnly = await rejection(book({ clientKind: 'parent', studentId: undefined, clientLabel: '家长', roomId: null, start: '14:45', end: '15:15' }));
    expect((counselorOnly.details as { appointmentId: string; reasons: string[] }[]).map((d) => [d.appointmentId, d.reasons])).toEqual([[first.id, ['counselor']]]);
    // Touching intervals do not overlap.
    expect((await book({ start: '14:50', end: '15:40' })).items).toHaveLength(1);
    expect((await book({ studentId: other.id, counselorId: zhao.id, roomId: room.id, start: '13:10', end: '14:00', overrideOpening: true })).items).toHaveLength(1);
    // A cancelled booking frees its time.
    await s.c.appointments.cancel({ id: first.id, reason: '学生请假' });
    expect((await book({ start: '14:00', end: '14:50' })).items).toHaveLength(1);
  });

  it('refuses a booking outside the room’s opening hours unless overridden, and records and audits the override', async () => {
    const { book } = await bookingSchool();
    const outside = await rejection(book({ start: '17:00', end: '17:30' }));
    expect(outside).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.appointment.outsideOpening', details: { path: 'start', date: '2025-03-12' } });
    // Tuesday: the room is not open at all.
    expect((await rejection(book({ date: '2025-03-11' }))).messageKey).toBe('errors.appointment.outsideOpening');
    expect((await s.c.appointments.list({ from: '2025-03-10', to: '2025-03-16' })).items).toEqual([]);
    const forced = (await book({ start: '16:30', end: '17:30', overrideOpening: true, notes: '家长只能这个时间' })).items[0]!;
    expect(forced.outsideOpening).toBe(true);
    const row = (await s.c.audit.list({ action: 'appointments.create' })).items[0]!;
    expect(row).toMatchObject({ targetType: 'appointment', targetId: forced.id, details: { outsideOpening: true, count: 1, date: '2025-03-12', studentId: s.studentId } });
    expect(JSON.stringify(row)).not.toMatch(/张三明|家长只能/);
    // Inside the hours the flag stays off, and moving an appointment back inside clears it.
    expect((await book({ start: '14:00', end: '14:50' })).items[0]!.outsideOpening).toBe(false);
    expect((await s.c.appointments.update({ id: forced.id, start: '15:00', end: '16:00' })).outsideOpening).toBe(false);
    expect(await rejection(s.c.appointments.update({ id: forced.id, end: '17:10' }))).toMatchObject({ messageKey: 'errors.appointment.outsideOpening' });
  });

  it('refuses a deleted student, an inactive room, a non-counselor and a backwards interval by field', async () => {
    const { room, other, book } = await bookingSchool();
    await s.c.students.remove({ id: other.id, reason: '重复录入' });
    expect(await rejection(book({ studentId: other.id }))).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.appointment.studentDeleted',
      details: [{ path: 'studentId', reason: 'errors.appointment.studentDeleted' }],
    });
    expect(await rejection(book({ studentId: '01890000-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'studentId' } });
    const principal = await colleague(s.t, 'principal', 'lixiaozhang');
    expect(await rejection(book({ counselorId: principal.id }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.appointment.notCounselor', details: { path: 'counselorId' } });
    for (const [start, end] of [['15:00', '14:00'], ['14:00', '14:00']] as const) {
      expect((await rejection(book({ start, end }))).details).toEqual([expect.objectContaining({ path: 'end', reason: 'errors.schedule.endNotAfterStart' })]);
    }
    // A graduated student may still be booked (a last talk).
    await s.c.students.update({ id: s.studentId, status: 'graduated' });
    const kept = (await book()).items[0]!;
    expect((await rejection(s.c.appointments.update({ id: kept.id, start: '15:00' }))).details).toEqual([{ path: 'end', reason: 'errors.schedule.endNotAfterStart' }]);
    await s.c.rooms.update({ id: room.id, active: false });
    expect(await rejection(book({ start: '15:00', end: '15:50' }))).toMatchObject({ code: 'VALIDATION', details: [{ path: 'roomId', reason: 'errors.room.inactive' }] });
  });

  it('bounds list ranges', async () => {
    await bookingSchool();
    expect(await rejection(s.c.appointments.list({ from: '2025-01-01', to: '2026-03-01' }))).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.schedule.rangeTooLong',
      details: [{ path: 'to', reason: 'errors.schedule.rangeTooLong', maximum: 400 }],
    });
    expect((await rejection(s.c.appointments.list({ from: '2025-03-02', to: '2025-03-01' }))).details).toEqual([{ path: 'to', reason: 'errors.schedule.toBeforeFrom' }]);
  });
});

describe('weekly series', () => {
  const WEDNESDAYS = ['2025-03-19', '2025-03-26', '2025-04-02', '2025-04-09', '2025-04-16', '2025-04-23'];

  it('books all six occurrences or none: one clash blocks the whole series', async () => {
    const { other, book } = await bookingSchool();
    const blocker = (await book({ studentId: other.id, date: '2025-04-09', start: '14:30', end: '15:00' })).items[0]!;
    const series = { date: '2025-03-19', repeat: { intervalWeeks: 1, count: 6 } };
    const e = await rejection(book(series));
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.appointment.conflict' });
    expect(e.details).toEqual([expect.objectContaining({ appointmentId: blocker.id, date: '2025-04-09', reasons: ['room', 'counselor'] })]);
    expect((await s.c.appointments.list({ from: '2025-03-13', to: '2025-04-30' })).items.map((a) => a.id)).toEqual([blocker.id]);
    expect((await s.c.audit.list({ action: 'appointments.create' })).items).toHaveLength(1);

    await s.c.appointments.cancel({ id: blocker.id, reason: '改期' });
    const { items } = await book(series);
    expect(items.map((a) => a.date)).toEqual(WEDNESDAYS);
    expect(new Set(items.map((a) => a.seriesId)).size).toBe(1);
    expect(items[0]!.seriesId).not.toBeNull();
    const row = (await s.c.audit.list({ action: 'appointments.create' })).items[0]!;
    expect(row.details).toMatchObject({ count: 6, seriesId: items[0]!.seriesId, date: '2025-03-19' });
    // Every other week, from a Monday.
    const biweekly = await book({ date: '2025-03-17', repeat: { intervalWeeks: 2, count: 3 } });
    expect(biweekly.items.map((a) => a.date)).toEqual(['2025-03-17', '2025-03-31', '2025-04-14']);
  });

  it('moves one occurrence without touching the others, and cancels one, the following or all', async () => {
    const { book } = await bookingSchool();
    const { items } = await book({ date: '2025-03-19', repeat: { intervalWeeks: 1, count: 6 } });
    const [s1, s2, s3, s4] = items as [typeof items[0], typeof items[0], typeof items[0], typeof items[0]];
    s.clock.now += 60_000;
    const moved = await s.c.appointments.update({ id: s3.id, start: '14:20', end: '15:10', notes: '挪后二十分钟' });
    expect(moved).toMatchObject({ id: s3.id, seriesId: s1.seriesId, start: '14:20', end: '15:10' });
    const after = (await s.c.appointments.list({ from: '2025-03-17', to: '2025-04-30' })).items;
    expect(after.filter((a) => a.id !== s3.id)).toEqual(items.filter((a) => a.id !== s3.id));
    expect((await s.c.audit.list({ action: 'appointments.update' })).items[0]!.details).toEqual({ changed: ['start', 'end', 'notes'] });
    // Moving onto a sibling's date clashes with it.
    const onto = await rejection(s.c.appointments.update({ id: s3.id, date: '2025-03-26' }));
    expect(onto.details).toEqual([expect.objectContaining({ appointmentId: s2.id, reasons: ['room', 'counselor', 'student'] })]);

    await s.c.appointments.setStatus({ id: s1.id, status: 'completed' });
    expect(await s.c.appointments.cancel({ id: s2.id, reason: '考试周', scope: 'one' })).toEqual({ cancelled: 1 });
    expect(await s.c.appointments.cancel({ id: s4.id, reason: '学生转去团体辅导', scope: 'following' })).toEqual({ cancelled: 3 });
    expect(await s.c.appointments.cancel({ id: s3.id, reason: '结束', scope: 'all' })).toEqual({ cancelled: 1 });
    const statuses = (await s.c.appointments.list({ from: '2025-03-17', to: '2025-04-30', includeCancelled: true })).items.map((a) => a.status);
    expect(statuses).toEqual(['completed', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect((await s.c.appointments.get({ id: s4.id })).cancelReason).toBe('学生转去团体辅导');
    expect((await s.c.appointments.list({ from: '2025-03-17', to: '2025-04-30' })).items.map((a) => a.id)).toEqual([s1.id]);
    expect(await rejection(s.c.appointments.cancel({ id: s2.id, reason: '再取消' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.appointment.final' });
    const rows = (await s.c.audit.list({ action: 'appointments.cancel' })).items;
    expect(rows.map((r) => r.details)).toEqual([
      { scope: 'all', seriesId: s1.seriesId, cancelled: 1 },
      { scope: 'following', seriesId: s1.seriesId, cancelled: 3 },
      { scope: 'one', seriesId: s1.seriesId, cancelled: 1 },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/考试周|团体辅导|结束/);
  });
});

describe('status', () => {
  it('follows requested → confirmed → completed or no-show, and keeps final appointments as they are', async () => {
    const { book } = await bookingSchool();
    const a = (await book({ status: 'requested' })).items[0]!;
    expect(await rejection(s.c.appointments.setStatus({ id: a.id, status: 'completed' }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.appointment.badTransition',
      details: { path: 'status', from: 'requested', to: 'completed' },
    });
    expect((await s.c.appointments.setStatus({ id: a.id, status: 'confirmed' })).status).toBe('confirmed');
    expect((await s.c.appointments.setStatus({ id: a.id, status: 'noShow' })).status).toBe('noShow');
    expect((await rejection(s.c.appointments.setStatus({ id: a.id, status: 'confirmed' }))).details).toMatchObject({ from: 'noShow', to: 'confirmed' });
    expect(await rejection(s.c.appointments.update({ id: a.id, notes: '补记' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.appointment.final', details: { status: 'noShow' } });
    expect((await s.c.audit.list({ action: 'appointments.setStatus' })).items[0]!.details).toEqual({ from: 'confirmed', to: 'noShow' });
    // A missed appointment no longer holds the time; a completed one does.
    const next = (await book()).items[0]!;
    await s.c.appointments.setStatus({ id: next.id, status: 'completed' });
    expect((await rejection(book())).messageKey).toBe('errors.appointment.conflict');
  });
});

describe('the waitlist', () => {
  it('takes a client off the list when a booking names the entry, once', async () => {
    const { other, book } = await bookingSchool();
    const entry = await s.c.waitlist.add({ studentId: s.studentId, source: 'mailbox', preference: '周三下午', notes: '信中提到失眠' });
    s.clock.now += 60_000;
    const parent = await s.c.waitlist.add({ clientKind: 'parent', clientLabel: '李小红家长', source: 'teacherReferral' });
    expect((await s.c.waitlist.list({})).items).toEqual([
      expect.objectContaining({ id: entry.id, clientLabel: '张三明', preference: '周三下午', notes: '信中提到失眠' }),
      expect.objectContaining({ id: parent.id, studentId: null, clientLabel: '李小红家长' }),
    ]);
    expect(await rejection(book({ studentId: other.id, waitlistId: entry.id }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'waitlistId', reason: 'errors.appointment.waitlistMismatch' }],
    });
    const booked = (await book({ waitlistId: entry.id })).items[0]!;
    expect((await s.c.waitlist.list({})).items.map((w) => w.id)).toEqual([parent.id]);
    expect((await s.c.audit.list({ action: 'appointments.create' })).items[0]!.details).toMatchObject({ waitlistId: entry.id });
    expect(await rejection(book({ start: '15:00', end: '15:50', waitlistId: entry.id }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.waitlist.closed', details: { path: 'waitlistId' } });
    await s.c.waitlist.remove({ id: parent.id });
    expect((await s.c.waitlist.list({})).items).toEqual([]);
    expect(await rejection(s.c.waitlist.remove({ id: parent.id }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.waitlist.closed' });
    const rows = (await s.c.audit.list({ pageSize: 200 })).items.filter((r) => r.action.startsWith('waitlist.'));
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toMatch(/失眠|周三|家长/);
    expect(booked.studentId).toBe(s.studentId);
  });
});

describe('cases opened from an appointment', () => {
  it('links a case to an appointment of the same client only', async () => {
    const { other, book } = await bookingSchool();
    const mine = (await book()).items[0]!;
    const theirs = (await book({ studentId: other.id, start: '15:00', end: '15:50' })).items[0]!;
    const kase = await openCase(s.c, s.studentId, { source: 'selfReferral', appointmentId: mine.id });
    expect(kase.appointmentId).toBe(mine.id);
    const wrong = await rejection(openCase(s.c, s.studentId, { appointmentId: theirs.id }));
    expect(wrong).toMatchObject({ code: 'VALIDATION', details: [{ path: 'appointmentId', reason: 'errors.case.appointmentMismatch' }] });
    expect(await rejection(s.c.cases.update({ id: kase.id, appointmentId: theirs.id }))).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.case.appointmentMismatch' });
    expect(await rejection(openCase(s.c, s.studentId, { appointmentId: '01890000-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', details: { path: 'appointmentId' } });
    expect((await rejection(openCase(s.c, s.studentId, { appointmentId: '预约-17' }))).details).toEqual([expect.objectContaining({ path: 'appointmentId', reason: 'errors.field.id' })]);
    const staff = await s.c.cases.open({ clientKind: 'staff', clientLabel: '教师', source: 'walkIn', categories: ['emotion'] });
    expect(await rejection(s.c.cases.update({ id: staff.id, appointmentId: mine.id }))).toMatchObject({ messageKey: 'errors.case.appointmentMismatch' });
    expect((await s.c.cases.update({ id: kase.id, appointmentId: null })).appointmentId).toBeNull();
  });
});

describe('schedule.exportIcs', () => {
  it('exports the caller’s own live appointments without names or notes, initials only when asked, as folded CRLF lines', async () => {
    const { room, other, book } = await bookingSchool();
    const zhao = await colleague(s.t, 'counselor', 'zhaolaoshi');
    const long = '心理健康教育中心二楼东侧走廊尽头的个别辅导室(一号,含沙盘;需预约)';
    await s.c.rooms.update({ id: room.id, name: long });
    const a = (await book({ notes: '父母离异，情绪低落' })).items[0]!;
    await book({ studentId: other.id, counselorId: zhao.id, roomId: null, start: '15:00', end: '15:40' });
    const dropped = (await book({ date: '2025-03-17', start: '15:00', end: '15:40' })).items[0]!;
    await s.c.appointments.cancel({ id: dropped.id, reason: '请假' });
    await s.c.appointments.create({ clientKind: 'group', clientLabel: '初二(3)班小组', roomId: null, date: '2025-03-13', start: '09:00', end: '09:40', kind: 'group', source: 'walkIn', status: 'requested' });

    const plain = await s.c.schedule.exportIcs({ from: '2025-03-10', to: '2025-03-16' });
    expect(plain).toMatchObject({ filename: 'counselroom-2025-03-10_2025-03-16.ics', count: 2 });
    const text = plain.content;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    for (const secret of ['张三明', '李小红', '父母离异', '情绪低落', '初二(3)班', 'ZSM', '请假']) expect(text).not.toContain(secret);
    const lines = unfoldIcs(text);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'TZID:Asia/Shanghai',
        'TZOFFSETFROM:+0800',
        'TZOFFSETTO:+0800',
        `UID:${a.id}@counselroom`,
        'DTSTAMP:20250312T020000Z',
        'DTSTART;TZID=Asia/Shanghai:20250312T140000',
        'DTEND;TZID=Asia/Shanghai:20250312T145000',
        'SUMMARY:心理辅导预约',
        'LOCATION:心理健康教育中心二楼东侧走廊尽头的个别辅导室(一号\\,含沙盘\\;需预约)',
        'STATUS:TENTATIVE',
        'END:VCALENDAR',
      ]),
    );
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(text.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);

    const withInitials = await s.c.schedule.exportIcs({ from: '2025-03-10', to: '2025-03-16', includeInitials: true });
    expect(unfoldIcs(withInitials.content)).toContain('SUMMARY:心理辅导预约 ZSM');
    expect(withInitials.content).not.toContain('张三明');
    const rows = (await s.c.audit.list({ action: 'schedule.exportIcs' })).items;
    expect(rows.map((r) => r.details)).toEqual([
      { from: '2025-03-10', to: '2025-03-16', count: 2, includeInitials: true },
      { from: '2025-03-10', to: '2025-03-16', count: 2, includeInitials: false },
    ]);
    expect((await zhao.client.schedule.exportIcs({ from: '2025-03-10', to: '2025-03-16' })).count).toBe(1);
  });
});
