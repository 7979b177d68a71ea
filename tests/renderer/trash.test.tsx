// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { filledDraft, openCase, STUDENT, testClock } from '../helpers/counseling';
import { findDialog, label, openApp, TEST_PASSPHRASE } from './harness';

test('the trash restores a deleted case, and erases one past the retention only after a confirmation', async () => {
  const clock = testClock();
  let restoreId = '';
  let purgeId = '';
  const { core, user } = await openApp({
    setup: true,
    now: () => clock.now,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      purgeId = (await openCase(client, s.id)).id;
      await filledDraft(client, purgeId);
      await client.cases.remove({ id: purgeId, reason: '重复建档' });
      await client.settings.update({ trashRetentionDays: 1 });
      clock.advanceHours(30);
      await client.auth.unlock({ passphrase: TEST_PASSPHRASE });
      restoreId = (await openCase(client, s.id)).id;
      await client.cases.remove({ id: restoreId, reason: '开错了学生' });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '回收站' }));
  expect(await screen.findByText('误删的个案、记录草稿和家校沟通在这里保留 1 天，可随时恢复；期满后可永久清除。')).toBeInTheDocument();
  const restoreRow = screen.getByText('开错了学生').closest('tr')!;
  const purgeRow = screen.getByText('重复建档').closest('tr')!;
  expect(purgeRow).toHaveTextContent('已满保留期');
  expect(purgeRow).toHaveTextContent('（含 1 条记录）');
  expect(restoreRow).not.toHaveTextContent('已满保留期');

  await user.click(within(restoreRow).getByRole('button', { name: label('恢复') }));
  expect(await screen.findByText('已恢复')).toBeInTheDocument();
  expect((await core.client.cases.get({ id: restoreId })).status).toBe('open');

  await user.click(screen.getByRole('button', { name: '永久清除已满期的 1 项' }));
  const confirm = await findDialog('永久清除 1 项？');
  expect(confirm).toHaveTextContent('无法恢复');
  await user.click(within(confirm).getByRole('button', { name: label('永久清除') }));
  expect(await screen.findByText('回收站是空的')).toBeInTheDocument();
  expect((await core.client.audit.list({ action: 'trash.purge' })).items[0]!.details).toMatchObject({ cases: 1, records: 1, caseIds: [purgeId] });
});
