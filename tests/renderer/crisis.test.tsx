// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { pagesFor } from '../../renderer/src/features/shell/pages';
import { STUDENT, testClock } from '../helpers/counseling';
import { findDialog, label, openApp, pickOption, TEST_PASSPHRASE } from './harness';

type User = Awaited<ReturnType<typeof openApp>>['user'];

/** The board from the menu, then the student's row: the case page with its crisis section. */
async function openCrisisCase(user: User) {
  await user.click(await screen.findByRole('menuitem', { name: '危机干预' }));
  await user.click(await screen.findByText(STUDENT.name));
  return screen.findByTestId('crisis-section');
}

const stepCard = (step: string) => screen.getByTestId(`crisis-step-${step}`);

test('a crisis case shows its six steps; an entry puts a step under way, done and not applicable are kept with the reason', async () => {
  let caseId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      caseId = (await client.crisis.open({ studentId: s.id, source: 'teacher', tier: 'red', reason: '班主任反映学生流露轻生念头' })).caseId;
    },
  });
  const section = await openCrisisCase(user);
  expect(within(section).getByTestId('crisis-tier')).toHaveTextContent('一级（红）');
  for (const name of ['测评建档', '师生结对', '积极干预', '同伴跟防', '家校协同', '及时转介']) expect(within(section).getByText(name)).toBeInTheDocument();
  // Opened by hand: nothing has been done yet, and the generic 结案 gives way to the crisis closing.
  expect(within(stepCard('family')).getByText('待办')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: label('结案') })).not.toBeInTheDocument();

  await user.click(within(stepCard('family')).getByRole('button', { name: '添加记录' }));
  const dialog = await findDialog('家校协同 · 添加记录');
  await user.type(within(dialog).getByLabelText('告知对象'), '父亲 张大山');
  await pickOption(user, dialog, '方式', '电话');
  await user.type(within(dialog).getByLabelText('监护人回应'), '当天下午到校面谈');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(within(stepCard('family')).getByText('进行中')).toBeInTheDocument());
  expect(within(stepCard('family')).getByText('监护人回应：当天下午到校面谈')).toBeInTheDocument();

  // Another step's dialog offers that step's kinds, not the kind chosen last time.
  await user.click(within(stepCard('pairing')).getByRole('button', { name: '添加记录' }));
  const pairing = await findDialog('师生结对 · 添加记录');
  await user.type(within(pairing).getByLabelText('教师姓名'), '赵老师');
  await user.click(within(pairing).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(within(stepCard('pairing')).getByText('进行中')).toBeInTheDocument());

  await user.click(within(stepCard('family')).getByRole('button', { name: '标为完成' }));
  await waitFor(() => expect(within(stepCard('family')).getByText('已完成')).toBeInTheDocument());

  // Not applicable needs its reason: refused on the field until given.
  await user.click(within(stepCard('peer')).getByRole('button', { name: '不适用' }));
  const na = await findDialog('同伴跟防 · 不适用');
  await user.click(within(na).getByRole('button', { name: label('保存') }));
  expect(await within(na).findByText('此项必填')).toBeInTheDocument();
  await user.type(within(na).getByLabelText('不适用的原因'), '学生不希望同学知情');
  await user.click(within(na).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(within(stepCard('peer')).getByText('不适用')).toBeInTheDocument());

  const k = await core.client.crisis.get({ caseId });
  expect(k.steps.find((s) => s.step === 'family')).toMatchObject({ state: 'done' });
  expect(k.steps.find((s) => s.step === 'peer')).toMatchObject({ state: 'notApplicable', stateReason: '学生不希望同学知情' });
  expect(k.entries).toEqual([
    expect.objectContaining({ kind: 'guardianNotice', who: '父亲 张大山', channel: 'phone', response: '当天下午到校面谈' }),
    expect.objectContaining({ kind: 'pairing', teacherName: '赵老师', teacherRole: '', contact: '' }),
  ]);
});

test('an overdue red step raises the banner on 我的个案, which leads to the board; the board puts the case first with each step’s state; a principal has no board', async () => {
  const clock = testClock(); // Wednesday 12 March
  const { user } = await openApp({
    setup: true,
    now: () => clock.now,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      const other = await client.students.create({ ...STUDENT, studentNo: '20240102', name: '李小红' });
      const k = await client.crisis.open({ studentId: s.id, source: 'teacher', tier: 'red', reason: '班主任报告' });
      await client.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'guardianNotice', date: '2025-03-12', who: '父亲', channel: 'phone', response: '' } });
      await client.crisis.updateStep({ caseId: k.caseId, step: 'family', state: 'done' });
      await client.crisis.open({ studentId: other.id, source: 'selfReport', tier: 'yellow', reason: '自述压力大' });
      // The next Monday: the red case's other five steps are past their dates.
      clock.advanceHours(5 * 24);
      await client.auth.unlock({ passphrase: TEST_PASSPHRASE });
    },
  });
  const banner = await screen.findByTestId('crisis-red-overdue');
  expect(banner).toHaveTextContent('有 5 个一级（红）危机干预步骤已逾期');

  // The banner names no student: it leads to the board, where the cases are.
  await user.click(within(banner).getByRole('button', { name: '查看危机看板' }));
  const counts = await screen.findByTestId('crisis-counts');
  expect(counts).toHaveTextContent('已逾期 5');
  const rows = screen.getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([`${STUDENT.name}初二${STUDENT.className}`, `李小红初二${STUDENT.className}`]);
  expect(within(rows[0]!).getByTestId('board-family')).toHaveTextContent('已完成');
  expect(within(rows[0]!).getByTestId('board-intervention')).toHaveTextContent('逾期');
  // The yellow case opened on the 12th: its deadlines are still ahead.
  expect(within(rows[1]!).getByTestId('board-intervention')).toHaveTextContent('待办');

  expect(pagesFor('principal')).not.toContain('crisis');
  expect(pagesFor('counselor')).toContain('crisis');
});
