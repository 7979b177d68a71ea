// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useSession } from '../../renderer/src/stores/session';
import { label, openApp } from './harness';

test('start-up asks app.status once: the window entry and the first screen both ask, and share one answer', async () => {
  const { calls } = await openApp({ setup: true, prepare: async (core) => void (await core.client.auth.logout({})) });
  // The first screen has asked (rendering did); the window entry's ask (main.tsx) must share that answer.
  void useSession.getState().start();
  expect(await screen.findByRole('button', { name: label('登录') })).toBeEnabled();
  expect(calls.filter((m) => m === 'app.status')).toHaveLength(1);
});

test('an archive that cannot be opened says why, and 重试 asks again and reaches the login', async () => {
  let broken = true;
  const { user } = await openApp({
    setup: true,
    prepare: async (core) => void (await core.client.auth.logout({})),
    intercept: (next) => async (method, input) =>
      broken && method === 'app.status' ? { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.db.corrupt' } } : next(method, input),
  });
  expect(await screen.findByText('无法打开心理辅导室档案')).toBeInTheDocument();
  expect(screen.getByText('数据文件已损坏，请从备份恢复')).toBeInTheDocument();
  broken = false;
  await user.click(screen.getByRole('button', { name: label('重试') }));
  expect(await screen.findByRole('button', { name: label('登录') })).toBeEnabled();
});
