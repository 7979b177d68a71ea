// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { expect, test } from 'vitest';
import { dateInZone } from '../../shared/domain/dates';
import { STUDENT } from '../helpers/counseling';
import { findDialog, label, openApp, pickOption } from './harness';

type User = Awaited<ReturnType<typeof openApp>>['user'];

const TODAY = dateInZone(Date.now(), 'Asia/Shanghai');
const CLASSMATES = [
  { ...STUDENT, studentNo: '20240102', name: '李小红', sex: 'F' as const },
  { ...STUDENT, studentNo: '20240103', name: '王小明' },
];
const OTHER_CLASS = { ...STUDENT, studentNo: '20240104', name: '赵小刚', className: '4班' };

/** A date or time picker takes typed text once cleared; Enter confirms it. */
async function typeInto(user: User, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.type(field, `${text}{Enter}`);
}

test('a program for one class: the class joins, a session is recorded, attendance is marked with the keyboard and saved as it goes', async () => {
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      for (const s of [STUDENT, ...CLASSMATES, OTHER_CLASS]) await client.students.create(s);
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '团体活动' }));
  await user.click(await screen.findByRole('button', { name: '新建活动' }));
  const form = await findDialog('新建团体活动');
  await user.type(within(form).getByLabelText('主题'), '考前减压团体辅导');
  await pickOption(user, form, '班级', '初二3班');
  await typeInto(user, within(form).getByLabelText('结束日期'), dayjs(TODAY).add(60, 'day').format('YYYY-MM-DD'));
  await user.click(within(form).getByRole('button', { name: label('保存') }));
  expect(await screen.findByRole('heading', { name: '团体活动：考前减压团体辅导' })).toBeInTheDocument();
  expect(screen.getByText('团体辅导')).toBeInTheDocument();

  // The whole class, from the program's own target: not the student of 4班.
  await user.click(screen.getByRole('button', { name: '添加成员' }));
  const add = await findDialog('添加成员');
  expect(within(add).getByText('将添加该班全部在读学生（3 人）')).toBeInTheDocument();
  await user.click(within(add).getByRole('button', { name: '添加成员' }));
  expect(await screen.findByText('成员（3）')).toBeInTheDocument();
  expect(screen.queryByText(OTHER_CLASS.name)).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '记录一次活动' }));
  const record = await findDialog('记录一次活动');
  await typeInto(user, within(record).getByLabelText('开始'), '15:00');
  await typeInto(user, within(record).getByLabelText('结束'), '15:45');
  await user.type(within(record).getByLabelText('活动内容'), '放松训练');
  await user.click(within(record).getByRole('button', { name: label('保存') }));
  expect(await screen.findByText('出席 0 / 3')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '点名' }));
  const sheet = await findDialog(/^点名：第 1 次/);
  const rows = within(sheet).getAllByRole('row');
  expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['张三明：未登记', '李小红：未登记', '王小明：未登记']);
  // No mouse: the first student has focus, ↓ moves on, Space marks, 3 sets 请假.
  await waitFor(() => expect(rows[0]).toHaveFocus());
  await user.keyboard('{ArrowDown}[Space]');
  expect(rows[1]).toHaveFocus();
  expect(rows[1]).toHaveAttribute('aria-label', '李小红：出席');
  await user.keyboard('{ArrowDown}3{ArrowUp}{ArrowUp}[Space][Space]');
  expect(rows[0]).toHaveFocus();
  expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['张三明：缺席', '李小红：出席', '王小明：请假']);
  expect(await within(sheet).findByText(/^已保存 \d\d:\d\d:\d\d$/)).toBeInTheDocument();
  const programId = (await core.client.groups.list({})).items[0]!.id;
  const marks = async () => (await core.client.groups.get({ id: programId })).sessions[0]!.attendance.map((a) => [a.name, a.status]);
  await waitFor(async () => expect(await marks()).toEqual([['张三明', 'absent'], ['李小红', 'present'], ['王小明', 'excused']]));

  await user.click(within(sheet).getByRole('button', { name: '全部出席' }));
  await waitFor(async () => expect(await marks()).toEqual([['张三明', 'present'], ['李小红', 'present'], ['王小明', 'present']]));
  await user.click(within(sheet).getByRole('button', { name: label('完成') }));
  expect(await screen.findByText('出席 3 / 3')).toBeInTheDocument();
});

