// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import national from '../../resources/compliance/national-2015.json';
import { seedComplianceSchool } from '../helpers/compliance';
import { OWN_PASSPHRASE, STUDENT, testClock } from '../helpers/counseling';
import { findDialog, label, messageShown, openApp, pickOption } from './harness';

// The national pack's 53 rows are slow to draw in jsdom; its run in a real browser is the e2e test.
// Here the six-item Gansu grade-C pack goes through the same screens.
test('a principal lands on the checklist, runs a pack, confirms an item, puts a failing one on the fix list and signs', async () => {
  const clock = testClock();
  const { user } = await openApp({
    setup: true,
    now: () => clock.now,
    prepare: async ({ client }) => {
      const student = await client.students.create(STUDENT);
      await seedComplianceSchool(client, student.id, { individualArea: 9.9 });
      await client.users.create({ username: 'lixiaozhang', displayName: '李校长', role: 'principal', passphrase: 'initial-pass-2024' });
      await client.auth.logout({});
      await client.auth.login({ username: 'lixiaozhang', passphrase: 'initial-pass-2024' });
      await client.auth.changePassphrase({ current: 'initial-pass-2024', next: OWN_PASSPHRASE });
    },
  });

  expect(await screen.findByRole('heading', { name: '心理辅导室达标自查' })).toBeInTheDocument();
  await pickOption(user, document.body, '自查标准', '甘肃省心理咨询（辅导）室建设标准·小学C级（待核实）');
  await user.click(await screen.findByRole('button', { name: label('开始自查') }));
  expect(await screen.findByRole('heading', { name: '甘肃省心理咨询（辅导）室建设标准·小学C级' })).toBeInTheDocument();
  expect(screen.getByTestId('figure-PROV-GS-01')).toHaveTextContent('活动室总面积 44.9 m²（3 间）（活动室登记）');
  expect(screen.getByTestId('status-PROV-GS-01')).toHaveTextContent('达标');
  expect(screen.getByTestId('figure-PROV-GS-04')).toHaveTextContent('2025-03-10 起一周开放 5 小时（开放时间统计）');
  expect(screen.getByTestId('status-PROV-GS-04')).toHaveTextContent('未达标');
  expect(screen.getByTestId('status-PROV-GS-05')).toHaveTextContent('待评定');
  expect(document.body).not.toHaveTextContent(STUDENT.name);

  await user.click(screen.getByRole('button', { name: '确认 PROV-GS-05' }));
  const attest = await findDialog('确认 PROV-GS-05');
  await user.click(within(attest).getByText('符合'));
  await user.click(within(attest).getByRole('button', { name: label('保存') }));
  await messageShown('已保存');
  await waitFor(() => expect(screen.getByTestId('status-PROV-GS-05')).toHaveTextContent('达标'));

  await user.click(screen.getByRole('button', { name: '列入整改 PROV-GS-04' }));
  const task = await findDialog('将 PROV-GS-04 列入整改');
  await user.type(within(task).getByLabelText('负责人'), '王老师');
  await user.click(within(task).getByRole('button', { name: label('保存') }));
  await messageShown('已保存整改事项');
  expect(await screen.findByText(/整改清单：每周接待（开放）时间不少于 8 小时 · 王老师/)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '签署确认' }));
  const sign = await findDialog('签署本次自查');
  expect(within(sign).getByLabelText('签署人')).toHaveValue('李校长');
  await user.click(within(sign).getByRole('button', { name: '签署确认' }));
  await messageShown('已签署');
  expect(await screen.findByText(/^李校长 于 \d{4}-\d{2}-\d{2} 签署$/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '确认 PROV-GS-08' })).not.toBeInTheDocument();
});

test('a rule-pack file with an unknown metric and a duplicate id is refused item by item, and a good one joins the list', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await client.users.create({ username: 'lixiaozhang', displayName: '李校长', role: 'principal', passphrase: 'initial-pass-2024' });
      await client.auth.logout({});
      await client.auth.login({ username: 'lixiaozhang', passphrase: 'initial-pass-2024' });
      await client.auth.changePassphrase({ current: 'initial-pass-2024', next: OWN_PASSPHRASE });
    },
  });
  await screen.findByRole('heading', { name: '心理辅导室达标自查' });
  const bad = { ...structuredClone(national), id: 'county-2026' };
  (bad.items[9] as { metric?: string }).metric = 'rooms.windowCount';
  bad.items[1]!.id = 'FUNC-01';
  // The upload puts a fresh input in place after every pick: look it up each time.
  const input = () => document.querySelector<HTMLInputElement>('input[type=file][accept="application/json,.json"]')!;
  await user.upload(input(), new File([JSON.stringify(bad)], 'county.json', { type: 'application/json' }));
  expect(await screen.findByText('FUNC-01：条目编号重复')).toBeInTheDocument();
  expect(screen.getByText('ZONE-01：不认识的自动指标')).toBeInTheDocument();

  const good = { ...structuredClone(national), id: 'county-2026', title: { zh: '某县心理辅导室标准', en: 'A county standard' } };
  await user.upload(input(), new File([JSON.stringify(good)], 'county.json', { type: 'application/json' }));
  await messageShown('已导入标准 某县心理辅导室标准');
  await user.click(screen.getByRole('combobox', { name: '自查标准' }));
  expect(await screen.findByTitle('某县心理辅导室标准')).toBeInTheDocument();
});
