// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { addDays, dateInZone } from '../../shared/domain/dates';
import { colleague, STUDENT } from '../helpers/counseling';
import { newRoom } from '../helpers/schedule';
import { findDialog, label, openApp, pickOption, messageShown } from './harness';

const OTHER = { ...STUDENT, studentNo: '20240102', name: '李小红', sex: 'F' as const };
/** Today at the school: the UI opens on it (its own clock), so bookings are made there. */
const schoolToday = () => dateInZone(Date.now(), 'Asia/Shanghai');

test('rooms: the area keeps two decimals, said on the field; a valid room is listed with its zone in Chinese', async () => {
  const { core, user } = await openApp({ setup: true });
  await user.click(await screen.findByRole('menuitem', { name: '活动室与开放时间' }));
  await user.click(await screen.findByRole('button', { name: '新增活动室' }));
  const dialog = await findDialog('新增活动室');
  await user.type(within(dialog).getByLabelText('名称'), '沙盘室一');
  await pickOption(user, dialog, '功能区', '沙盘室');
  await user.type(within(dialog).getByLabelText('面积（平方米）'), '12.345');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  expect(await within(dialog).findByText('最多保留两位小数')).toBeInTheDocument();
  expect((await core.client.rooms.list({})).items).toEqual([]);

  const area = within(dialog).getByLabelText('面积（平方米）');
  await user.clear(area);
  await user.type(area, '15.5');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  // Not *ByRole: computing every accessible name of this page takes jsdom minutes.
  const row = (await screen.findByText('沙盘室一')).closest('tr')!;
  expect(row).toHaveTextContent('沙盘室');
  expect(row).toHaveTextContent('15.50 m²');
  expect((await core.client.rooms.list({})).items.map((r) => [r.name, r.zoneType, r.areaM2])).toEqual([['沙盘室一', 'sandplay', 15.5]]);
});

test('booking: a clash is refused and every clashing appointment is named; nothing is booked', async () => {
  const today = schoolToday();
  const { core, user } = await openApp({
    setup: true,
    prepare: async (t) => {
      const { client } = t;
      const room = await newRoom(client);
      const hall = await newRoom(client, { name: '团体活动室', zoneType: 'group', capacity: 20 });
      const zhao = await colleague(t, 'counselor', 'zhao');
      const first = await client.students.create(STUDENT);
      await client.students.create(OTHER);
      const base = { date: today, kind: 'individual', source: 'walkIn', overrideOpening: true } as const;
      // The same room as the new booking, with a colleague; and me, in another room: they do not clash with each other.
      await client.appointments.create({ ...base, roomId: room.id, counselorId: zhao.id, studentId: first.id, start: '08:00', end: '08:45' });
      await client.appointments.create({ ...base, roomId: hall.id, clientKind: 'parent', clientLabel: '初二3班家长', start: '08:30', end: '09:15' });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '日程' }));
  // No term, so no opening in view: 新建预约 offers today at eight, the time both bookings hold. It
  // waits for the view's openings (none here) before it offers anything.
  const book = await screen.findByRole('button', { name: '新建预约' });
  await waitFor(() => expect(book).toBeEnabled());
  await user.click(book);
  const dialog = await findDialog('新建预约');
  expect(within(dialog).getByLabelText('日期')).toHaveValue(today);
  // The roster is searched by the core: type part of the name, then pick the student.
  const picker = within(dialog).getByRole('combobox', { name: '学生' });
  await user.click(picker);
  await user.type(picker, OTHER.name);
  await user.click(await screen.findByTitle(`${OTHER.name} · 初二3班 · ${OTHER.studentNo}`));
  await user.click(within(dialog).getByRole('button', { name: label('预约') }));

  const refusal = (await within(dialog).findByText(/^时间冲突，未预约。与以下 2 个预约冲突/)).closest('.ant-alert') as HTMLElement;
  const lines = [...refusal.querySelectorAll('li')].map((li) => li.textContent);
  expect(lines).toEqual([`${today} 08:00–08:45 · 个别辅导室 · 赵老师 · ${STUDENT.name}同一活动室`, `${today} 08:30–09:15 · 团体活动室 · 王老师 · 初二3班家长同一老师`]);
  expect((await core.client.appointments.list({ from: today, to: today })).items).toHaveLength(2);

  // Moved to a free hour it books, outside the room's (unset) opening hours only once that is ticked.
  const start = within(dialog).getByLabelText('开始');
  await user.clear(start);
  await user.type(start, '10:00{Enter}');
  const end = within(dialog).getByLabelText('结束');
  await user.clear(end);
  await user.type(end, '10:45{Enter}');
  await user.click(within(dialog).getByRole('button', { name: label('预约') }));
  expect(await within(dialog).findByText(`${today} 的预约不在该活动室的开放时间内`)).toBeInTheDocument();
  await user.click(within(dialog).getByRole('checkbox', { name: '仍在开放时间外预约' }));
  await user.click(within(dialog).getByRole('button', { name: label('预约') }));
  await messageShown('已预约 1 次');
  await waitFor(async () => expect((await core.client.appointments.list({ from: today, to: today })).items).toHaveLength(3));
  const booked = (await core.client.appointments.list({ from: today, to: today })).items.find((a) => a.start === '10:00')!;
  expect(booked).toMatchObject({ clientLabel: OTHER.name, end: '10:45', outsideOpening: true, counselorName: '王老师' });
});

