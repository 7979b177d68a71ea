// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { findDialog, label, openApp } from './harness';

const PRINCIPAL = { username: 'lixiaozhang', displayName: '李校长', passphrase: 'initial-pass-2024', role: 'principal' } as const;

test('a principal sees counts, never the roster: no 学生名册 menu, and must first replace the initial passphrase', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await client.students.create({ studentNo: '20240101', name: '张三明', sex: 'M', grade: 7, className: '1' });
      await client.users.create(PRINCIPAL);
      await client.auth.logout({});
      await client.auth.login({ username: PRINCIPAL.username, passphrase: PRINCIPAL.passphrase });
    },
  });

  const menu = await screen.findByRole('menu');
  expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['概况', '用户', '审计日志', '设置']);
  expect(screen.queryByText('学生名册')).not.toBeInTheDocument();

  // The account was created with a passphrase someone else knows: it must be replaced first.
  const change = await findDialog('修改口令');
  await user.type(within(change).getByLabelText('当前口令'), PRINCIPAL.passphrase);
  await user.type(within(change).getByLabelText('新口令'), 'Principal-own-2024');
  await user.type(within(change).getByLabelText('再次输入口令'), 'Principal-own-2024');
  await user.click(within(change).getByRole('button', { name: '修改口令' }));
  expect(await screen.findByText('口令已修改')).toBeInTheDocument();

  // 概况: head counts by grade and status, and no name anywhere.
  expect(await screen.findByText('这里只显示人数，不显示任何学生的档案。')).toBeInTheDocument();
  expect(screen.getByText('学生总数').closest('.ant-statistic')).toHaveTextContent('1');
  expect(screen.getByText('初一').closest('tr')).toHaveTextContent('1');
  expect(document.body).not.toHaveTextContent('张三明');

  // 用户 is read-only for a principal.
  await user.click(screen.getByRole('menuitem', { name: '用户' }));
  expect(await screen.findByText('只有心理教师可以管理用户。')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '添加用户' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: label('停用') })).not.toBeInTheDocument();
});
