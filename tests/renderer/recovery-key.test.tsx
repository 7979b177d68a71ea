// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { setupSchool } from '../helpers/inproc';
import { findDialog, label, openApp, TEST_PASSPHRASE, openRoster, messageShown } from './harness';

const SHOWN_KEY = /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/;
const BANNER = '恢复密钥尚未核对';

/** Setup through the contract without the typing-back step, as when the window closed during it. */
async function openUnconfirmed() {
  let recoveryKey = '';
  const opened = await openApp({
    prepare: async ({ client }) => {
      recoveryKey = await setupSchool(client);
    },
  });
  const banner = (await screen.findByText(BANNER)).closest<HTMLElement>('.ant-alert')!;
  return { ...opened, banner, recoveryKey };
}

test('an unconfirmed recovery key leaves a calm banner over the app; 核对 with the paper key makes it go', async () => {
  const { core, user, banner, recoveryKey } = await openUnconfirmed();
  // A reminder, not an alarm: it is a status, and the roster under it works.
  expect(banner).toHaveAttribute('role', 'status');
  expect(banner).toHaveClass('ant-alert-warning');
  await openRoster(user);
  expect(await screen.findByText('名册里还没有学生')).toBeInTheDocument();

  await user.click(within(banner).getByRole('button', { name: label('核对') }));
  const dialog = await findDialog('核对恢复密钥');
  await user.type(within(dialog).getByLabelText('恢复密钥'), recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
  await user.click(within(dialog).getByRole('button', { name: label('核对') }));
  expect(await within(dialog).findByText('与恢复密钥不一致，请核对抄写内容')).toBeInTheDocument();
  expect(screen.getByText(BANNER)).toBeInTheDocument();

  await user.clear(within(dialog).getByLabelText('恢复密钥'));
  await user.type(within(dialog).getByLabelText('恢复密钥'), recoveryKey.toLowerCase());
  await user.click(within(dialog).getByRole('button', { name: label('核对') }));
  await messageShown('恢复密钥已核对');
  await waitFor(() => expect(screen.queryByText(BANNER)).not.toBeInTheDocument());
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect((await core.client.app.status({})).recoveryKeyConfirmed).toBe(true);
});

test('重新生成: the passphrase issues a new key shown once, the old paper key stops working, typing the new one back clears the banner', async () => {
  const { core, user, banner, recoveryKey: oldKey } = await openUnconfirmed();
  await user.click(within(banner).getByRole('button', { name: '重新生成' }));
  const dialog = await findDialog('重新生成恢复密钥');
  expect(dialog).toHaveTextContent('旧的恢复密钥（抄写或打印在纸上的那份）立即失效');

  // A wrong passphrase is refused on its field, and nothing is issued.
  await user.type(within(dialog).getByLabelText('你的口令'), 'not my passphrase');
  await user.click(within(dialog).getByRole('button', { name: '生成新的恢复密钥' }));
  expect(await within(dialog).findByText('用户名或口令不正确')).toBeInTheDocument();
  expect(within(dialog).queryByRole('group')).not.toBeInTheDocument();

  await user.clear(within(dialog).getByLabelText('你的口令'));
  await user.type(within(dialog).getByLabelText('你的口令'), TEST_PASSPHRASE);
  await user.click(within(dialog).getByRole('button', { name: '生成新的恢复密钥' }));
  // The same display as in setup: printable groups, and the one-time warning.
  const shown = await within(dialog).findByRole('group', { name: SHOWN_KEY });
  const newKey = shown.getAttribute('aria-label')!;
  expect(newKey).not.toBe(oldKey);
  expect(within(shown).getAllByText(/^[0-9A-Z]{4}$/)).toHaveLength(8);
  expect(dialog).toHaveTextContent('恢复密钥（只显示这一次）');
  expect(document.body.querySelector(':scope > .recovery-print')).toHaveTextContent(newKey.replaceAll('-', ''));
  expect(await core.client.auth.checkRecoveryKey({ recoveryKey: oldKey })).toEqual({ valid: false });

  // Typed back as in setup; the old key is refused there too.
  await user.click(within(dialog).getByRole('button', { name: '我已抄写并妥善保管' }));
  await user.type(within(dialog).getByLabelText('恢复密钥'), oldKey);
  await user.click(within(dialog).getByRole('button', { name: label('确认') }));
  expect(await within(dialog).findByText('与恢复密钥不一致，请核对抄写内容')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: '返回再看一次' }));
  expect(within(dialog).getByRole('group', { name: newKey })).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: '我已抄写并妥善保管' }));
  await user.type(within(dialog).getByLabelText('恢复密钥'), newKey);
  await user.click(within(dialog).getByRole('button', { name: label('确认') }));

  await waitFor(() => expect(screen.queryByText(BANNER)).not.toBeInTheDocument());
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect((await core.client.app.status({})).recoveryKeyConfirmed).toBe(true);
});

test('设置 → 恢复密钥: a confirmed key can be reissued; leaving before typing the new one back brings the banner', async () => {
  const { core, user } = await openApp({
    prepare: async ({ client }) => {
      const key = await setupSchool(client);
      await client.auth.checkRecoveryKey({ recoveryKey: key });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '设置' }));
  const section = (await screen.findByText('恢复密钥', { selector: '.ant-card-head-title' })).closest<HTMLElement>('.ant-card')!;
  expect(screen.queryByText(BANNER)).not.toBeInTheDocument();

  await user.click(within(section).getByRole('button', { name: '重新生成恢复密钥' }));
  const dialog = await findDialog('重新生成恢复密钥');
  // The dialog says what happens to the paper key before anything is issued.
  expect(dialog).toHaveTextContent('旧的恢复密钥（抄写或打印在纸上的那份）立即失效，请将其销毁');
  await user.type(within(dialog).getByLabelText('你的口令'), TEST_PASSPHRASE);
  await user.click(within(dialog).getByRole('button', { name: '生成新的恢复密钥' }));
  await within(dialog).findByRole('group', { name: SHOWN_KEY });

  // Closed with the key unconfirmed: the core says so, and so does the banner.
  await user.click(within(dialog).getByRole('button', { name: '关闭' }));
  expect(await screen.findByText(BANNER)).toBeInTheDocument();
  expect((await core.client.app.status({})).recoveryKeyConfirmed).toBe(false);
});
