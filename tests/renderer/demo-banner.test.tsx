// @vitest-environment jsdom
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { DEMO_MARKER } from '../../electron/platform/demo-folder';
import { label, openApp, openRoster, TEST_PASSPHRASE } from './harness';

const BANNER = '演示数据';

test('a demo folder shows 演示数据 from the login screen on, and still inside the app', async () => {
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client, dataDir }) => {
      writeFileSync(join(dataDir, DEMO_MARKER), 'demo');
      await client.auth.logout({});
    },
  });
  await screen.findByLabelText('用户名');
  const banner = screen.getByText(BANNER).closest<HTMLElement>('.ant-alert')!;
  expect(banner).toHaveAttribute('role', 'status');
  expect(banner).toHaveTextContent('请勿在此录入真实学生信息');
  // Above every screen's own landmarks, so a landmark of its own (axe's region rule).
  expect(screen.getByRole('region', { name: BANNER })).toContainElement(banner);

  await user.type(screen.getByLabelText('用户名'), 'wanglaoshi');
  await user.type(screen.getByLabelText('口令'), TEST_PASSPHRASE);
  await user.click(screen.getByRole('button', { name: label('登录') }));
  await openRoster(user);
  expect(await screen.findByText('名册里还没有学生')).toBeInTheDocument();
  expect(screen.getByText(BANNER)).toBeInTheDocument();
  expect((await core.client.app.status({})).demo).toBe(true);
});

test('an ordinary archive folder shows no demo banner', async () => {
  await openApp({ setup: true });
  await screen.findByText('心理辅导室工作台');
  expect(screen.queryByText(BANNER)).not.toBeInTheDocument();
});
