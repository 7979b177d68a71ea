// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { STUDENT } from '../helpers/counseling';
import { findDialog, label, openApp, pickOption, TEST_PASSPHRASE } from './harness';

const PHQ9 = '患者健康问卷-9（PHQ-9）';
/** Words that would tell a student how they scored or that something was flagged. */
const TELLING = /分|危急|紧急|预警|关注|复核|风险|抑郁|PHQ|[0-9]+\s*\/\s*27/;

async function studentWithConsent(client: CounselClient): Promise<string> {
  const s = await client.students.create(STUDENT);
  for (const party of ['student', 'guardian'] as const) {
    await client.consents.record({ studentId: s.id, scope: 'testing', party, outcome: 'given', date: '2025-03-10', form: 'written' });
  }
  return s.id;
}

async function openAdminister(user: Awaited<ReturnType<typeof openApp>>['user']): Promise<HTMLElement> {
  await user.click(await screen.findByRole('menuitem', { name: '测评施测' }));
  const page = await screen.findByRole('region', { name: '测评施测' });
  await pickOption(user, page, '学生', `${STUDENT.name} · 初二3班 · ${STUDENT.studentNo}`, { search: true });
  return page;
}

const kiosk = () => screen.getByTestId('kiosk');

async function unlock(user: Awaited<ReturnType<typeof openApp>>['user'], passphrase: string): Promise<void> {
  await user.click(within(kiosk()).getByRole('button', { name: '老师' }));
  await user.type(await within(kiosk()).findByLabelText('口令'), passphrase);
  await user.click(within(kiosk()).getByRole('button', { name: label('解锁') }));
}

test('PHQ-9 on the kiosk: item 9 = 1 stops the kiosk with a calm message and an alert for the counselor; only the passphrase leads out', async () => {
  let studentId = '';
  const { core, user } = await openApp({ setup: true, prepare: async ({ client }) => void (studentId = await studentWithConsent(client)) });
  await openAdminister(user);
  await user.click(screen.getByRole('button', { name: '开始施测' }));
  const dialog = await findDialog('开始施测');
  await pickOption(user, dialog, '量表', PHQ9);
  expect(within(dialog).getByLabelText('屏幕作答')).toBeChecked();
  await user.click(within(dialog).getByRole('button', { name: '开始施测' }));

  // Instructions first, then one item at a time.
  expect(await within(await screen.findByTestId('kiosk')).findByText('在过去两周里，你有多少时间受到以下问题的困扰？')).toBeInTheDocument();
  await user.click(within(kiosk()).getByRole('button', { name: '开始作答' }));
  expect(within(kiosk()).getByText('第 1 / 9 题')).toBeInTheDocument();
  // A key press answers as a tap does: "1" is the first option.
  await user.keyboard('1');
  expect(await within(kiosk()).findByText('第 2 / 9 题')).toBeInTheDocument();
  // 上一题 shows the answer given, chosen.
  await user.click(within(kiosk()).getByRole('button', { name: '上一题' }));
  expect(within(kiosk()).getByRole('button', { name: /完全不会/ })).toHaveAttribute('aria-pressed', 'true');
  for (let n = 1; n <= 8; n++) {
    await user.click(within(kiosk()).getByRole('button', { name: /完全不会/ }));
    await within(kiosk()).findByText(`第 ${n === 8 ? 9 : n + 1} / 9 题`);
  }
  expect((await core.client.alerts.open({})).items).toEqual([]);
  await user.click(within(kiosk()).getByRole('button', { name: /有几天/ }));

  // The student sees a calm message and nothing of a score, a band or an alert.
  expect(await within(kiosk()).findByText('谢谢你认真作答。请在座位上稍等一下，老师马上过来。')).toBeInTheDocument();
  expect(kiosk().textContent).not.toMatch(TELLING);
  expect(within(kiosk()).queryByRole('button', { name: /完全不会|有几天/ })).toBeNull();
  // The alert is already stored for the counselor's other screens, before the form ends.
  const [raised] = (await core.client.alerts.open({})).items;
  expect(raised).toMatchObject({ studentId, severity: 'critical', items: ['phq9_9'], acknowledgedAt: null });
  expect((await core.client.assessments.ofStudent({ studentId })).items[0]).toMatchObject({ status: 'inProgress' });

  // Escape does not leave; a wrong passphrase is refused and stays.
  fireEvent.keyDown(window, { key: 'Escape' });
  expect(kiosk()).toBeInTheDocument();
  await unlock(user, 'not-the-passphrase-1');
  expect(await within(kiosk()).findByText('用户名或口令不正确')).toBeInTheDocument();
  expect(within(kiosk()).queryByText('本次作答提出的预警')).toBeNull();
  await user.type(within(kiosk()).getByLabelText('口令'), TEST_PASSPHRASE);
  await user.click(within(kiosk()).getByRole('button', { name: label('解锁') }));

  // The counselor sees what happened and records what was done.
  expect(await within(kiosk()).findByText('本次作答提出的预警')).toBeInTheDocument();
  expect(within(kiosk()).getByText('危急')).toBeInTheDocument();
  // The answer behind it, and the score so far (the counselor's eyes only).
  expect(within(kiosk()).getByText(/^第9题“.+”：学生选择“有几天”$/)).toBeInTheDocument();
  expect(within(screen.getByTestId('kiosk-score')).getByText(/：1 · 暂无需关注$/)).toBeInTheDocument();
  await user.click(within(kiosk()).getByRole('button', { name: '确认处理' }));
  const ack = await findDialog(`处理预警：${STUDENT.name}`);
  await user.click(within(ack).getByLabelText('已当面约谈'));
  await user.click(within(ack).getByRole('button', { name: label('保存') }));
  expect(await within(kiosk()).findByText('已处理')).toBeInTheDocument();
  expect((await core.client.alerts.open({})).items).toEqual([]);

  // The student goes on with the same form and submits it; the kiosk thanks them, with no result.
  await user.click(within(kiosk()).getByRole('button', { name: '继续作答' }));
  expect(within(kiosk()).getByText('所有题目都已作答。')).toBeInTheDocument();
  await user.click(within(kiosk()).getByRole('button', { name: label('提交') }));
  expect(await within(kiosk()).findByText('作答完成，谢谢你！')).toBeInTheDocument();
  expect(kiosk().textContent).not.toMatch(TELLING);
  const [form] = (await core.client.assessments.ofStudent({ studentId })).items;
  expect(form).toMatchObject({ status: 'completed', mode: 'kiosk' });
  expect(form!.result!.scales[0]).toMatchObject({ id: 'total', score: 1 });

  await unlock(user, TEST_PASSPHRASE);
  await user.click(await within(kiosk()).findByRole('button', { name: label('关闭') }));
  await waitFor(() => expect(screen.queryByTestId('kiosk')).toBeNull());
});

