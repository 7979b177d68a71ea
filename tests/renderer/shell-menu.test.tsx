// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { applyLanguage } from '../../renderer/src/i18n';
import { openCase, STUDENT } from '../helpers/counseling';
import { findDialog, label, menuEntryNames, openApp } from './harness';

/** The menu as the user reads it: each group's title and its entries, in order. */
function menuOutline(): string[][] {
  const nav = screen.getByRole('navigation');
  return [...nav.querySelectorAll('.ant-menu-item-group')].map((g) => [
    g.querySelector('.ant-menu-item-group-title')!.textContent!,
    ...menuEntryNames(g as HTMLElement),
  ]);
}

function selected(): string[] {
  return [...screen.getByRole('navigation').querySelectorAll('.ant-menu-item-selected')].map((i) => i.getAttribute('data-menu-id')!.replace(/^.*-/, ''));
}

test('the counselor’s menu is grouped by what they are doing; the assessment entries say what each is for', async () => {
  const { user } = await openApp({ setup: true });
  await screen.findByRole('heading', { name: '我的个案' });
  // Crisis, statistics, the district report and the compliance evidence joined the groups they belong to.
  expect(menuOutline()).toEqual([
    ['工作台', '我的个案', '危机干预', '日程'],
    ['学生', '学生名册', '全文检索'],
    ['测评', '测评施测', '心理普测', '量表库'],
    ['团体与培训', '团体活动', '培训登记'],
    ['报告', '统计报表', '上报区教育局'],
    ['管理', '活动室与开放时间', '用户', '审计日志', '回收站', '自查材料', '设置'],
  ]);
  // The hint is the entry's description, not part of its name.
  const administer = screen.getByRole('menuitem', { name: '测评施测' });
  expect(administer).toHaveAccessibleDescription('为一名学生当场施测一份量表');
  expect(selected()).toEqual(['caseload']);

  // The keyboard walk needs layout (rc-menu skips what it sees as invisible), so the e2e does it.
  await user.click(screen.getByRole('menuitem', { name: '心理普测' }));
  expect(await screen.findByRole('heading', { name: '心理普测' })).toBeInTheDocument();
  expect(selected()).toEqual(['campaigns']);

  await applyLanguage('en');
  expect(await screen.findByRole('menuitem', { name: 'My caseload' })).toBeInTheDocument();
  expect(menuOutline().map((g) => g[0])).toEqual(['Desk', 'Students', 'Assessment', 'Groups and training', 'Reports', 'Administration']);
});

test('inside a case the menu highlights 我的个案, not the roster it was opened from; the menu leads back to the page itself', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      await openCase(client, s.id);
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '学生名册' }));
  expect(selected()).toEqual(['roster']);
  await user.click(await screen.findByText(STUDENT.name));
  const drawer = await findDialog(`学生档案：${STUDENT.name}`);
  await user.click(await within(drawer).findByRole('button', { name: label('查看') }));
  expect(await screen.findByRole('heading', { name: `个案：${STUDENT.name}` })).toBeInTheDocument();
  expect(selected()).toEqual(['caseload']);

  await user.click(screen.getByRole('menuitem', { name: '学生名册' }));
  expect(await screen.findByText(STUDENT.name)).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: `个案：${STUDENT.name}` })).not.toBeInTheDocument();
  expect(selected()).toEqual(['roster']);
});

test('lists and labels in running text follow the language: 、 and ： in Chinese, a comma and a colon in English', async () => {
  await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      await openCase(client, s.id);
    },
  });
  // The caseload's card: its problems as a list, its last session as a label and a value.
  expect(await screen.findByText('学业、情绪')).toBeInTheDocument();
  expect(screen.getByText('最近会谈：尚无会谈')).toBeInTheDocument();
  await applyLanguage('en');
  expect(await screen.findByText('Study, Emotions')).toBeInTheDocument();
  expect(screen.getByText('Last session: No session yet')).toBeInTheDocument();
  expect(document.body).not.toHaveTextContent(/[、：]/);
});

test('a two-character Chinese button reads as one word, without the space antd would insert', async () => {
  await openApp({ setup: true });
  await screen.findByRole('heading', { name: '我的个案' });
  expect(screen.getByRole('button', { name: '锁定' })).toHaveTextContent(/^锁定$/);
});
