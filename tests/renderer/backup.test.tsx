// @vitest-environment jsdom
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { expect, onTestFinished, test } from 'vitest';
import { filesIn, finished } from '../helpers/backup';
import { findDialog, label, messageShown, openApp, TEST_PASSPHRASE } from './harness';

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'counselroom-backup-ui-'));
  onTestFinished(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

test('the counselor’s home warns when there is no recent backup, and backing up from there clears the warning', async () => {
  const { core, user } = await openApp({ setup: true });
  const card = await screen.findByTestId('backup-home');
  expect(await within(card).findByText('还没有备份过')).toBeInTheDocument();
  expect(card).toHaveTextContent('已超过 3 天没有备份。这台电脑一旦损坏，所有档案都会丢失。');
  expect(card).toHaveTextContent('尚未选择备份文件夹，无法每天自动备份。');

  await user.click(within(card).getByRole('button', { name: '立即备份' }));
  expect(await within(card).findByText(/^上次备份：/)).toBeInTheDocument();
  const [made] = (await core.client.backup.list({})).items;
  await messageShown(`备份完成：${made!.name}`);
  expect(card).not.toHaveTextContent('已超过 3 天没有备份');
});

test('设置 → 备份: choose the folder, back up, verify, and restore into a new folder', async () => {
  const folder = tempDir();
  const target = join(tempDir(), 'restored');
  const { core, user } = await openApp({ setup: true });
  await user.click(await screen.findByRole('menuitem', { name: '设置' }));
  const section = (await screen.findByText('备份文件夹')).closest('.ant-card') as HTMLElement;

  await user.type(within(section).getByLabelText('备份文件夹'), folder);
  const age = within(section).getByLabelText('超过几天没有备份时提醒');
  await user.clear(age);
  await user.type(age, '5');
  await user.click(within(section).getByRole('button', { name: label('保存') }));
  await messageShown('备份设置已保存');
  expect(await core.client.backup.status({})).toMatchObject({ folder, maxAgeDays: 5 });

  await user.click(within(section).getByRole('button', { name: '立即备份' }));
  const row = (await within(section).findByText('手动')).closest('tr')!;
  // Only the manual one: the core's sweep may add the day's automatic backup on a slow machine.
  const manual = filesIn(folder).filter((n) => n.startsWith('counselroom-manual-'));
  expect(manual).toHaveLength(1);

  await user.click(within(row).getByRole('button', { name: label('校验') }));
  const verified = await core.client.backup.verify({ file: join(folder, manual[0]!) });
  await messageShown(`备份完好：${verified.tables.length} 张表全部通过检查，审计记录 ${verified.auditRows} 条`);

  await user.click(within(row).getByRole('button', { name: '恢复到新文件夹' }));
  const dialog = await findDialog('把备份恢复到新的数据文件夹');
  expect(dialog).toHaveTextContent('恢复不会改动当前档案');
  await user.type(within(dialog).getByLabelText('新的数据文件夹（必须为空）'), target);
  await user.click(within(dialog).getByRole('button', { name: '恢复到新文件夹' }));
  await messageShown(`已恢复到 ${target}`);
  expect(filesIn(target)).toEqual(['counselroom.db', 'keyslots.json']);
  // The live archive was backed up before the restore.
  expect(filesIn(folder).filter((n) => n.startsWith('counselroom-before-'))).toHaveLength(1);
});

test('a damaged archive at login: the message names the latest backup and how to restore it', async () => {
  const folder = tempDir();
  let db = '';
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client, dataDir }) => {
      await client.backup.configure({ folder, maxAgeDays: 3 });
      await finished(client, await client.backup.start({}));
      db = join(dataDir, 'counselroom.db');
    },
  });
  await user.click(await screen.findByRole('button', { name: label('退出登录') }));
  const name = await screen.findByLabelText('用户名');
  // Damaged while closed, as a failing disk would leave it.
  const bytes = readFileSync(db);
  for (let i = 4096 * 3 + 100; i < 4096 * 3 + 140; i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(db, bytes);
  await user.type(name, 'wanglaoshi');
  await user.type(screen.getByLabelText('口令'), TEST_PASSPHRASE);
  await user.click(screen.getByRole('button', { name: label('登录') }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('数据文件已损坏，请从备份恢复');
  expect(alert).toHaveTextContent(`最新的备份：${join(folder, 'counselroom-')}`);
  expect(alert).toHaveTextContent('counselroom backup restore');
});
