// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { STUDENT } from '../helpers/counseling';
import { consentToTesting } from '../helpers/screening';
import { findDialog, openApp, pickOption } from './harness';

/** What the mapping shows a column imported as. */
const shownChoice = (dialog: HTMLElement, column: string) => within(dialog).getByRole('combobox', { name: `“${column}”导入为` }).closest('.ant-select')!.textContent;
const csvFile = (lines: string[]) => new File([lines.join('\r\n')], 'phq9.csv', { type: 'text/csv' });
/** 测评施测 → 批量导入答卷 with PHQ-9 chosen; `input` is the file input (rc-upload renders a fresh one after each pick). */
async function openPhq9Import(user: UserEvent): Promise<{ dialog: HTMLElement; input(): HTMLInputElement }> {
  await user.click(await screen.findByRole('menuitem', { name: '测评施测' }));
  await user.click(await screen.findByRole('button', { name: '批量导入答卷' }));
  const dialog = await findDialog('批量导入答卷');
  await within(dialog).findByTitle('广泛性焦虑量表-7（GAD-7）');
  await pickOption(user, dialog, '量表', '患者健康问卷-9（PHQ-9）');
  return { dialog, input: () => dialog.querySelector<HTMLInputElement>('input[type=file]')! };
}

const HEADER = '学号,姓名,第1题,第2题,第3题,第4题,第5题,第6题,第7题,第8题,第9题';

test('批量导入答卷: a file with a bad row is listed and cannot be imported; the corrected file goes in whole', async () => {
  const ids: string[] = [];
  const { core, user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      for (const studentNo of ['1001', '1002']) {
        const s = await client.students.create({ ...STUDENT, studentNo });
        await consentToTesting(client, s.id);
        ids.push(s.id);
      }
    },
  });
  const { dialog, input } = await openPhq9Import(user);

  await user.upload(input(), csvFile([HEADER, '1001,某某,0,0,0,0,0,0,0,0,1', '1003,某某,4,0,0,0,0,0,0,0,0', '1002,某某,1,1,1,1,1,1,1,1,0']));
  const issues = (await within(dialog).findByText('问题（2）')).closest('.ant-table-wrapper') as HTMLElement;
  const rows = within(issues)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
  expect(rows).toEqual([
    ['3', '1003 · 某某', '学号', '1003', '名册中没有这个学号'],
    ['3', '1003 · 某某', '第1题', '4', '不是该题的选项（可填 0, 1, 2, 3）'],
  ]);
  expect(within(dialog).getByText(`第 2 行 · 学号 1001 · ${STUDENT.name}`)).toBeInTheDocument();
  // The column mapping, as on the roster import: each column's choice, and why.
  expect(shownChoice(dialog, '第1题')).toBe('第 1 题');
  expect(shownChoice(dialog, '姓名')).toBe('（不导入）');
  expect(within(dialog).getByRole('button', { name: '导入全部答卷' })).toBeDisabled();
  expect(within(dialog).getByRole('button', { name: '下载答卷模板' })).toBeEnabled();
  expect(within(dialog).getByText(/^可用的表头：学号/)).toBeInTheDocument();

  // The corrected file, its 学号 column headed 考号, which no rule reads: refused until mapped by hand.
  await user.upload(input(), csvFile([HEADER.replace('学号', '考号'), '1001,某某,0,0,0,0,0,0,0,0,1', '1002,某某,1,1,1,1,1,1,1,1,0']));
  expect(await within(dialog).findByRole('combobox', { name: '“考号”导入为' })).toBeInTheDocument();
  expect(shownChoice(dialog, '考号')).toBe('（不导入）');
  expect(within(dialog).getByRole('button', { name: '导入全部答卷' })).toBeDisabled();
  await pickOption(user, dialog, '“考号”导入为', '学号');
  expect(await within(dialog).findByText('没有发现问题，可以导入。')).toBeInTheDocument();
  expect(within(dialog).getByText('手动选择')).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: '导入全部答卷' }));
  expect(await within(dialog).findByText('已生成 1 条预警，请在“我的个案”中处理。')).toBeInTheDocument();
  const imported = within(dialog).getByText('已导入').closest('.ant-statistic') as HTMLElement;
  expect(imported).toHaveTextContent('2');

  const forms = await Promise.all(ids.map((studentId) => core.client.assessments.ofStudent({ studentId })));
  expect(forms.map((f) => f.items.map((x) => [x.mode, x.status]))).toEqual([[['import', 'completed']], [['import', 'completed']]]);
  expect((await core.client.alerts.open({})).items.map((a) => [a.studentId, a.severity])).toEqual([[ids[0], 'critical']]);
});

test('批量导入答卷: a column mapped by hand is pre-filled for the next file with the same headers, not for another layout', async () => {
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      for (const studentNo of ['1001', '1002']) await consentToTesting(client, (await client.students.create({ ...STUDENT, studentNo })).id);
    },
  });
  const { dialog, input } = await openPhq9Import(user);
  const ownHeader = HEADER.replace('学号', '考号');

  await user.upload(input(), csvFile([ownHeader, '1001,某某,0,0,0,0,0,0,0,0,0']));
  await pickOption(user, dialog, '“考号”导入为', '学号');
  expect(await within(dialog).findByText('没有发现问题，可以导入。')).toBeInTheDocument();
  expect(within(dialog).queryByText(/沿用上次导入/)).not.toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: '导入全部答卷' }));
  expect(await within(dialog).findByText('已导入')).toBeInTheDocument();

  // The next class's sheet, headed the same way: 考号 is read as 学号 without choosing it again.
  await user.upload(input(), csvFile([ownHeader, '1002,某某,0,0,0,0,0,0,0,0,0']));
  expect(await within(dialog).findByText(/沿用上次导入同样表头的文件时的选择/)).toBeInTheDocument();
  expect(shownChoice(dialog, '考号')).toBe('学号');
  expect(within(dialog).getByText('没有发现问题，可以导入。')).toBeInTheDocument();

  // A sheet with another header row is read by its own headers.
  await user.upload(input(), csvFile([`${ownHeader},备注`, '1002,某某,0,0,0,0,0,0,0,0,0,']));
  expect(await within(dialog).findByRole('combobox', { name: '“备注”导入为' })).toBeInTheDocument();
  expect(shownChoice(dialog, '考号')).toBe('（不导入）');
  expect(within(dialog).queryByText(/沿用上次导入/)).not.toBeInTheDocument();
});
