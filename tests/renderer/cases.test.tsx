// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { colleague, filledDraft, openCase, STUDENT } from '../helpers/counseling';
import { findDialog, label, openApp, openRoster, openSelectPopup, messageShown } from './harness';

type User = Awaited<ReturnType<typeof openApp>>['user'];

/** Roster → the student's detail → the student's (only) case. */
async function openStudentCase(user: User) {
  await openRoster(user);
  await user.click(await screen.findByText(STUDENT.name));
  const drawer = await findDialog(`学生档案：${STUDENT.name}`);
  await user.click(await within(drawer).findByRole('button', { name: label('查看') }));
  return screen.findByRole('heading', { name: `个案：${STUDENT.name}` });
}

/** 我的个案, from the menu: the count of open cases it lists. */
async function openCasesShown(user: User, count: number) {
  await user.click(await screen.findByRole('menuitem', { name: '我的个案' }));
  expect(await screen.findByText(`进行中的个案（${count}）`)).toBeInTheDocument();
}

test('close: refused while a draft is unsigned, naming it; after signing it closes and shows the summary read-only', async () => {
  let caseId = '';
  let draft = { id: '', revision: 0 };
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      caseId = (await openCase(client, s.id)).id;
      draft = await filledDraft(client, caseId, { sessionDate: '2025-03-05' });
    },
  });
  await openStudentCase(user);
  await user.click(screen.getByRole('button', { name: label('结案') }));
  const dialog = await findDialog(`结案：${STUDENT.name}`);
  // The cap comes from the contract's schema.
  expect(within(dialog).getByText('0 / 4000')).toBeInTheDocument();
  await user.type(within(dialog).getByLabelText('结案小结'), '考试焦虑明显缓解，睡眠恢复。');
  await user.click(within(dialog).getByRole('button', { name: label('结案') }));

  // Not a generic error: the refusal names the unsigned draft, as a way to open it.
  const refusal = (await within(dialog).findByText('还有未签署的辅导记录，请先签署后再结案')).closest('.ant-alert')!;
  expect(refusal).toHaveTextContent('以下记录尚未签署：');
  expect(within(refusal as HTMLElement).getByRole('button', { name: /^2025-03-05 .+（草稿）$/ })).toBeInTheDocument();
  expect((await core.client.cases.get({ id: caseId })).status).toBe('open');

  await core.client.records.sign({ id: draft.id, revision: draft.revision });
  await user.click(within(dialog).getByRole('button', { name: label('结案') }));
  expect(await screen.findByText('考试焦虑明显缓解，睡眠恢复。')).toBeInTheDocument();
  const closed = await core.client.cases.get({ id: caseId });
  expect(closed).toMatchObject({ status: 'closed', closingSummary: '考试焦虑明显缓解，睡眠恢复。' });
  expect(screen.getByText('结案日期')).toBeInTheDocument();
  expect(screen.getAllByText(closed.closedOn!).length).toBeGreaterThan(1);
  // Read-only: none of the open case's actions remain.
  for (const name of [label('结案'), '转介给其他老师', '删除个案', '新建记录']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
});

test('transfer: to another enabled counselor, confirmed; the page then shows who is in charge, and taking the case back over is 接手个案', async () => {
  let caseId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async (t) => {
      const s = await t.client.students.create(STUDENT);
      caseId = (await openCase(t.client, s.id)).id;
      await colleague(t, 'counselor', 'zhao');
      await colleague(t, 'principal', 'li');
    },
  });
  await openStudentCase(user);
  await user.click(screen.getByRole('button', { name: '转介给其他老师' }));
  const dialog = await findDialog(`转介个案：${STUDENT.name}`);
  // Only other counselors are offered: not me, not the principal.
  await user.click(await within(dialog).findByRole('combobox', { name: '接收教师' }));
  const popup = await waitFor(openSelectPopup);
  expect(await within(popup).findByTitle('赵老师')).toBeInTheDocument();
  expect(within(popup).queryByTitle('王老师')).not.toBeInTheDocument();
  expect(within(popup).queryByTitle('李校长')).not.toBeInTheDocument();
  await user.click(within(popup).getByTitle('赵老师'));
  await user.type(within(dialog).getByLabelText('转介原因'), '学生希望换一位老师');
  await user.click(within(dialog).getByRole('button', { name: '转介给其他老师' }));
  const confirm = await findDialog(/确认将该个案转介给 赵老师/);
  await user.click(within(confirm).getByRole('button', { name: label('确定') }));

  await messageShown('已转介给 赵老师');
  const moved = await core.client.cases.get({ id: caseId });
  expect(moved.counselorName).toBe('赵老师');
  expect(moved.transfers.map((x) => [x.fromName, x.toName, x.reason])).toEqual([['王老师', '赵老师', '学生希望换一位老师']]);
  // The dialog is gone and the page says who is in charge now.
  await waitFor(() => expect(screen.queryByRole('dialog', { name: `转介个案：${STUDENT.name}` })).toBeNull());
  const inCharge = () => screen.getByText('负责教师').closest('tr')!;
  await waitFor(() => expect(inCharge()).toHaveTextContent('赵老师'));

  // Now a colleague's case: taking it back is its own action, in its own words.
  await user.click(screen.getByRole('button', { name: '接手个案' }));
  const takeOver = await findDialog('接手 赵老师 负责的这个个案？');
  expect(takeOver).toHaveTextContent('接手后由你负责');
  expect(takeOver).not.toHaveTextContent('移出你的个案');
  await user.click(within(takeOver).getByRole('button', { name: '接手个案' }));
  await messageShown('已接手个案');
  await waitFor(() => expect(inCharge()).toHaveTextContent('王老师'));
  expect(screen.queryByRole('button', { name: '接手个案' })).toBeNull();
  expect((await core.client.cases.get({ id: caseId })).transfers.map((x) => [x.fromName, x.toName])).toEqual([
    ['王老师', '赵老师'],
    ['赵老师', '王老师'],
  ]);
  await openCasesShown(user, 1);
});