test('a kiosk form left mid-way (a crash) is continued from its next item and finished; another can be voided with a reason', async () => {
  let studentId = '';
  let crashed = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      studentId = await studentWithConsent(client);
      const form = await client.assessments.start({ studentId, scaleId: 'phq9', mode: 'kiosk' });
      crashed = form.id;
      for (const n of [1, 2, 3, 4]) await client.assessments.answer({ formId: form.id, itemId: `phq9_${n}`, code: '2' });
      await client.assessments.start({ studentId, scaleId: 'gad7', mode: 'paper' });
    },
  });
  const page = await openAdminister(user);
  const list = (await within(page).findByText('进行中的测评')).closest('.ant-card') as HTMLElement;
  const row = (await within(list).findByText('已答 4 / 9 题')).closest('.ant-list-item') as HTMLElement;
  await user.click(within(row).getByRole('button', { name: label('继续') }));

  await user.click(await within(await screen.findByTestId('kiosk')).findByRole('button', { name: '开始作答' }));
  expect(within(kiosk()).getByText('第 5 / 9 题')).toBeInTheDocument();
  for (let n = 5; n <= 9; n++) {
    await user.keyboard('1');
    if (n < 9) await within(kiosk()).findByText(`第 ${n + 1} / 9 题`);
  }
  await user.click(await within(kiosk()).findByRole('button', { name: label('提交') }));
  await within(kiosk()).findByText('作答完成，谢谢你！');
  const done = await core.client.assessments.get({ formId: crashed });
  expect(done).toMatchObject({ status: 'completed' });
  expect(done.result!.scales[0]).toMatchObject({ score: 8 });
  expect(done.alerts).toEqual([]);
  await unlock(user, TEST_PASSPHRASE);
  await user.click(await within(kiosk()).findByRole('button', { name: label('关闭') }));

  // The GAD-7 paper form is the one left; voiding needs a reason.
  const other = (await within(list).findByText(/已答 0 \/ 7 题/)).closest('.ant-list-item') as HTMLElement;
  await waitFor(() => expect(within(list).queryByText('已答 4 / 9 题')).toBeNull());
  await user.click(within(other).getByRole('button', { name: label('作废') }));
  const dialog = await findDialog('作废这份测评？');
  await user.type(within(dialog).getByLabelText('作废原因'), '学生请假，改日重测');
  await user.click(within(dialog).getByRole('button', { name: label('作废') }));
  expect(await within(list).findByText('这名学生没有进行中的测评')).toBeInTheDocument();
  const forms = (await core.client.assessments.ofStudent({ studentId })).items;
  expect(forms.map((f) => f.status).sort()).toEqual(['completed', 'voided']);
});

test('finishing a kiosk form with its critical alert open asks first; “later” is recorded and the alert stays open', async () => {
  let studentId = '';
  let formId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      studentId = await studentWithConsent(client);
      formId = (await client.assessments.start({ studentId, scaleId: 'phq9', mode: 'kiosk' })).id;
      for (let n = 1; n <= 9; n++) await client.assessments.answer({ formId, itemId: `phq9_${n}`, code: n === 9 ? '1' : '0' });
    },
  });
  const page = await openAdminister(user);
  const list = (await within(page).findByText('进行中的测评')).closest('.ant-card') as HTMLElement;
  const row = (await within(list).findByText('已答 9 / 9 题')).closest('.ant-list-item') as HTMLElement;
  await user.click(within(row).getByRole('button', { name: label('继续') }));
  await screen.findByTestId('kiosk');
  await unlock(user, TEST_PASSPHRASE);

  // Every item is answered: finishing is what comes next.
  const finish = await within(kiosk()).findByRole('button', { name: '结束并保存' });
  expect(finish).toHaveClass('ant-btn-primary');
  expect(within(kiosk()).getByRole('button', { name: '继续作答' })).not.toHaveClass('ant-btn-primary');
  await user.click(finish);
  const prompt = await findDialog('这份测评还有未处理的预警');
  expect(within(prompt).getByText('危急')).toBeInTheDocument();
  expect((await core.client.assessments.get({ formId })).status).toBe('inProgress');
  await user.click(within(prompt).getByRole('button', { name: '稍后处理' }));

  await waitFor(() => expect(screen.queryByTestId('kiosk')).toBeNull());
  expect((await core.client.assessments.get({ formId })).status).toBe('completed');
  const [open] = (await core.client.alerts.open({})).items;
  expect(open).toMatchObject({ formId, acknowledgedAt: null, deferredAt: expect.any(Number) });
  expect((await core.client.audit.list({ action: 'alerts.defer' })).items[0]).toMatchObject({ targetId: open!.id, details: { context: 'kiosk' } });
});
