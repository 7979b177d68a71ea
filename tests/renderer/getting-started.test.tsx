// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { finished } from '../helpers/backup';
import { STUDENT } from '../helpers/counseling';
import { openRoom } from '../helpers/schedule';
import { messageShown, openApp } from './harness';

type User = Awaited<ReturnType<typeof openApp>>['user'];

/** The list on the home, step by step: its title and whether it is ticked. */
async function steps(): Promise<[string, string][]> {
  const list = await screen.findByRole('region', { name: '开始使用' });
  return [...list.querySelectorAll('[data-step]')].map((row) => [row.getAttribute('data-step')!, within(row as HTMLElement).getByText(/^(已完成|待完成)$/).textContent!]);
}

async function home(user: User) {
  await user.click(screen.getByRole('menuitem', { name: '我的个案' }));
  await screen.findByRole('heading', { name: '我的个案' });
}

test('a new archive’s home lists the first steps, each ticked from the archive as it is now, each leading to its page', async () => {
  const { core, user } = await openApp({ setup: true });
  expect(await steps()).toEqual([
    ['calendar', '待完成'],
    ['rooms', '待完成'],
    ['roster', '待完成'],
    ['principal', '待完成'],
    ['backup', '待完成'],
  ]);

  // Done elsewhere (another window, the command line): the home shows it the next time it is opened.
  await core.client.students.create(STUDENT);
  await openRoom(core.client);
  await user.click(screen.getByRole('menuitem', { name: '日程' }));
  await home(user);
  expect(await screen.findByText('名册中有 1 名学生')).toBeInTheDocument();
  expect(await steps()).toEqual([
    ['calendar', '已完成'],
    ['rooms', '已完成'],
    ['roster', '已完成'],
    ['principal', '待完成'],
    ['backup', '待完成'],
  ]);

  await user.click(screen.getByRole('button', { name: '前往：校长账号' }));
  expect(await screen.findByRole('heading', { name: '用户' })).toBeInTheDocument();
  expect(screen.getByRole('menuitem', { name: '用户' })).toHaveClass('ant-menu-item-selected');

  // The backup step leads to 设置, where the backup folder is chosen and 立即备份 pressed.
  await home(user);
  await user.click(await screen.findByRole('button', { name: '前往：备份' }));
  expect(await screen.findByRole('heading', { name: '设置' })).toBeInTheDocument();

  // With every step done the list has done its job and leaves the home.
  await core.client.users.create({ username: 'xiaozhang', displayName: '李校长', role: 'principal', passphrase: 'principal-pass-1' });
  await home(user);
  expect(await steps()).toEqual([
    ['calendar', '已完成'],
    ['rooms', '已完成'],
    ['roster', '已完成'],
    ['principal', '已完成'],
    ['backup', '待完成'],
  ]);
  expect((await finished(core.client, await core.client.backup.start({}))).state).toBe('done');
  await user.click(screen.getByRole('menuitem', { name: '日程' }));
  await home(user);
  expect(await screen.findByText('进行中的个案（0）')).toBeInTheDocument();
  expect(screen.queryByRole('region', { name: '开始使用' })).not.toBeInTheDocument();
});

test('hidden from the home, shown again from 设置', async () => {
  const { user } = await openApp({ setup: true });
  await steps();
  await user.click(screen.getByRole('button', { name: '不再显示' }));
  await messageShown('入门清单已隐藏，可在“设置”中重新显示');
  expect(screen.queryByRole('region', { name: '开始使用' })).not.toBeInTheDocument();

  await user.click(screen.getByRole('menuitem', { name: '设置' }));
  await user.click(await screen.findByRole('button', { name: '重新显示入门清单' }));
  await messageShown('入门清单已在“我的个案”中显示');
  expect(await steps()).toHaveLength(5);
  expect(screen.getByRole('menuitem', { name: '我的个案' })).toHaveClass('ant-menu-item-selected');
});