test('今日预约: a row opens the appointment; confirmed there, then 开个案 links the new case to it', async () => {
  const today = schoolToday();
  let appointmentId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const room = await newRoom(client);
      const s = await client.students.create(STUDENT);
      const { items } = await client.appointments.create({
        studentId: s.id,
        roomId: room.id,
        date: today,
        start: '09:00',
        end: '09:45',
        kind: 'individual',
        source: 'teacherReferral',
        status: 'requested',
        overrideOpening: true,
      });
      appointmentId = items[0]!.id;
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '我的个案' }));
  expect(await screen.findByText('今日预约（1）')).toBeInTheDocument();
  const row = screen.getByText('09:00–09:45').closest('li')!;
  expect(row).toHaveTextContent(`${STUDENT.name}个别辅导室待确认`);
  row.focus();
  await user.keyboard('{Enter}');

  const drawer = await findDialog('预约详情');
  expect(drawer).toHaveTextContent('班主任/教师转介');
  await user.click(within(drawer).getByRole('button', { name: label('确认') }));
  await messageShown('已标记为已确认');
  expect((await core.client.appointments.get({ id: appointmentId })).status).toBe('confirmed');

  await user.click(await within(drawer).findByRole('button', { name: '开个案' }));
  const open = await findDialog(`为 ${STUDENT.name} 开个案`);
  // The case starts with the appointment's own 来源: the two share one list.
  expect(within(open).getByTitle('班主任/教师转介')).toBeInTheDocument();
  await user.click(within(open).getByRole('checkbox', { name: '学业' }));
  await user.click(within(open).getByRole('button', { name: '开个案' }));
  expect(await screen.findByRole('heading', { name: `个案：${STUDENT.name}` })).toBeInTheDocument();
  const { items } = await core.client.cases.list({});
  expect(await core.client.cases.get({ id: items[0]!.id })).toMatchObject({ appointmentId, source: 'teacherReferral' });
});

test('cancel: a reason is required; for a series the counselor chooses how much of it goes', async () => {
  const today = schoolToday();
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const room = await newRoom(client);
      const s = await client.students.create(STUDENT);
      const base = { studentId: s.id, roomId: room.id, date: today, start: '10:00', end: '10:45', kind: 'individual', source: 'selfReferral', overrideOpening: true } as const;
      await client.appointments.create({ ...base, repeat: { intervalWeeks: 1, count: 4 } });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '我的个案' }));
  await user.click(await screen.findByText('10:00–10:45'));
  const drawer = await findDialog('预约详情');
  expect(drawer).toHaveTextContent('系列预约');
  await user.click(within(drawer).getByRole('button', { name: '取消预约' }));
  const dialog = await findDialog('取消预约');
  await user.click(within(dialog).getByRole('radio', { name: '整个系列' }));
  await user.click(within(dialog).getByRole('button', { name: '取消预约' }));
  expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();

  await user.type(within(dialog).getByLabelText('取消原因'), '学生转学');
  await user.click(within(dialog).getByRole('button', { name: '取消预约' }));
  await messageShown('已取消 4 次预约');
  const all = await core.client.appointments.list({ from: today, to: addDays(today, 28), includeCancelled: true });
  expect(all.items.map((a) => [a.status, a.cancelReason])).toEqual(Array.from({ length: 4 }, () => ['cancelled', '学生转学']));
  expect(await within(drawer).findByText('学生转学')).toBeInTheDocument();
});