test('an unnamed grade lecture records a headcount, and 6000 is refused on the field', async () => {
  let programId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const me = (await client.app.status({})).user!.id;
      const endDate = dayjs(TODAY).add(30, 'day').format('YYYY-MM-DD');
      const talk = await client.groups.create({
        theme: '青春期心理健康讲座', kind: 'lecture', targetKind: 'grade', targetGrades: [8], named: false, leaderIds: [me], plannedSessions: 1, startDate: TODAY, endDate,
      });
      programId = talk.id;
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '团体活动' }));
  const row = (await screen.findByText('青春期心理健康讲座')).closest('tr')!;
  expect(row).toHaveTextContent('专题讲座');
  expect(row).toHaveTextContent('不记名');
  row.focus();
  await user.keyboard('{Enter}');
  expect(await screen.findByRole('heading', { name: '团体活动：青春期心理健康讲座' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '添加成员' })).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '记录一次活动' }));
  const record = await findDialog('记录一次活动');
  await typeInto(user, within(record).getByLabelText('开始'), '14:00');
  await typeInto(user, within(record).getByLabelText('结束'), '15:00');
  await user.type(within(record).getByLabelText('参加人数'), '6000');
  await user.click(within(record).getByRole('button', { name: label('保存') }));
  // The field's message, not one node of it: antd may re-render the message while validation settles.
  const headcountField = within(record).getByLabelText('参加人数').closest<HTMLElement>('.ant-form-item')!;
  await waitFor(() => expect(headcountField).toHaveTextContent('不能大于 5000'));
  expect((await core.client.groups.get({ id: programId })).sessions).toEqual([]);

  const headcount = within(record).getByLabelText('参加人数');
  await user.clear(headcount);
  await user.type(headcount, '300');
  await user.click(within(record).getByRole('button', { name: label('保存') }));
  const session = (await screen.findByText('300 人 · 初二')).closest('tr')!;
  expect((await core.client.groups.get({ id: programId })).sessions.map((s) => [s.headcount, s.audienceGrades, s.attendance])).toEqual([[300, [8], []]]);

  // Editing starts from what was recorded.
  await user.click(within(session).getByRole('button', { name: label('编辑') }));
  const edit = await findDialog('编辑第 1 次活动');
  expect(within(edit).getByLabelText('开始')).toHaveValue('14:00');
  const changed = within(edit).getByLabelText('参加人数');
  expect(changed).toHaveValue('300');
  await user.clear(changed);
  await user.type(changed, '280');
  await user.click(within(edit).getByRole('button', { name: label('保存') }));
  expect(await screen.findByText('280 人 · 初二')).toBeInTheDocument();

  // The menu leads back to the list from an opened program.
  await user.click(screen.getByRole('menuitem', { name: '团体活动' }));
  expect(await screen.findByRole('button', { name: '新建活动' })).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: '团体活动：青春期心理健康讲座' })).not.toBeInTheDocument();
});

test('training: a staff member and a 1.5-hour event; the year’s totals show 1.5', async () => {
  const { core, user } = await openApp({ setup: true });
  await user.click(await screen.findByRole('menuitem', { name: '培训登记' }));
  await user.click(await screen.findByRole('tab', { name: '教职工名册' }));
  await user.click(await screen.findByRole('button', { name: '新增教职工' }));
  const staff = await findDialog('新增教职工');
  await user.type(within(staff).getByLabelText('姓名'), '陈心怡');
  await pickOption(user, staff, '专职/兼职', '专职');
  await user.type(within(staff).getByLabelText('资格证书'), '心理健康教育C证');
  await user.click(within(staff).getByRole('button', { name: label('保存') }));
  expect(await screen.findByText('心理健康教育C证')).toBeInTheDocument();

  await user.click(screen.getByRole('tab', { name: '培训活动' }));
  await user.click(await screen.findByRole('button', { name: '新增培训' }));
  const event = await findDialog('新增培训');
  await user.type(within(event).getByLabelText('培训名称'), '心理危机识别与干预');
  await pickOption(user, event, '培训层级', '专兼职心理教师');
  await user.type(within(event).getByLabelText('学时'), '1.25');
  await pickOption(user, event, '参训人员', '陈心怡 · 心理教师');
  await user.click(within(event).getByRole('button', { name: label('保存') }));
  expect(await within(event).findByText('最多保留一位小数')).toBeInTheDocument();
  const hours = within(event).getByLabelText('学时');
  await user.clear(hours);
  await user.type(hours, '1.5');
  await user.click(within(event).getByRole('button', { name: label('保存') }));
  expect(await screen.findByText('心理危机识别与干预')).toBeInTheDocument();

  await user.click(screen.getByRole('tab', { name: '年度学时' }));
  expect(await screen.findByText('全校合计 1.5 学时')).toBeInTheDocument();
  const totals = screen.getByText('心理教师 · 专职').closest('tr')!;
  expect([...totals.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['陈心怡', '心理教师 · 专职', '1.5', '0.0', '0.0', '1.5', '1']);
  const year = Number(TODAY.slice(0, 4));
  expect((await core.client.training.totals({ year })).items.map((i) => [i.name, i.hours])).toEqual([['陈心怡', 1.5]]);
});
