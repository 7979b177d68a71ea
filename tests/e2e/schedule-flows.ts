import type { Page } from 'playwright-core';
import type { Core } from '../../electron/core/types';
import { addStudentByHand } from './flows';
import { createClient } from '../../shared/api/client';
import type { InputOf } from '../../shared/api/contract';
import { addDays, dateInZone, weekOf } from '../../shared/domain/dates';

/** Named so it sorts first: the schedule opens on the first room. */
export const ROOM = '一号个体辅导室';
export const DUTY = '李老师';
export const SCHEDULE_STUDENT = { name: '周雨涵', studentNo: '20245001' };

/** Dates around the real clock: the browser's calendar and the core both use it. */
export function scheduleDates() {
  const today = dateInZone(Date.now(), 'Asia/Shanghai');
  const thisMonday = weekOf(today).start;
  return { today, termStart: addDays(thisMonday, -7), termEnd: addDays(thisMonday, 180), nextWednesday: addDays(thisMonday, 9) };
}

/** An antd date or time input in the open dialog: typed, then confirmed with Enter as a keyboard user would. */
export async function typeInto(p: Page, label: string, value: string): Promise<void> {
  const input = p.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/**
 * On the roster a student to book for; then on 活动室与开放时间 a term around today, a room, and
 * its weekday afternoons 14:00–17:00 with a person on duty.
 */
export async function setUpRoom(p: Page): Promise<void> {
  const { termStart, termEnd } = scheduleDates();
  await p.getByRole('menuitem', { name: '学生名册' }).click();
  await addStudentByHand(p, { ...SCHEDULE_STUDENT, sex: '女', grade: '初一', className: '2班' });

  await p.getByRole('menuitem', { name: '活动室与开放时间' }).click();
  await p.getByRole('tab', { name: '校历' }).click();
  await p.getByRole('button', { name: '添加学期' }).click();
  await p.getByRole('dialog').getByLabel('学期名称').fill('本学期');
  await typeInto(p, '开始日期', termStart);
  await typeInto(p, '结束日期', termEnd);
  await p.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await p.getByRole('cell', { name: '本学期' }).waitFor();

  await p.getByRole('tab', { name: '活动室' }).click();
  await p.getByRole('button', { name: '新增活动室' }).click();
  const room = p.getByRole('dialog');
  await room.getByLabel('名称').fill(ROOM);
  await room.getByLabel('面积（平方米）').fill('15.5');
  await room.getByLabel('容纳人数').fill('3');
  await room.getByRole('button', { name: /保\s*存/ }).click();
  await p.getByRole('tabpanel', { name: '活动室' }).getByRole('cell', { name: ROOM }).waitFor();

  // The first room opens by itself, showing its (still empty) weekly hours.
  await p.getByRole('button', { name: '添加开放时间' }).click();
  const slot = p.getByRole('dialog');
  for (const day of ['周一', '周二', '周三', '周四', '周五']) await slot.getByLabel(day, { exact: true }).check();
  await typeInto(p, '开始', '14:00');
  await typeInto(p, '结束', '17:00');
  await slot.getByLabel('值班人员').fill(DUTY);
  await slot.getByRole('button', { name: /保\s*存/ }).click();
  await p.getByRole('cell', { name: DUTY, exact: true }).waitFor();
  await p.getByText('本周开放时长').waitFor();
}

/** The middle of a free time-grid slot: the day's lane at that time, a few pixels below the line. */
export async function slotPoint(p: Page, date: string, time: string): Promise<{ x: number; y: number }> {
  const lane = await p.locator(`[role="cell"][data-date="${date}"]`).last().boundingBox();
  const row = await p.locator(`[data-time="${time}:00"]`).last().boundingBox();
  if (!lane || !row) throw new Error(`no slot ${date} ${time}`);
  return { x: lane.x + lane.width / 2, y: row.y + 4 };
}

/**
 * A lived-in week for the screenshots, written through the core on a connection of its own: two
 * more rooms (one every other Friday with nobody on duty), a closed day and an extra evening, the
 * bell schedule, a colleague, and this week's bookings of students from the imported roster.
 */
export async function fillScheduleWeek(core: Core, passphrase: string): Promise<void> {
  const connection = core.connect('test');
  const c = createClient((method, input) => connection.call(method, input));
  await c.auth.login({ username: 'wanglaoshi', passphrase });
  const { today, termStart } = scheduleDates();
  const day = (n: number) => addDays(weekOf(today).start, n);
  const room = (await c.rooms.list({})).items.find((r) => r.name === ROOM)!;
  const hall = await c.rooms.create({ name: '团体活动室', zoneType: 'group', areaM2: 48.6, capacity: 24 });
  await c.rooms.create({ name: '沙盘室', zoneType: 'sandplay', areaM2: 12.25, capacity: 2 });
  await c.openings.saveSlot({ roomId: hall.id, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', validFrom: termStart, start: '12:20', end: '13:20', dutyName: '赵老师' });
  await c.openings.saveSlot({ roomId: hall.id, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', validFrom: day(4), start: '15:30', end: '17:30' });
  await c.openings.addException({ roomId: room.id, date: day(3), kind: 'closed' });
  await c.openings.addException({ roomId: room.id, date: day(2), kind: 'extra', start: '18:00', end: '19:30', dutyName: '王老师' });
  const periods = ['08:00-08:45', '08:55-09:40', '10:00-10:45', '10:55-11:40', '14:00-14:45', '14:55-15:40'].map((span, i) => {
    const [start, end] = span.split('-') as [string, string];
    return { start, end, label: `第${'一二三四五六'[i]}节` };
  });
  await c.calendar.setPeriods({ periods: [1, 2, 3, 4, 5].flatMap((weekday) => periods.map((p) => ({ ...p, weekday }))) });
  const zhao = await c.users.create({ username: 'zhaolaoshi', displayName: '赵老师', role: 'counselor', passphrase: 'initial-pass-2024' });

  const students = (await c.students.list({ pageSize: 8 })).items;
  const at = (n: number, start: string, end: string) => ({ date: day(n), start, end, kind: 'individual', source: 'selfReferral' }) as const;
  const bookings: InputOf<'appointments.create'>[] = [
    { ...at(0, '14:00', '14:45'), roomId: room.id, studentId: students[0]!.id },
    { ...at(0, '15:00', '15:45'), roomId: room.id, studentId: students[1]!.id, counselorId: zhao.id, source: 'teacherReferral' },
    { ...at(1, '14:30', '15:15'), roomId: room.id, studentId: students[2]!.id, status: 'requested', source: 'mailbox' },
    { ...at(1, '12:20', '13:10'), roomId: hall.id, clientKind: 'group', clientLabel: '初二(3)班 人际交往小组', kind: 'group', source: 'walkIn' },
    { ...at(2, '16:00', '16:45'), roomId: room.id, studentId: students[3]!.id, source: 'screening' },
    { ...at(2, '18:10', '19:00'), roomId: room.id, clientKind: 'parent', clientLabel: '初一2班周同学家长', kind: 'parentMeeting', source: 'teacherReferral' },
    { ...at(3, '12:20', '13:10'), roomId: hall.id, clientKind: 'group', clientLabel: '初二(3)班 人际交往小组', kind: 'group', source: 'walkIn' },
    { ...at(4, '14:00', '14:45'), roomId: room.id, studentId: students[4]!.id, counselorId: zhao.id, source: 'crisis' },
    { ...at(4, '15:00', '15:45'), roomId: room.id, studentId: students[0]!.id },
  ];
  for (const booking of bookings) await c.appointments.create(booking);
  const first = (await c.appointments.list({ from: day(0), to: day(0), roomId: room.id })).items[0]!;
  await c.appointments.setStatus({ id: first.id, status: 'completed' });
  await connection.close();
}
