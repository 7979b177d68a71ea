// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { findDialog, label, openApp, messageShown } from './harness';

const COLLEAGUE = { username: 'zhaolaoshi', displayName: '赵老师', role: 'counselor' } as const;
const OWN = 'zhao-own-passphrase';
const RESET = 'reset-initial-2024';

test('用户 → 重设口令: a colleague gets a new initial passphrase and must replace it at the next login', async () => {
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client, connect }) => {
      // A colleague who had long since chosen their own passphrase, and then forgot it.
      await client.users.create({ ...COLLEAGUE, passphrase: 'first-initial-2024' });
      const other = connect().client;
      await other.auth.login({ username: COLLEAGUE.username, passphrase: 'first-initial-2024' });
      await other.auth.changePassphrase({ current: 'first-initial-2024', next: OWN });
      await other.auth.logout({});
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '用户' }));
  // (Rows by text: role queries over the whole shell are slow in jsdom.)
  const row = (await screen.findByText(COLLEAGUE.username)).closest('tr')!;
  // One's own passphrase is changed in 设置: no reset on one's own row.
  // Nor a role change or 停用: the only counselor could lock everyone out of the records with one click.
  const own = within(screen.getByText('wanglaoshi').closest('tr')!);
  for (const button of ['重设口令', '改为校长', label('停用')]) expect(own.queryByText(button)).not.toBeInTheDocument();
  expect(within(row).getByText(label('停用'))).toBeInTheDocument();
  expect(screen.getByRole('switch', { name: '校长可以修改活动室和开放时间' })).toBeChecked();

  await user.click(within(row).getByText('重设口令'));
  const dialog = await findDialog('为 赵老师 重设口令');
  expect(dialog).toHaveTextContent('赵老师 下次登录时，必须先把这个初始口令改成只有自己知道的口令');
  // The colleague's own username is refused as it is typed, and so is a short one.
  await user.type(within(dialog).getByLabelText('初始口令'), 'zhaolaoshi2025');
  expect(await within(dialog).findByText('口令里含有用户名或姓名（包括拼音），请不要使用')).toBeInTheDocument();
  expect(within(dialog).getByRole('button', { name: '重设口令' })).toBeDisabled();
  await user.clear(within(dialog).getByLabelText('初始口令'));
  await user.type(within(dialog).getByLabelText('初始口令'), 'too short');
  expect(await within(dialog).findByText('口令太短：至少 10 个字符')).toBeInTheDocument();
  expect(within(dialog).getByRole('button', { name: '重设口令' })).toBeDisabled();

  await user.clear(within(dialog).getByLabelText('初始口令'));
  await user.type(within(dialog).getByLabelText('初始口令'), RESET);
  await user.type(within(dialog).getByLabelText('再次输入口令'), 'something else');
  await user.click(within(dialog).getByRole('button', { name: '重设口令' }));
  expect(await within(dialog).findByText('两次输入的口令不一致')).toBeInTheDocument();
  await user.clear(within(dialog).getByLabelText('再次输入口令'));
  await user.type(within(dialog).getByLabelText('再次输入口令'), RESET);
  await user.click(within(dialog).getByRole('button', { name: '重设口令' }));
  await messageShown('已为 赵老师 重设口令');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  // The forgotten passphrase no longer opens the archive.
  await expect(core.connect().client.auth.login({ username: COLLEAGUE.username, passphrase: OWN })).rejects.toMatchObject({ messageKey: 'errors.auth.failed' });

  // The colleague logs in with the new initial passphrase: only the change screen opens.
  await user.click(screen.getByRole('button', { name: '退出登录' }));
  await user.type(await screen.findByLabelText('用户名'), COLLEAGUE.username);
  await user.type(screen.getByLabelText('口令'), RESET);
  await user.click(screen.getByRole('button', { name: label('登录') }));
  expect(await screen.findByText('请先把口令改成只有自己知道的新口令：当前口令是同事为你设置的初始口令，或者强度不够。')).toBeInTheDocument();
  expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  await user.type(screen.getByLabelText('当前口令'), RESET);
  await user.type(screen.getByLabelText('新口令'), 'zhao-new-own-2024');
  await user.type(screen.getByLabelText('再次输入口令'), 'zhao-new-own-2024');
  await user.click(screen.getByRole('button', { name: '修改口令' }));
  expect(await screen.findByRole('menuitem', { name: '学生名册' })).toBeInTheDocument();
});
