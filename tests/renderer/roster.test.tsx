// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { findDialog, label, openApp, pickOption, openRoster, messageShown } from './harness';

test('roster: add through the validated drawer, list, mask names with 隐私遮挡, edit, and delete with a reason', async () => {
  const { core, user } = await openApp({ setup: true });
  await openRoster(user);
  expect(await screen.findByText('名册里还没有学生')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '新增学生' }));
  const drawer = await findDialog('新增学生');
  // Saving an empty form shows the studentFields schema's errors on each field.
  await user.click(within(drawer).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(within(drawer).getAllByText('此项必填')).toHaveLength(5));

  await user.type(within(drawer).getByLabelText('学号'), '20240101');
  await user.type(within(drawer).getByLabelText('姓名'), '张三明');
  await user.click(within(drawer).getByRole('radio', { name: '男' }));
  await pickOption(user, drawer, '年级', '初一');
  await user.type(within(drawer).getByLabelText('班级'), '1');
  // Length caps come from the schema and are shown as counters.
  expect(within(drawer).getByText('3 / 50')).toBeInTheDocument();

  await user.click(within(drawer).getByRole('button', { name: '添加监护人' }));
  await user.type(within(drawer).getByLabelText('监护人姓名'), '张大明');
  await user.type(within(drawer).getByLabelText('电话'), 'call me');
  await user.click(within(drawer).getByRole('button', { name: label('保存') }));
  expect(await within(drawer).findByText('电话号码只能包含数字、空格和 + - ( )')).toBeInTheDocument();
  await user.clear(within(drawer).getByLabelText('电话'));
  await user.type(within(drawer).getByLabelText('电话'), '138-0000-0012');
  await user.click(within(drawer).getByRole('button', { name: label('保存') }));

  await messageShown('已添加学生');
  const row = (await screen.findByText('20240101')).closest('tr')!;
  expect(row).toHaveTextContent('张三明');
  expect(row).toHaveTextContent('初一');
  expect((await core.client.students.list({})).items.map((s) => s.name)).toEqual(['张三明']);
  // The search box's button and the table's page arrows hold only icons; antd named them after the icons, in English.
  for (const name of ['搜索', '上一页', '下一页']) expect(screen.getByRole('button', { name })).toBeInTheDocument();

  // A second student with the same 学号: the core's CONFLICT lands on the 学号 field.
  await user.click(screen.getByRole('button', { name: '新增学生' }));
  const second = await findDialog('新增学生');
  await user.type(within(second).getByLabelText('学号'), '20240101');
  await user.type(within(second).getByLabelText('姓名'), '李四');
  await user.click(within(second).getByRole('radio', { name: '女' }));
  await pickOption(user, second, '年级', '初一');
  await user.type(within(second).getByLabelText('班级'), '1');
  await user.click(within(second).getByRole('button', { name: label('保存') }));
  expect(await within(second).findByText('学号已被其他学生使用')).toBeInTheDocument();
  await user.click(within(second).getByRole('button', { name: label('取消') }));

  // The privacy mask hides the middle of every name on screen: list, detail, guardians.
  await user.click(screen.getByRole('switch', { name: '隐私遮挡' }));
  expect(await screen.findByText('张*明')).toBeInTheDocument();
  expect(screen.queryByText('张三明')).not.toBeInTheDocument();
  await user.click(screen.getByText('张*明'));
  const detail = await findDialog('学生档案：张*明');
  // The student (张三明) and the guardian (张大明) both read 张*明.
  await waitFor(() => expect(within(detail).getAllByText('张*明')).toHaveLength(2));
  expect(within(detail).getByText('138-0000-0012')).toBeInTheDocument();
  expect(document.body).not.toHaveTextContent('张三明');
  expect(document.body).not.toHaveTextContent('张大明');

  // Edit from the record: the drawer opens filled in, the change is saved and shown.
  await user.click(within(detail).getByRole('button', { name: label('编辑') }));
  const editing = await findDialog('编辑学生：张*明');
  expect(within(editing).getByLabelText('学号')).toHaveValue('20240101');
  await user.clear(within(editing).getByLabelText('班级'));
  await user.type(within(editing).getByLabelText('班级'), '2班');
  await user.click(within(editing).getByRole('button', { name: label('保存') }));
  await messageShown('已保存修改');
  expect(await within(detail).findByText('2班')).toBeInTheDocument();
  expect((await core.client.students.list({})).items[0]).toMatchObject({ className: '2班' });

  // Delete asks for a reason (the core requires and audits it), then the roster is empty again.
  await user.click(within(detail).getByRole('button', { name: label('删除') }));
  const removing = await findDialog('删除学生 张*明？');
  await user.click(within(removing).getByRole('button', { name: label('删除') }));
  expect(await within(removing).findByText('此项必填')).toBeInTheDocument();
  await user.type(within(removing).getByLabelText('删除原因'), '重复录入');
  await user.click(within(removing).getByRole('button', { name: label('删除') }));
  expect(await screen.findByText('名册里还没有学生')).toBeInTheDocument();
  expect((await core.client.students.list({})).total).toBe(0);
});

