// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, onTestFinished, test, vi } from 'vitest';
import { STUDENT } from '../helpers/counseling';
import type { TestCore } from '../helpers/inproc';
import { consentToTesting } from '../helpers/screening';
import { findDialog, label, openApp } from './harness';

test('a critical answer waits on 我的个案 until the action taken is recorded, which the core keeps', async () => {
  let alertId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      const s = await client.students.create(STUDENT);
      for (const party of ['student', 'guardian'] as const) {
        await client.consents.record({ studentId: s.id, scope: 'testing', party, outcome: 'given', date: '2025-03-10', form: 'written' });
      }
      const form = await client.assessments.start({ studentId: s.id, scaleId: 'phq9', mode: 'kiosk' });
      alertId = (await client.assessments.answer({ formId: form.id, itemId: 'phq9_9', code: '1' })).raised[0]!.id;
    },
  });
  // 我的个案 is the counselor's home: the alert is there at once.
  const card = (await screen.findByText('待处理预警（1）')).closest('.ant-card') as HTMLElement;
  expect(within(card).getByText('危急')).toBeInTheDocument();
  expect(within(card).getByText(STUDENT.name)).toBeInTheDocument();

  await user.click(within(card).getByRole('button', { name: label('处理') }));
  const dialog = await findDialog(`处理预警：${STUDENT.name}`);
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  // Nothing is recorded without the action taken.
  expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();
  expect((await core.client.alerts.open({})).items).toHaveLength(1);

  await user.click(within(dialog).getByLabelText('已当面约谈'));
  await user.type(within(dialog).getByLabelText('说明'), '课间约谈，已制定安全计划。');
  await user.click(within(dialog).getByRole('button', { name: label('保存') }));
  expect(await screen.findByText('待处理预警（0）')).toBeInTheDocument();
  expect((await core.client.alerts.open({})).items).toEqual([]);
  const row = (await core.client.audit.list({ action: 'alerts.acknowledge' })).items[0]!;
  expect(row).toMatchObject({ targetId: alertId, details: { action: 'talkedNow' } });
  expect(JSON.stringify(row)).not.toContain('安全计划');
});

/** A student with testing consent and a PHQ-9 begun on the kiosk; `critical` answers item 9 with 1 already. */
async function kioskForm(client: TestCore['client'], { critical }: { critical: boolean }) {
  const s = await client.students.create(STUDENT);
  await consentToTesting(client, s.id);
  const form = await client.assessments.start({ studentId: s.id, scaleId: 'phq9', mode: 'kiosk' });
  const alerts = critical ? (await client.assessments.answer({ formId: form.id, itemId: 'phq9_9', code: '1' })).raised : [];
  return { studentId: s.id, formId: form.id, alertId: alerts[0]?.id ?? '' };
}

test('an alert raised on the kiosk reaches every counselor page by the next poll (badge and banner), and a locked app polls nothing', async () => {
  // Only the poll's interval is faked: the core, the UI and user events keep real time.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  onTestFinished(() => void vi.useRealTimers());
  let formId = '';
  const { core, user, calls } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      ({ formId } = await kioskForm(client, { critical: false }));
    },
  });
  // A counselor lands on 我的个案; the roster is one click away.
  expect(await screen.findByText('待处理预警（0）')).toBeInTheDocument();
  await user.click(screen.getByRole('menuitem', { name: '学生名册' }));
  await screen.findByText(STUDENT.name);
  expect(screen.queryByTestId('alert-banner')).not.toBeInTheDocument();

  // The student, still mid-form on the kiosk, answers item 9.
  await core.client.assessments.answer({ formId, itemId: 'phq9_9', code: '2' });
  act(() => void vi.advanceTimersByTime(5000));
  const banner = await screen.findByTestId('alert-banner');
  expect(within(banner).getByText('有 1 条危急或紧急预警尚未处理')).toBeInTheDocument();
  expect(banner.textContent).toContain(STUDENT.name);
  // With the privacy mask on, the banner says how many, never who.
  await user.click(screen.getByRole('switch', { name: '隐私遮挡' }));
  await waitFor(() => expect(banner.textContent).not.toContain(STUDENT.name));
  expect(banner.textContent).toContain('一名学生');
  expect(screen.getByLabelText('1 条预警待处理')).toBeInTheDocument();

  await user.click(within(banner).getByRole('button', { name: '去处理' }));
  expect(await screen.findByText('待处理预警（1）')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: label('锁定') }));
  await screen.findByRole('button', { name: label('解锁') });
  const polls = calls.filter((m) => m === 'alerts.open').length;
  act(() => void vi.advanceTimersByTime(20_000));
  window.dispatchEvent(new Event('focus'));
  // A poll would reach the transport synchronously from the timer or the focus handler; flushing
  // React's pending work is all it could still be waiting for.
  await act(async () => undefined);
  expect(calls.filter((m) => m === 'alerts.open').length).toBe(polls);
});

