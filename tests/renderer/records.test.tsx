// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { FILLED, STUDENT, filledDraft, openCase } from '../helpers/counseling';
import { findDialog, label, openApp, pickOption, openRoster } from './harness';

const XSS = '<img src=x onerror="window.__xss=1">';

/** Roster → the student's detail → one of the student's cases. */
async function openStudentCase(user: Awaited<ReturnType<typeof openApp>>['user']) {
  await openRoster(user);
  await user.click(await screen.findByText(STUDENT.name));
  const drawer = await findDialog(`学生档案：${STUDENT.name}`);
  await user.click(await within(drawer).findByRole('button', { name: label('查看') }));
  return screen.findByRole('heading', { name: `个案：${STUDENT.name}` });
}

test('record: autosave makes a revision, sign is refused with blockers, the disclosure gate, sign, addendum, read-only', async () => {
  let caseId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      caseId = (await openCase(client, s.id)).id;
    },
  });
  await openStudentCase(user);
  await user.click(screen.getByRole('button', { name: '新建记录' }));
  const current = await screen.findByLabelText('现状');
  // The cap comes from the contract's schema and is shown as a counter.
  expect(screen.getAllByText('0 / 4000').length).toBeGreaterThan(0);

  // Typing, then a pause: the draft is saved once with the revision it was based on.
  await user.type(current, '近两周入睡困难');
  expect(await screen.findByText(/^已保存 \d\d:\d\d:\d\d$/)).toHaveAttribute('role', 'status');
  const { records } = await core.client.cases.get({ id: caseId });
  const saved = await core.client.records.get({ id: records[0]!.id });
  expect(saved).toMatchObject({ revision: 2, currentState: '近两周入睡困难', signedAt: null });

  // 签名 asks the core what is missing and names it.
  await user.click(screen.getByRole('button', { name: label('签名') }));
  const blockers = await screen.findByText('签名前还需要：');
  expect(blockers.closest('.ant-alert')).toHaveTextContent('主要问题及评估、分析、辅导策略/计划、时长（分钟）');

  await user.type(screen.getByLabelText('主要问题及评估'), FILLED.mainProblem);
  await user.type(screen.getByLabelText('分析'), FILLED.analysis);
  await user.type(screen.getByLabelText('辅导策略/计划'), FILLED.plan);
  await user.type(screen.getByLabelText('时长（分钟）'), '45');
  await pickOption(user, document.body, '伤害风险', '伤害自己');

  // A risk of harm without a documented disclosure: the sign step asks for it first.
  await user.click(screen.getByRole('button', { name: label('签名') }));
  const disclosure = await findDialog('登记保密例外告知');
  expect(within(disclosure).getByText(/请先登记保密例外告知/)).toBeInTheDocument();
  await user.type(within(disclosure).getByLabelText('姓名或身份'), '班主任李老师');
  await user.click(within(disclosure).getByRole('button', { name: '登记告知' }));
  const confirm = await findDialog(/签名后记录不可再修改/);
  await user.click(within(confirm).getByRole('button', { name: label('签名') }));

  // Signed: read-only, no editable field left, and addenda are the way to add.
  expect(await screen.findByText(/由 王老师 签名，记录只读/)).toBeInTheDocument();
  expect(screen.queryByLabelText('现状')).not.toBeInTheDocument();
  expect(screen.getByText('班主任李老师', { exact: false })).toBeInTheDocument();
  await user.type(screen.getByLabelText('补充内容'), '补记：家长已同意转介。');
  await user.click(screen.getByRole('button', { name: '补充说明' }));
  expect(await screen.findByText('补记：家长已同意转介。')).toBeInTheDocument();
  const signed = await core.client.records.get({ id: saved.id });
  expect(signed.signedAt).not.toBeNull();
  expect(signed.disclosures.map((d) => d.informedLabel)).toEqual(['班主任李老师']);
  expect(signed.addenda.map((a) => [a.text, a.authorName])).toEqual([['补记：家长已同意转介。', '王老师']]);
});

test('search: highlights are <mark> elements, and a note holding HTML is shown as text', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      const c = await openCase(client, s.id);
      await filledDraft(client, c.id, { currentState: `焦虑 ${XSS}` });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '全文检索' }));
  const box = await screen.findByRole('searchbox', { name: '全文检索' });
  await user.type(box, '焦');
  expect(await screen.findByText('请至少输入两个字')).toBeInTheDocument();
  await user.type(box, '虑');
  const marks = await waitFor(() => {
    const found = document.querySelectorAll('mark');
    expect(found.length).toBeGreaterThan(0);
    return found;
  });
  for (const m of marks) expect(m.textContent).toBe('焦虑');
  expect(document.querySelector('img')).toBeNull();
  expect((window as { __xss?: unknown }).__xss).toBeUndefined();

  // The hit opens its record; the payload is a textarea's value, still inert.
  const snippet = marks[0]!.closest('tr')!;
  expect(snippet).toHaveTextContent(XSS);
  // A search still settling keeps the table behind its loading veil, which takes no clicks.
  await waitFor(() => expect(document.querySelector('.ant-spin-spinning')).toBeNull());
  await user.click(snippet);
  expect(await screen.findByLabelText('现状')).toHaveValue(`焦虑 ${XSS}`);
  expect(document.querySelector('img')).toBeNull();
  expect((window as { __xss?: unknown }).__xss).toBeUndefined();
});

test('archive: newest first, filtered by kind; caseload buckets list the open case and the unsigned record', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      const c = await openCase(client, s.id, { openedOn: '2025-03-01' });
      await filledDraft(client, c.id, { sessionDate: '2025-03-05', nextAppointmentDate: null });
      await client.contacts.create({ studentId: s.id, contactDate: '2025-03-10', withKind: 'guardian', channel: 'phone', summary: '与母亲电话沟通作息。' });
    },
  });
  await openRoster(user);
  await user.click(await screen.findByText(STUDENT.name));
  const drawer = await findDialog(`学生档案：${STUDENT.name}`);
  await user.click(await within(drawer).findByRole('button', { name: '一生一档' }));
  await screen.findByRole('heading', { name: `一生一档：${STUDENT.name}` });
  const dates = async () =>
    [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row')].map((r) => [r.querySelector('td')!.textContent, r.querySelectorAll('td')[1]!.textContent]);
  await waitFor(async () => expect((await dates()).length).toBe(3));
  const rows = await dates();
  expect(rows.map((r) => r[0])).toEqual(['2025-03-10', '2025-03-05', '2025-03-01']);
  expect(rows[0]![1]).toContain('家校沟通');
  expect(rows[1]![1]).toContain('辅导记录');
  expect(rows[1]![1]).toContain('未签署');
  expect(rows[2]![1]).toContain('开案');
  // The case's 来源 tag reads as the dialogs name it (the shared list's label).
  expect(rows[2]![1]).toContain('主动来访');

  await pickOption(user, document.body, '类别', '家校沟通');
  await waitFor(async () => expect((await dates()).map((r) => r[0])).toEqual(['2025-03-10']));

  await user.click(screen.getByRole('menuitem', { name: '我的个案' }));
  expect(await screen.findByText('进行中的个案（1）')).toBeInTheDocument();
  expect(screen.getByText('未签署的记录（1）')).toBeInTheDocument();
  // Its age counts from when it was written (just now), not from the session date.
  expect(screen.getByText('已过 0 小时')).toBeInTheDocument();
});
