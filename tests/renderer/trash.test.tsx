// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { filledDraft, openCase, STUDENT, testClock } from '../helpers/counseling';
import { useNav } from '../../renderer/src/stores/nav';
import { findDialog, label, messageShown, openApp, TEST_PASSPHRASE } from './harness';

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

test('a draft record and a home-school contact are deleted from their own pages with a reason, and come back from 回收站', async () => {
  let recordId = '';
  let contactId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      recordId = (await filledDraft(client, (await openCase(client, s.id)).id)).id;
      contactId = (await client.contacts.create({ studentId: s.id, contactDate: '2025-03-10', withKind: 'guardian', channel: 'phone', summary: '与母亲电话沟通作息。' })).id;
    },
  });
  await screen.findByRole('menuitem', { name: '回收站' });
  for (const [kind, id, button, title, reason, done] of [
    ['record', recordId, '删除草稿', '删除这份记录草稿？', '写错了学生', '草稿已移入回收站'],
    ['contact', contactId, '删除', '删除这条家校沟通？', '重复录入', '家校沟通已移入回收站'],
  ] as const) {
    act(() => useNav.getState().reset());
    act(() => useNav.getState().open({ kind, id }));
    await user.click(await screen.findByRole('button', { name: label(button) }));
    const dialog = await findDialog(title);
    await user.type(within(dialog).getByLabelText('删除原因'), reason);
    await user.click(within(dialog).getByRole('button', { name: label('删除') }));
    await messageShown(done);
    await waitFor(() => expect(useNav.getState().stack).toEqual([]));
  }
  expect((await core.client.archive.timeline({ studentId: (await core.client.students.list({})).items[0]!.id })).items.map((e) => e.kind)).toEqual(['caseOpened']);

  await user.click(screen.getByRole('menuitem', { name: '回收站' }));
  const recordRow = (await screen.findByText('写错了学生')).closest('tr')!;
  expect(recordRow).toHaveTextContent('记录草稿');
  const contactRow = screen.getByText('重复录入').closest('tr')!;
  expect(contactRow).toHaveTextContent('家校沟通');
  await user.click(within(recordRow).getByRole('button', { name: label('恢复') }));
  await messageShown('已恢复');
  await user.click(within(await screen.findByText('重复录入').then((n) => n.closest('tr')!)).getByRole('button', { name: label('恢复') }));
  expect(await screen.findByText('回收站是空的')).toBeInTheDocument();
  expect((await core.client.records.get({ id: recordId })).signedAt).toBeNull();
  expect((await core.client.contacts.get({ id: contactId })).summary).toBe('与母亲电话沟通作息。');
});
