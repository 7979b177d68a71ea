// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import phq9 from '../../resources/scales/phq9.json';
import { useNav } from '../../renderer/src/stores/nav';
import { STUDENT } from '../helpers/counseling';
import { consentToTesting, phq9Codes } from '../helpers/screening';
import { findDialog, label, openApp, messageShown } from './harness';

type Definition = Record<string, unknown> & { scales: { bands: { min: number }[] }[] };

/**
 * The PHQ-9 as a district's own scale: same items, scoring and golden cases under another id. No norm
 * profiles (and none of the golden cases that use them), so only a second version makes it rescorable.
 */
function myScale(version = '1.0.0'): Definition {
  const copy = structuredClone(phq9) as unknown as Definition & { goldenCases: { normProfile?: string }[] };
  delete copy.normProfiles;
  return { ...copy, id: 'myscale', version, names: { 'zh-CN': '本区自编量表', en: 'District scale' }, goldenCases: copy.goldenCases.filter((c) => !c.normProfile) };
}

const jsonFile = (definition: unknown) => new File([JSON.stringify(definition)], 'myscale.json', { type: 'application/json' });

async function openLibrary(user: Awaited<ReturnType<typeof openApp>>['user']): Promise<HTMLElement> {
  await user.click(await screen.findByRole('menuitem', { name: '量表库' }));
  const table = (await screen.findByRole('columnheader', { name: '定义哈希' })).closest('.ant-table-wrapper') as HTMLElement;
  await within(table).findByText('患者健康问卷-9（PHQ-9）');
  return table;
}

test('量表库: a broken definition is refused with every JSON path and reason; a valid one is listed as 导入, and the same version again is refused', async () => {
  const { user } = await openApp({ setup: true });
  const table = await openLibrary(user);
  expect(screen.getByText(/SDQ、SCL-90/)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '导入量表定义' }));
  const dialog = await findDialog('导入量表定义');
  // rc-upload renders a fresh input after each pick.
  const input = () => dialog.querySelector<HTMLInputElement>('input[type=file]')!;

  const broken = myScale();
  broken.scales[0]!.bands[1]!.min = 4; // 5-9 now starts inside 0-4
  await user.upload(input(), jsonFile(broken));
  const problems = (await within(dialog).findByText(/定义未通过检查，没有导入/)).closest('.ant-table-wrapper') as HTMLElement;
  const rows = within(problems)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
  expect(rows).toContainEqual(['scales.0.bands.1.min', '分段之间有重叠']);
  expect(within(table).queryByText('myscale')).toBeNull();

  await user.upload(input(), jsonFile(myScale()));
  await messageShown('已导入 本区自编量表（1.0.0 版）');
  const row = (await within(table).findByText('myscale')).closest('tr')!;
  expect(within(row).getByText('导入')).toBeInTheDocument();
  expect(within(row).getByText('1.0.0')).toBeInTheDocument();
  expect(within(row).getByText('本区自编量表')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '导入量表定义' }));
  const again = await findDialog('导入量表定义');
  await user.upload(again.querySelector<HTMLInputElement>('input[type=file]')!, jsonFile(myScale()));
  expect(await within(again).findByText(/myscale 的 1\.0\.0 版已在量表库中。修改后的定义请换一个新的版本号再导入；已有的测评结果不会被改写。/)).toBeInTheDocument();
  expect(within(table).getAllByText('myscale')).toHaveLength(1);
});

test('量表库: a row opens the definition with its items, bands, licence and translation sources', async () => {
  const { user } = await openApp({ setup: true });
  const table = await openLibrary(user);
  await user.click(within(table).getByText('患者健康问卷-9（PHQ-9）'));
  const drawer = await findDialog('患者健康问卷-9（PHQ-9） · 1.0.0'.replace('1.0.0', phq9.version));
  await within(drawer).findByText('做事时提不起劲或没有兴趣');
  expect(within(drawer).getAllByText('建议优先复核').length).toBeGreaterThan(0);
  expect(within(drawer).getByText('Pfizer Inc.')).toBeInTheDocument();
  expect(within(drawer).getAllByText('未核对').length).toBe(2);
  expect(within(drawer).getByText('青少年转介线 ≥11（Richardson 2010） · 总分')).toBeInTheDocument();
  expect(drawer).not.toHaveTextContent(/抑郁|焦虑症|障碍/);
});

async function completeMyScale(client: CounselClient, studentId: string, date: string) {
  const form = await client.assessments.start({ studentId, scaleId: 'myscale', mode: 'paper', date, acknowledgeIneligible: true });
  for (const [i, code] of phq9Codes(12).entries()) await client.assessments.answer({ formId: form.id, itemId: `phq9_${i + 1}`, code });
  return client.assessments.finish({ formId: form.id });
}

test('重新计分 appears once a second version exists, and adds a derived row leaving the original as it was', async () => {
  let studentId = '';
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      await client.scales.import({ json: JSON.stringify(myScale('1.0.0')) });
      studentId = (await client.students.create(STUDENT)).id;
      await consentToTesting(client, studentId);
      await completeMyScale(client, studentId, '2025-03-03');
    },
  });
  const openArchive = async () => {
    // Two steps, so the archive mounts afresh and reads scales.list again.
    act(() => useNav.getState().reset());
    act(() => useNav.getState().open({ kind: 'archive', studentId }));
    await user.click(await screen.findByText('测评', { selector: '.ant-tabs-tab-btn' }));
    const card = (await screen.findByText('本区自编量表', { selector: '.ant-card-head-title' })).closest('.ant-card') as HTMLElement;
    await within(card).findAllByText('2025-03-03', { selector: 'td' });
    return card;
  };
  await screen.findByText('学生名册', { selector: '.ant-menu-title-content' });
  let card = await openArchive();
  expect(within(card).queryByText('重新计分', { selector: 'button span' })).toBeNull();

  await core.client.scales.import({ json: JSON.stringify(myScale('1.1.0')) });
  // Back to the roster and in again: the archive mounts afresh and reads scales.list again.
  await user.click(screen.getByText('学生名册', { selector: '.ant-menu-title-content' }));
  await waitFor(() => expect(screen.queryByText('测评', { selector: '.ant-tabs-tab-btn' })).toBeNull());
  card = await openArchive();
  await user.click(await within(card).findByText('重新计分', { selector: 'button span' }));
  const dialog = await findDialog('重新计分');
  expect(within(dialog).getByText(/原结果保持不变/)).toBeInTheDocument();
  expect(within(dialog).getByTitle('1.1.0')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: label('重新计分') }));
  await messageShown('已按 1.1.0 版重新计分，新结果另列一行；原结果保持不变。');

  await waitFor(() => expect(within(card).getAllByRole('row')).toHaveLength(3));
  const rows = within(card)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
  expect(rows).toContainEqual(['2025-03-03', '纸笔', '12', '需关注', '', '重新计分（1.1.0）', '']);
  expect(rows).toContainEqual(['2025-03-03', '纸笔', '12', '需关注', '', '', '重新计分']);
  const { items } = await core.client.assessments.ofStudent({ studentId, page: 1, pageSize: 10 });
  expect(items.map((f) => [f.version, f.derivedFrom === null])).toEqual(expect.arrayContaining([['1.0.0', true], ['1.1.0', false]]));
});
