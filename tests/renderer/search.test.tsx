// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { RANK_WINDOW } from '../../electron/services/counseling/search-repo';
import { filledDraft, openCase, STUDENT } from '../helpers/counseling';
import { openApp } from './harness';

test('a word in more notes than the ranking window: the search page says only the most recent are ranked and asks for another word', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      const c = await openCase(client, s.id);
      for (let i = 0; i <= RANK_WINDOW; i++) await filledDraft(client, c.id, { mainProblem: i === 0 ? '学生失眠两周' : `学生第 ${i} 次来访，焦虑` });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '全文检索' }));
  await user.type(await screen.findByRole('searchbox', { name: '全文检索' }), '学生');
  expect(await screen.findByText(`匹配超过 ${RANK_WINDOW} 条，只排序了最近写的 ${RANK_WINDOW} 条；请再加一个词缩小范围`)).toBeInTheDocument();
  expect(screen.getByText(`共 ${RANK_WINDOW} 条`)).toBeInTheDocument();

  // A word in fewer notes than that ranks them all, without the notice.
  await user.clear(screen.getByRole('searchbox', { name: '全文检索' }));
  await user.type(screen.getByRole('searchbox', { name: '全文检索' }), '失眠');
  expect(await screen.findByText('共 1 条')).toBeInTheDocument();
  expect(screen.queryByText(/匹配超过/)).toBeNull();
}, 120_000);