test('waitlist: a student added to it is booked from it, which takes the entry off; another is removed after a confirmation', async () => {
  const today = schoolToday();
  const { core, user } = await openApp({ setup: true, prepare: async ({ client }) => void (await client.students.create(STUDENT)) });
  await user.click(await screen.findByRole('menuitem', { name: '日程' }));
  await user.click(await screen.findByText('候补名单（0）'));
  const drawer = await findDialog('候补名单');
  expect(await within(drawer).findByText('没有正在候补的来访者')).toBeInTheDocument();

  await user.click(within(drawer).getByRole('button', { name: '加入候补' }));
  let dialog = await findDialog('加入候补名单');
  const picker = within(dialog).getByRole('combobox', { name: '学生' });
  await user.click(picker);
  await user.type(picker, STUDENT.name);
  await user.click(await screen.findByTitle(`${STUDENT.name} · 初二3班 · ${STUDENT.studentNo}`));
  await pickOption(user, dialog, '来源', '心理信箱来信');
  await user.type(within(dialog).getByLabelText('方便的时间'), '周三下午');
  await user.type(within(dialog).getByLabelText('备注'), '信中提到失眠');
  await user.click(within(dialog).getByRole('button', { name: label('加入') }));
  await messageShown('已加入候补名单');
  const row = (await within(drawer).findByText('方便的时间：周三下午')).closest('li')!;
  expect(row).toHaveTextContent(`${STUDENT.name}学生心理信箱来信`);
  expect(row).toHaveTextContent(/信中提到失眠\d{4}-\d\d-\d\d \d\d:\d\d 起候补$/);
  expect(await screen.findByText('候补名单（1）')).toBeInTheDocument();

  // The booking dialog comes with the client fixed and the source taken over; booking closes the entry.
  await user.click(within(row).getByRole('button', { name: label('预约') }));
  dialog = await findDialog('新建预约');
  expect(dialog).toHaveTextContent(`${STUDENT.name}学生`);
  expect(dialog).toHaveTextContent('方便的时间：周三下午');
  expect(within(dialog).queryByRole('combobox', { name: '学生' })).toBeNull();
  expect(within(dialog).getByTitle('心理信箱来信')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: label('预约') }));
  await messageShown('已预约 1 次');
  expect(await within(drawer).findByText('没有正在候补的来访者')).toBeInTheDocument();
  expect(await screen.findByText('候补名单（0）')).toBeInTheDocument();
  expect((await core.client.waitlist.list({})).items).toEqual([]);
  const booked = (await core.client.appointments.list({ from: today, to: today })).items;
  expect(booked).toEqual([expect.objectContaining({ clientLabel: STUDENT.name, source: 'mailbox', start: '08:00', end: '08:45' })]);

  // Someone other than a student is named, not picked; 移出 asks first.
  await user.click(within(drawer).getByRole('button', { name: '加入候补' }));
  dialog = await findDialog('加入候补名单');
  await user.click(within(dialog).getByRole('radio', { name: '家长' }));
  await user.type(await within(dialog).findByLabelText('姓名或说明'), '初二3班家长');
  await user.click(within(dialog).getByRole('button', { name: label('加入') }));
  const parent = (await within(drawer).findByText('初二3班家长')).closest('li')!;
  expect(parent).toHaveTextContent('家长学生自约');
  await user.click(within(parent).getByRole('button', { name: label('移出') }));
  const confirm = await findDialog('把 初二3班家长 移出候补名单？');
  await user.click(within(confirm).getByRole('button', { name: label('移出') }));
  await messageShown('已移出候补名单');
  expect(await within(drawer).findByText('没有正在候补的来访者')).toBeInTheDocument();
  expect((await core.client.waitlist.list({})).items).toEqual([]);
  expect((await core.client.appointments.list({ from: today, to: today })).items).toHaveLength(1);
});

test('新建预约 waits for the openings in view, then starts at the next one instead of today at eight', async () => {
  const tomorrow = addDays(schoolToday(), 1);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await client.calendar.saveTerm({ name: '本学期', startDate: addDays(tomorrow, -60), endDate: addDays(tomorrow, 150) });
      const room = await newRoom(client);
      await client.openings.saveSlot({ roomId: room.id, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU', validFrom: tomorrow, start: '14:00', end: '17:00' });
    },
    // The week's openings are slow to come: a click before them must not offer today at eight.
    intercept: (next) => async (method, input) => {
      if (method === 'openings.expand') await held;
      return next(method, input);
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '日程' }));
  const book = await screen.findByRole('button', { name: '新建预约' });
  expect(book).toBeDisabled();
  release();
  await waitFor(() => expect(book).toBeEnabled());
  await user.click(book);
  const dialog = await findDialog('新建预约');
  expect(within(dialog).getByLabelText('日期')).toHaveValue(tomorrow);
  expect(within(dialog).getByLabelText('开始')).toHaveValue('14:00');
});
