// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { label, menuEntryNames, openApp, messageShown } from './harness';

const PRINCIPAL = { username: 'lixiaozhang', displayName: '李校长', passphrase: 'initial-pass-2024', role: 'principal' } as const;

/** What the core still answers while an initial passphrase waits to be replaced. */
const ALLOWED_BEFORE_CHANGE = METHOD_NAMES.filter((m) => contract[m].gate === 'none' || contract[m].beforePassphraseChange === true);

test('a principal must first replace the initial passphrase, asking the core nothing else; then sees counts, never the roster', async () => {
  const { user, calls } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await client.students.create({ studentNo: '20240101', name: '张三明', sex: 'M', grade: 7, className: '1' });
      await client.users.create(PRINCIPAL);
      await client.auth.logout({});
      await client.auth.login({ username: PRINCIPAL.username, passphrase: PRINCIPAL.passphrase });
    },
  });

  // The account was created with a passphrase someone else knows: only the change screen opens.
  expect(await screen.findByText('请先把口令改成只有自己知道的新口令：当前口令是同事为你设置的初始口令，或者强度不够。')).toBeInTheDocument();
  expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  await user.type(screen.getByLabelText('当前口令'), PRINCIPAL.passphrase);
  await user.type(screen.getByLabelText('新口令'), 'Principal-own-2024');
  await user.type(screen.getByLabelText('再次输入口令'), 'Principal-own-2024');
  await user.click(screen.getByRole('button', { name: '修改口令' }));
  await messageShown('口令已修改');

  const menu = await screen.findByRole('menu');
  expect(menuEntryNames(menu)).toEqual(['达标自查', '概况', '心理普测', '培训登记', '统计报表', '活动室与开放时间', '用户', '审计日志', '设置']);
  expect(screen.queryByText('学生名册')).not.toBeInTheDocument();
  // Nothing was sent that the core refuses before the change; the app's own data came after it.
  const pending = calls.slice(0, calls.indexOf('auth.changePassphrase') + 1);
  expect(pending.filter((m) => !ALLOWED_BEFORE_CHANGE.includes(m))).toEqual([]);
  // A principal lands on the compliance checklist.
  expect(await screen.findByRole('heading', { name: '心理辅导室达标自查' })).toBeInTheDocument();
  expect(calls.slice(pending.length)).toEqual(expect.arrayContaining(['app.status', 'settings.get', 'compliance.packs', 'compliance.runs']));

  // 概况: head counts by grade and status, and no name anywhere.
  await user.click(screen.getByRole('menuitem', { name: '概况' }));
  expect(await screen.findByText('这里只显示人数，不显示任何学生的档案。')).toBeInTheDocument();
  expect(screen.getByText('学生总数').closest('.ant-statistic')).toHaveTextContent('1');
  expect(screen.getByText('初一').closest('tr')).toHaveTextContent('1');
  expect(document.body).not.toHaveTextContent('张三明');
  // The recovery key is a counselor's matter: no banner for a principal, though it is unconfirmed.
  expect(screen.queryByText('恢复密钥尚未核对')).not.toBeInTheDocument();

  // 用户 is read-only for a principal.
  await user.click(screen.getByRole('menuitem', { name: '用户' }));
  expect(await screen.findByText('只有心理教师可以管理用户。')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '添加用户' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: label('停用') })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '重设口令' })).not.toBeInTheDocument();
});
