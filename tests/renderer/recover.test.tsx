// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { testClock } from '../helpers/counseling';
import { setupSchool } from '../helpers/inproc';
import { label, openApp } from './harness';

const NEW_PASS = 'Recovered-pass-2024';

test('忘记口令: the recovery key sets a new passphrase; errors land on their fields, repeated wrong keys are throttled; the new passphrase logs in', async () => {
  let recoveryKey = '';
  // The core's clock stands still: its backoff cannot run out while a busy machine types the next try.
  const clock = testClock();
  const { user } = await openApp({
    now: () => clock.now,
    prepare: async ({ client }) => {
      recoveryKey = await setupSchool(client);
      await client.auth.logout({});
    },
  });
  await user.click(await screen.findByRole('button', { name: '忘记口令？' }));
  expect(await screen.findByText('用恢复密钥重设口令')).toBeInTheDocument();
  const field = (name: string) => screen.getByLabelText(name).closest<HTMLElement>('.ant-form-item')!;
  // The button reads "loading 重设口令" while a try is under way; wait until it is back.
  const submit = async () => user.click(await screen.findByRole('button', { name: '重设口令' }));

  // A valid key but a username nobody has: the core names the username field.
  await user.type(await screen.findByLabelText('用户名'), 'nobody');
  await user.type(screen.getByLabelText('恢复密钥'), recoveryKey);
  await user.type(screen.getByLabelText('新口令'), NEW_PASS);
  await user.type(screen.getByLabelText('再次输入口令'), NEW_PASS);
  await submit();
  await waitFor(() => expect(field('用户名')).toHaveTextContent('要找的记录不存在或已被删除'));
  await user.clear(screen.getByLabelText('用户名'));
  await user.type(screen.getByLabelText('用户名'), 'wanglaoshi');

  // Wrong keys: refused on the key field; after the core's free tries it imposes a wait.
  for (const wrong of ['AAAA-BBBB', 'CCCC-DDDD', 'EEEE-FFFF']) {
    await user.clear(screen.getByLabelText('恢复密钥'));
    await user.type(screen.getByLabelText('恢复密钥'), wrong);
    await submit();
    await waitFor(() => expect(field('恢复密钥')).toHaveTextContent('恢复密钥不正确'));
  }
  await submit();
  await waitFor(() => expect(field('恢复密钥')).toHaveTextContent(/尝试次数过多，请 \d+ 秒后再试/));
  expect(screen.getByRole('button', { name: /秒后可重试/ })).toBeDisabled();

  clock.advanceHours(1 / 60);
  await user.clear(screen.getByLabelText('恢复密钥'));
  await user.type(screen.getByLabelText('恢复密钥'), recoveryKey);
  await submit();

  // Back on the login screen, told what happened, with the username filled in.
  expect(await screen.findByText('口令已重设，请用新口令登录。')).toBeInTheDocument();
  expect(screen.getByLabelText('用户名')).toHaveValue('wanglaoshi');
  await user.type(screen.getByLabelText('口令'), NEW_PASS);
  await user.click(screen.getByRole('button', { name: label('登录') }));
  expect(await screen.findByRole('menuitem', { name: '学生名册' })).toBeInTheDocument();
});

test('忘记口令 → 返回登录 comes back to the login form', async () => {
  const { user } = await openApp({ setup: true, prepare: async ({ client }) => void (await client.auth.logout({})) });
  await user.click(await screen.findByRole('button', { name: '忘记口令？' }));
  await user.click(await screen.findByRole('button', { name: '返回登录' }));
  expect(await screen.findByRole('button', { name: label('登录') })).toBeInTheDocument();
  expect(screen.queryByText('口令已重设，请用新口令登录。')).not.toBeInTheDocument();
});