test('remove: a reason is required, then the case leaves my caseload', async () => {
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      await openCase(client, s.id);
    },
  });
  await openStudentCase(user);
  await user.click(screen.getByRole('button', { name: '删除个案' }));
  const dialog = await findDialog(`删除个案：${STUDENT.name}？`);
  const ok = within(dialog).getByRole('button', { name: label('删除') });
  expect(ok).toHaveClass('ant-btn-dangerous');
  await user.click(ok);
  expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();
  expect((await core.client.cases.list({})).total).toBe(1);

  await user.type(within(dialog).getByLabelText('删除原因'), '误建：学生选错');
  await user.click(ok);
  await messageShown('已删除个案');
  expect((await core.client.cases.list({})).total).toBe(0);
  await openCasesShown(user, 0);
});

test('我的个案: a case for a parent, named by a label, not a roster student', async () => {
  const { core, user } = await openApp({ setup: true });
  await openCasesShown(user, 0);
  await user.click(screen.getByRole('button', { name: '新建个案（教职工/家长）' }));
  const dialog = await findDialog('新建个案（教职工/家长）');
  await user.click(within(dialog).getByRole('radio', { name: '家长' }));
  await user.click(within(dialog).getByRole('button', { name: '开个案' }));
  expect(await within(dialog).findAllByText('此项必填')).not.toHaveLength(0);

  await user.type(within(dialog).getByLabelText('姓名或身份'), '初二3班李同学家长');
  await user.click(within(dialog).getByRole('checkbox', { name: '家庭' }));
  await user.click(within(dialog).getByRole('button', { name: '开个案' }));
  expect(await screen.findByRole('heading', { name: '个案：初二3班李同学家长' })).toBeInTheDocument();
  expect(screen.getByText('家长')).toBeInTheDocument();

  const { items } = await core.client.cases.list({ clientKind: 'parent' });
  expect(items.map((c) => [c.clientKind, c.clientLabel, c.studentId, c.categories])).toEqual([['parent', '初二3班李同学家长', null, ['family']]]);
  await openCasesShown(user, 1);
});

test('keyboard: a caseload row takes focus and opens its case with Enter; a case closes on the date chosen', async () => {
  let caseId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      caseId = (await openCase(client, s.id, { openedOn: '2025-03-01' })).id;
    },
  });
  await openCasesShown(user, 1);
  const row = screen.getAllByText(STUDENT.name).map((el) => el.closest('li')).find((li) => li !== null)!;
  expect(row).toHaveAttribute('tabindex', '0');
  row.focus();
  await user.keyboard('{Enter}');
  expect(await screen.findByRole('heading', { name: `个案：${STUDENT.name}` })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: label('结案') }));
  const dialog = await findDialog(`结案：${STUDENT.name}`);
  const date = within(dialog).getByLabelText('结案日期');
  await user.clear(date);
  await user.type(date, '2025-03-20{Enter}');
  await user.type(within(dialog).getByLabelText('结案小结'), '目标达成。');
  await user.click(within(dialog).getByRole('button', { name: label('结案') }));
  expect(await screen.findByText('目标达成。')).toBeInTheDocument();
  expect(await core.client.cases.get({ id: caseId })).toMatchObject({ status: 'closed', closedOn: '2025-03-20' });
});
