// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { label, openApp, TEST_PASSPHRASE } from './harness';

test('login: a wrong passphrase says so, repeated failures show the wait the core imposes, the right one opens the app', async () => {
  const { core, user } = await openApp({ setup: true });
  await core.client.auth.logout({});
  // The button reads "loading 登 录" while a try is under way; wait until it is back.
  const submit = async () => user.click(await screen.findByRole('button', { name: label('登录') }, { timeout: 5000 }));

  await user.type(await screen.findByLabelText('用户名'), 'wanglaoshi');
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
