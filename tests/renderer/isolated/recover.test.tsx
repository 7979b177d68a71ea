// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { testClock } from '../../helpers/counseling';
import { setupSchool } from '../../helpers/inproc';
import { label, openApp, toastsSoFar } from '../harness';

const NEW_PASS = 'Recovered-pass-2024';

test('忘记口令: the recovery key sets a new passphrase; errors land on their fields, repeated wrong keys are throttled; the new passphrase logs in', async () => {
  let recoveryKey = '';
  // The core's clock stands still: its backoff cannot run out while a busy machine types the next try.
  const clock = testClock();
  const { user, calls } = await openApp({
    now: () => clock.now,
    prepare: async ({ client }) => {
      recoveryKey = await setupSchool(client);
      await client.auth.logout({});
    },
  });
  await user.click(await screen.findByRole('button', { name: '忘记口令？' }));
  expect(await screen.findByText('用恢复密钥重设口令')).toBeInTheDocument();
  const field = (name: string) => screen.getByLabelText(name).closest<HTMLElement>('.ant-form-item')!;
  // The button reads "loading 重设口令" while a try is under way, and stays disabled until the new
  // passphrase's strength has been judged (its estimator loads on first use): wait until it can be pressed.
  const submit = async () => {
    const button = await screen.findByRole('button', { name: '重设口令' });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
  };

  // The form opens with the keys in the recovery key field (autofocus, after the form has drawn):
  // typing elsewhere before that would lose the rest of the word to it.
  await waitFor(() => expect(screen.getByLabelText('恢复密钥')).toHaveFocus());
  // A valid key but an account nobody has: the core names the account field.
  await user.type(screen.getByLabelText('用户名或姓名'), 'nobody');
  await user.type(screen.getByLabelText('恢复密钥'), recoveryKey);
  await user.type(screen.getByLabelText('新口令'), NEW_PASS);
  await user.type(screen.getByLabelText('再次输入口令'), NEW_PASS);
  await submit();
  await waitFor(() =>
    expect(field('用户名或姓名'), `calls ${calls.join(' ')}; toasts ${toastsSoFar()}`).toHaveTextContent('没有这个用户名或姓名的账号'),
  );
  // The departed colleague as everyone knows her: by her name, not her username.
  await user.clear(screen.getByLabelText('用户名或姓名'));
  await user.type(screen.getByLabelText('用户名或姓名'), '王老师');

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
  // The key was just shown to work: no reminder to check it.
  expect(screen.queryByText('恢复密钥尚未核对')).toBeNull();
});

test('忘记口令: once the recovery key is proven, the accounts are listed to choose from', async () => {
  let recoveryKey = '';
  const { user } = await openApp({
    prepare: async ({ client }) => {
      recoveryKey = await setupSchool(client);
      await client.users.create({ username: 'linjing', displayName: '林静', role: 'counselor', passphrase: 'initial-pass-2024' });
      await client.auth.logout({});
    },
  });
  await user.click(await screen.findByRole('button', { name: '忘记口令？' }));
  await user.type(await screen.findByLabelText('恢复密钥'), recoveryKey);
  await user.click(screen.getByRole('button', { name: '列出账号' }));
  const accounts = await screen.findByRole('radiogroup', { name: '恢复密钥正确，选择要重设口令的账号：' });
  await user.click(within(accounts).getByRole('radio', { name: '林静（linjing · 心理教师）' }));
  expect(screen.getByLabelText('用户名或姓名')).toHaveValue('linjing');
});

test('忘记口令 → 返回登录 comes back to the login form', async () => {
  const { user } = await openApp({ setup: true, prepare: async ({ client }) => void (await client.auth.logout({})) });
  await user.click(await screen.findByRole('button', { name: '忘记口令？' }));
  await user.click(await screen.findByRole('button', { name: '返回登录' }));
  expect(await screen.findByRole('button', { name: label('登录') })).toBeInTheDocument();
  expect(screen.queryByText('口令已重设，请用新口令登录。')).not.toBeInTheDocument();
});
