// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { STUDENT } from '../helpers/counseling';
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
  await user.click(await screen.findByRole('menuitem', { name: '我的个案' }));
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
