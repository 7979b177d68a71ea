// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { AUDIT_COUNT_CAP } from '../../shared/api/audit';
import { label, openApp, pickOption } from './harness';

test('审计日志: translated actions, a filter offering only the actions in the log, and the hash-chain check', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await client.students.create({ studentNo: '1', name: '李小红', sex: 'F', grade: 7, className: '1班' });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '审计日志' }));
  const table = (await screen.findByRole('columnheader', { name: '操作' })).closest('table')!;
  expect(await within(table).findByText('新增学生')).toBeInTheDocument();
  expect(within(table).getByText('初始设置')).toBeInTheDocument();
  // Audit rows hold ids, never a student's name.
  expect(table).not.toHaveTextContent('李小红');

  // The action filter offers what the log holds, not every method of the contract.
  await user.click(screen.getByRole('combobox', { name: '操作' }));
  const offered = await waitFor(() => {
    const titles = [...document.querySelectorAll('.ant-select-dropdown .ant-select-item-option')].map((o) => o.getAttribute('title'));
    if (titles.length === 0) throw new Error('no options yet');
    return titles;
  });
  expect(offered.sort()).toEqual(['初始设置', '新增学生']);
  await user.keyboard('{Escape}');

  await pickOption(user, document.body, '操作', '新增学生', { search: true });
  await waitFor(() => expect(within(table).queryByText('初始设置')).not.toBeInTheDocument());
  expect(within(table).getAllByRole('row')).toHaveLength(2);

  await user.click(screen.getByRole('button', { name: label('校验') }));
  expect(await screen.findByText(/^审计链完整，共 \d+ 条记录$/)).toBeInTheDocument();
});

test('审计日志 with more rows than it counts says so, and lists the newest first', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const { id } = await client.students.create({ studentNo: '1', name: '李小红', sex: 'F', grade: 7, className: '1班' });
      // Each opening of a student's file is an audit row: one more than the list counts.
      for (let i = 0; i < AUDIT_COUNT_CAP; i++) await client.students.get({ id });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '审计日志' }));
  expect(await screen.findByText(`符合条件的记录超过 ${AUDIT_COUNT_CAP} 条，只列出最近的 ${AUDIT_COUNT_CAP} 条；可按人员、操作或日期范围筛选`)).toBeInTheDocument();
  const table = (await screen.findByRole('columnheader', { name: '操作' })).closest('table')!;
  // Newest first: the openings of the file lead, and the set-up, the oldest row, is pages away.
  expect(within(within(table).getAllByRole('row')[1]!).getByText('打开学生档案')).toBeInTheDocument();
  expect(within(table).queryByText('初始设置')).not.toBeInTheDocument();
});
