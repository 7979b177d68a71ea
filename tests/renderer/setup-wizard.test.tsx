// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { label, openApp } from './harness';

test('first run: school, counselor account, recovery key shown once and typed back before the app opens', async () => {
  const { user } = await openApp();
  expect(await screen.findByText('初始设置')).toBeInTheDocument();

  // Step 1 is checked with the contract's schoolProfile schema before moving on.
  await user.click(screen.getByRole('button', { name: '下一步' }));
  await waitFor(() => expect(screen.getAllByText('此项必填')).toHaveLength(4));
  expect(screen.getByText('至少选择 1 项')).toBeInTheDocument();
  await user.type(screen.getByLabelText('学校名称'), '示例市第一中学');
  await user.type(screen.getByLabelText('学校代码'), '3301020001');
  await user.click(screen.getByRole('checkbox', { name: '初中' }));
  await user.type(screen.getByLabelText('在校学生数'), '1200');
  await user.type(screen.getByLabelText('所属区县'), '示例区');
  await user.click(screen.getByRole('button', { name: '下一步' }));

  // Step 2: the passphrase is judged as it is typed, by the same check the core runs; weak, it cannot go on.
  await user.type(await screen.findByLabelText('用户名'), 'wanglaoshi');
  await user.type(screen.getByLabelText('姓名'), '王老师');
  const next = screen.getByRole('button', { name: '下一步' });
  const verdicts: [string, string][] = [
    ['short', '口令太短：至少 10 个字符'],
    ['1234567890', '口令太常见：是常用口令或常用词组合，很容易被猜到'],
    ['wanglaoshi2024', '口令里含有用户名或姓名（包括拼音），请不要使用'],
    // The school's name from step 1, as pinyin.
    ['shilishidiyizhongxue', '口令里含有学校名称（包括拼音或拼音首字母），请不要使用'],
  ];
  for (const [typed, reason] of verdicts) {
    await user.clear(screen.getByLabelText('口令'));
    await user.type(screen.getByLabelText('口令'), typed);
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(screen.getByText('弱')).toBeInTheDocument();
    expect(next).toBeDisabled();
  }
  await user.clear(screen.getByLabelText('口令'));
  await user.type(screen.getByLabelText('口令'), 'Lantern-river-42');
  expect(screen.getByText('强')).toBeInTheDocument();
  expect(screen.queryByText(/^口令太/)).not.toBeInTheDocument();
  await user.type(screen.getByLabelText('再次输入口令'), 'different');
  await user.click(next);
  expect(await screen.findByText('两次输入的口令不一致')).toBeInTheDocument();
  await user.clear(screen.getByLabelText('再次输入口令'));
  await user.type(screen.getByLabelText('再次输入口令'), 'Lantern-river-42');
  await user.click(screen.getByRole('button', { name: '下一步' }));

  // Step 3 creates the archive and shows the key in printable groups.
  await user.click(await screen.findByRole('button', { name: '创建档案' }));
  const shownKey = await screen.findByRole('group', { name: /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/ });
  const recoveryKey = shownKey.getAttribute('aria-label')!;
  expect(within(shownKey).getAllByText(/^[0-9A-Z]{4}$/)).toHaveLength(8);

  // Printing prints a copy made for paper: key, school and date only.
  const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
  await user.click(screen.getByRole('button', { name: label('打印') }));
  expect(print).toHaveBeenCalledOnce();
  const printed = document.body.querySelector<HTMLElement>(':scope > .recovery-print')!;
  expect(printed).toHaveTextContent('学校：示例市第一中学');
  expect(printed).toHaveTextContent(recoveryKey.replaceAll('-', ''));

  // A wrong key is refused by the core, and nothing lets the user past this step.
  await user.click(screen.getByRole('button', { name: '我已抄写并妥善保管' }));
  const typed = screen.getByLabelText('恢复密钥');
  await user.type(typed, recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
  await user.click(screen.getByRole('button', { name: '确认并进入' }));
  expect(await screen.findByText('与恢复密钥不一致，请核对抄写内容')).toBeInTheDocument();
  expect(screen.queryByRole('menuitem', { name: '学生名册' })).not.toBeInTheDocument();
  expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['返回再看一次', '确认并进入']);

  // Going back shows the same key again; typing it correctly opens the app.
  await user.click(screen.getByRole('button', { name: '返回再看一次' }));
  expect(screen.getByRole('group', { name: recoveryKey })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '我已抄写并妥善保管' }));
  await user.type(screen.getByLabelText('恢复密钥'), recoveryKey.toLowerCase());
  await user.click(screen.getByRole('button', { name: '确认并进入' }));
  await waitFor(() => expect(screen.getByRole('menuitem', { name: '学生名册' })).toBeInTheDocument());
  expect(await screen.findByText('示例市第一中学')).toBeInTheDocument();
});