test('升级: the preview lists every change and applying it moves the roster up a grade', async () => {
  // In the summer break, with nothing open, there is nothing to warn about.
  const { core, user } = await openApp({
    setup: true,
    now: () => Date.UTC(2025, 6, 20, 2, 0),
    prepare: async ({ client }) => {
      await client.students.create({ studentNo: '1', name: '李小红', sex: 'F', grade: 7, className: '1班' });
      await client.students.create({ studentNo: '2', name: '王小虎', sex: 'M', grade: 9, className: '2班' });
    },
  });
  await openRoster(user);
  await user.click(await screen.findByRole('button', { name: label('学年升级') }));
  const modal = await findDialog('学年升级');
  const row = (await within(modal).findByText('王小虎')).closest('tr')!;
  expect(row).toHaveTextContent('初三2班毕业');
  expect(within(modal).getByText('李小红').closest('tr')).toHaveTextContent('初一1班初二1班');
  expect(within(modal).queryByRole('alert')).toBeNull();

  await user.click(within(modal).getByRole('button', { name: '执行升级' }));
  const confirm = await findDialog('确认执行升级？');
  expect(confirm).toHaveTextContent('1 名学生升级，1 名学生毕业');
  await user.click(within(confirm).getByRole('button', { name: '执行升级' }));

  await messageShown('升级完成：1 人升级，1 人毕业');
  const { items } = await core.client.students.list({});
  expect(items.map((s) => [s.name, s.grade, s.status])).toEqual([
    ['李小红', 8, 'active'],
    ['王小虎', 9, 'graduated'],
  ]);
});

test('升级 mid-term: warns first, applies only once acknowledged, merges classes as renamed, and is undone the same day', async () => {
  const { core, user } = await openApp({
    setup: true,
    now: () => Date.UTC(2025, 2, 12, 2, 0),
    prepare: async ({ client }) => {
      await client.calendar.saveTerm({ name: '2024-2025学年第二学期', startDate: '2025-02-17', endDate: '2025-07-04' });
      await client.students.create({ studentNo: '1', name: '李小红', sex: 'F', grade: 7, className: '1班' });
      await client.students.create({ studentNo: '2', name: '王小虎', sex: 'M', grade: 7, className: '2班' });
    },
  });
  await openRoster(user);
  await user.click(await screen.findByRole('button', { name: label('学年升级') }));
  const modal = await findDialog('学年升级');
  const warnings = await within(modal).findByRole('alert', { name: '升级之前请先处理' });
  expect(warnings).toHaveTextContent('学期“2024-2025学年第二学期”尚未结束（至 2025-07-04）');
  const applyButton = within(modal).getByRole('button', { name: '执行升级' });
  expect(applyButton).toBeDisabled();

  const classes = within(modal).getByRole('table', { name: '班级升级' });
  expect(classes).toHaveTextContent('初一2班');
  const rename = within(modal).getByRole('textbox', { name: '初一2班 升级后的班名' });
  await user.clear(rename);
  await user.type(rename, '1班{Enter}');
  await waitFor(() => expect(within(modal).getByText('王小虎').closest('tr')).toHaveTextContent('初一2班初二1班'));

  await user.click(within(warnings).getByRole('checkbox', { name: '我已了解以上情况，仍要升级' }));
  await user.click(applyButton);
  const confirm = await findDialog('确认执行升级？');
  await user.click(within(confirm).getByRole('button', { name: '执行升级' }));
  await messageShown('升级完成：2 人升级，0 人毕业');
  expect((await core.client.students.classes({})).items).toEqual([{ grade: 8, className: '1班', count: 2 }]);

  await user.click(await screen.findByRole('button', { name: label('学年升级') }));
  const again = await findDialog('学年升级');
  await user.click(await within(again).findByRole('button', { name: '撤销学年升级' }));
  const undo = await findDialog('撤销今天的学年升级？');
  await user.click(within(undo).getByRole('button', { name: '撤销学年升级' }));
  await messageShown('已撤销：2 名学生恢复升级前的年级和班级');
  expect((await core.client.students.list({ sort: 'studentNo' })).items.map((x) => [x.name, x.grade, x.className])).toEqual([
    ['李小红', 7, '1班'],
    ['王小虎', 7, '2班'],
  ]);
});

test('the class filter names each class with its grade, and picking one filters by both', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await client.students.create({ studentNo: '1', name: '李小红', sex: 'F', grade: 7, className: '1班' });
      await client.students.create({ studentNo: '2', name: '王小虎', sex: 'M', grade: 8, className: '1班' });
      await client.students.create({ studentNo: '3', name: '赵小刚', sex: 'M', grade: 8, className: '2班' });
    },
  });
  await openRoster(user);
  await screen.findByText('赵小刚');
  await pickOption(user, document.body, '班级', '初二1班');
  await waitFor(() => expect(screen.queryByText('李小红')).toBeNull());
  expect(screen.getByText('王小虎')).toBeInTheDocument();
  expect(screen.queryByText('赵小刚')).toBeNull();
});
