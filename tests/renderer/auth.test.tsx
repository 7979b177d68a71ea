// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useSession } from '../../renderer/src/stores/session';
import { testClock } from '../helpers/counseling';
import { label, openApp, TEST_PASSPHRASE } from './harness';

test('login: a wrong passphrase says so, repeated failures show the wait the core imposes, the right one opens the app', async () => {
  // The core's clock stands still: its backoff cannot run out while a busy machine types the next try.
  const clock = testClock();
  const { core, user } = await openApp({ setup: true, now: () => clock.now });
  await core.client.auth.logout({});
  // The button reads "loading 登 录" while a try is under way; wait until it is back.
  const submit = async () => user.click(await screen.findByRole('button', { name: label('登录') }));

  await user.type(await screen.findByLabelText('用户名'), 'wanglaoshi');
  // The eye that shows the typed passphrase is named in Chinese, not after its icon.
  expect(screen.getByRole('img', { name: '显示输入的内容' })).toBeInTheDocument();
  await user.type(screen.getByLabelText('口令'), 'not the passphrase');
  await submit();
  expect(await screen.findByRole('alert')).toHaveTextContent('用户名或口令不正确');

  // The core's backoff: two free tries, the third failure imposes a wait, the next try is refused.
  for (const wrong of ['still not it', 'nor this one', 'one more guess']) {
    await user.type(screen.getByLabelText('口令'), wrong);
    await submit();
  }
  expect(await screen.findByText(/尝试次数过多，请 \d+ 秒后再试/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: /秒后可重试/ })).toBeDisabled();

  clock.advanceHours(1 / 60);
  await user.type(screen.getByLabelText('口令'), TEST_PASSPHRASE);
  await submit();
  expect(await screen.findByRole('menuitem', { name: '学生名册' })).toBeInTheDocument();
});

test('lock screen: names the user, unlocks with the passphrase, and 切换用户 logs out', async () => {
  const { user } = await openApp({ setup: true });
  await user.click(await screen.findByRole('button', { name: label('锁定') }));

  expect(await screen.findByText('王老师，请输入口令解锁。')).toBeInTheDocument();
  expect(screen.queryByRole('menuitem', { name: '学生名册' })).not.toBeInTheDocument();
  await user.type(screen.getByLabelText('口令'), TEST_PASSPHRASE);
  await user.click(screen.getByRole('button', { name: label('解锁') }));
  expect(await screen.findByRole('menuitem', { name: '学生名册' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: label('锁定') }));
  await user.click(await screen.findByRole('button', { name: '切换用户' }));
  expect(await screen.findByLabelText('用户名')).toBeInTheDocument();
});

test('a call refused for a pending passphrase change leads to the change screen, not the login screen', async () => {
  const initial = 'initial-pass-2024';
  const { core, user, calls } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await client.users.create({ username: 'zhaolaoshi', displayName: '赵老师', passphrase: initial, role: 'counselor' });
      await client.auth.logout({});
      await client.auth.login({ username: 'zhaolaoshi', passphrase: initial });
    },
  });
  const mustChange = '请先把口令改成只有自己知道的新口令：当前口令是同事为你设置的初始口令，或者强度不够。';
  expect(await screen.findByText(mustChange)).toBeInTheDocument();

  // A status read before the flag was set: the shell opens, and its first call is refused.
  const status = await core.client.app.status({});
  expect(calls).not.toContain('settings.get');
  useSession.setState({ phase: 'unlocked', status: { ...status, user: { ...status.user!, mustChangePassphrase: false } } });
  await waitFor(() => expect(calls).toContain('settings.get'));
  await waitFor(() => expect(screen.getByText(mustChange)).toBeInTheDocument());
  expect(screen.queryByLabelText('用户名')).not.toBeInTheDocument();
  expect(useSession.getState().phase).toBe('changePassphrase');

  // The way out that needs no change: 退出登录 is among the calls still answered.
  await user.click(screen.getByRole('button', { name: '退出登录' }));
  expect(await screen.findByLabelText('用户名')).toBeInTheDocument();
});

test('a login that takes long (the first after a start checks every page) says what it waits for, and the note goes with it', async () => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const { core, user } = await openApp({
    setup: true,
    intercept: (next) => async (method, input) => {
      if (method === 'auth.login') await held;
      return next(method, input);
    },
  });
  await core.client.auth.logout({});
  await user.type(await screen.findByLabelText('用户名'), 'wanglaoshi');
  await user.type(screen.getByLabelText('口令'), TEST_PASSPHRASE);
  await user.click(screen.getByRole('button', { name: label('登录') }));
  expect(await screen.findByRole('status')).toHaveTextContent('程序启动后第一次登录会逐页检查档案');
  release();
  expect(await screen.findByRole('menuitem', { name: '学生名册' })).toBeInTheDocument();
  expect(screen.queryByText(/逐页检查档案/)).not.toBeInTheDocument();
});