test('转危机个案 hands a critical alert over to a new crisis case, which opens', async () => {
  let ids = { studentId: '', formId: '', alertId: '' };
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      ids = await kioskForm(client, { critical: true });
    },
  });
  await user.click(await screen.findByRole('menuitem', { name: '我的个案' }));
  const card = (await screen.findByText('待处理预警（1）')).closest('.ant-card') as HTMLElement;
  await user.click(within(card).getByRole('button', { name: '转危机个案' }));
  const dialog = await findDialog(`转危机个案：${STUDENT.name}`);
  expect(within(dialog).getByText(/将以你的名义为这名学生开一个危机个案/)).toBeInTheDocument();
  await user.type(within(dialog).getByLabelText('说明（可选）'), '已联系家长到校。');
  await user.click(within(dialog).getByRole('button', { name: '开个案' }));

  expect(await screen.findByRole('heading', { name: `个案：${STUDENT.name}` })).toBeInTheDocument();
  const [opened] = (await core.client.cases.list({ studentId: ids.studentId })).items;
  expect(opened).toMatchObject({ status: 'open', categories: ['crisis'] });
  expect((await core.client.alerts.open({})).items).toEqual([]);
  const [alert] = (await core.client.assessments.get({ formId: ids.formId })).alerts;
  expect(alert).toMatchObject({ id: ids.alertId, action: 'crisisCase', caseId: opened!.id, note: '已联系家长到校。' });
});

test('已预约面谈 opens the booking dialog for the student; the alert is handled only once the talk is booked', async () => {
  let alertId = '';
  let studentId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      ({ alertId, studentId } = await kioskForm(client, { critical: true }));
    },
  });
  const card = (await screen.findByText('待处理预警（1）')).closest('.ant-card') as HTMLElement;
  await user.click(within(card).getByRole('button', { name: label('处理') }));
  const dialog = await findDialog(`处理预警：${STUDENT.name}`);
  await user.click(within(dialog).getByLabelText('已预约面谈'));
  await user.type(within(dialog).getByLabelText('说明'), '约定周五面谈。');
  expect(within(dialog).getByText(/预约成功后才记为已处理/)).toBeInTheDocument();

  // Cancelling the booking records nothing, and the handling dialog is still there to choose again.
  await user.click(within(dialog).getByRole('button', { name: label('下一步：预约面谈') }));
  let booking = await findDialog('新建预约');
  expect(within(booking).getByText(STUDENT.name)).toBeInTheDocument();
  await user.click(within(booking).getByRole('button', { name: label('取消') }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: '新建预约' })).not.toBeInTheDocument());
  expect((await core.client.alerts.open({})).items).toHaveLength(1);

  await user.click(within(dialog).getByRole('button', { name: label('下一步：预约面谈') }));
  booking = await findDialog('新建预约');
  await user.click(within(booking).getByRole('button', { name: label('预约') }));
  expect(await screen.findByText('已预约面谈并记录处理')).toBeInTheDocument();
  expect(await screen.findByText('待处理预警（0）')).toBeInTheDocument();

  const handled = await core.client.alerts.get({ id: alertId });
  expect(handled).toMatchObject({ action: 'appointmentBooked', note: '约定周五面谈。' });
  expect(await core.client.appointments.get({ id: handled.appointmentId! })).toMatchObject({ studentId, source: 'screening', status: 'confirmed' });
});
