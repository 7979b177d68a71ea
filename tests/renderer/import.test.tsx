// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { TEST_SCHOOL } from '../helpers/inproc';
import { label, openApp, openRoster, messageShown } from './harness';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/roster');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fixture(name: string): File {
  return new File([readFileSync(join(FIXTURES, name))], name, { type: XLSX });
}

async function openImport() {
  const app = await openApp({ setup: true });
  await openRoster(app.user);
  await app.user.click(await screen.findByRole('button', { name: '导入名册' }));
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  expect(input).toHaveAttribute('accept', '.xlsx,.csv');
  return { ...app, input };
}

test('import preview lists the bad row by its 学号 and 姓名 with translated reasons and keeps the import button disabled', async () => {
  const { core, user, input } = await openImport();
  await user.upload(input, fixture('roster-one-bad-row.xlsx'));

  expect(await screen.findByText('列的对应')).toBeInTheDocument();
  const issues = (await screen.findByText(/^问题（\d+）$/)).closest('.ant-table-wrapper') as HTMLElement;
  const badRows = within(issues)
    .getAllByRole('row')
    .filter((r) => within(r).queryAllByRole('cell')[0]?.textContent === '7');
  expect(badRows.map((r) => r.textContent)).toEqual(
    expect.arrayContaining([expect.stringContaining('性别应为 男 或 女'), expect.stringContaining('日期无法识别')]),
  );
  expect(badRows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['2023070106 · 陈思思', '2023070106 · 陈思思']);
  expect(screen.getByRole('button', { name: label('导入') })).toBeDisabled();
  expect((await core.client.students.list({})).total).toBe(0);
});

test('import of a clean file: counts, commit, success message, back on the roster with the students', async () => {
  const { core, user, input } = await openImport();
  await user.upload(input, fixture('roster-ok.xlsx'));

  expect(await screen.findByText('没有发现问题，可以导入。')).toBeInTheDocument();
  // The first rows as the roster will hold them: the class with its grade.
  const sample = screen.getByText('前几行导入后的样子').closest('.ant-table-wrapper') as HTMLElement;
  expect(within(sample).getAllByRole('row')).toHaveLength(6);
  expect(within(sample).getAllByRole('row')[1]).toHaveTextContent(/初[一二三]\d+班/);
  const creates = screen.getByText('新增').closest('.ant-statistic') as HTMLElement;
  expect(creates).toHaveTextContent('10');
  await user.click(screen.getByRole('button', { name: label('导入') }));

  await messageShown('导入完成：新增 10 人，更新 0 人');
  expect(await screen.findByRole('heading', { name: '学生名册' })).toBeInTheDocument();
  expect((await core.client.students.list({})).total).toBe(10);
  expect(await screen.findAllByRole('row')).toHaveLength(11);

  // The same file again: it would update the ten, and says that nothing of theirs changes.
  const [first] = (await core.client.students.list({ query: '张三明' })).items;
  await core.client.students.update({ id: first!.id, className: '9班' });
  await user.click(await screen.findByRole('button', { name: '导入名册' }));
  await user.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, fixture('roster-ok.xlsx'));
  expect(await screen.findByText('名册中已有、将被更改的学生（1 人）')).toBeInTheDocument();
  const changed = screen.getByText('名册中已有、将被更改的学生（1 人）').closest('.ant-table-wrapper') as HTMLElement;
  expect(within(changed).getAllByRole('row')[1]).toHaveTextContent(/张三明.*班级/);
  expect(screen.getByText('另有 9 人已在名册中，信息没有变化。')).toBeInTheDocument();
});

test('a commit the core refuses shows its issue list and changes nothing', async () => {
  const { core, user, input } = await openImport();
  await user.upload(input, fixture('roster-ok.xlsx'));
  expect(await screen.findByText('没有发现问题，可以导入。')).toBeInTheDocument();

  // Between preview and commit the school stops teaching 初中: the core re-checks every row.
  await core.client.settings.update({ school: { ...TEST_SCHOOL, stages: ['senior'] } });
  await user.click(screen.getByRole('button', { name: label('导入') }));

  expect(await screen.findByText('文件中仍有问题（见下表）。')).toBeInTheDocument();
  expect(screen.getByText('导入未执行，名册没有任何改动。')).toBeInTheDocument();
  expect(screen.getAllByText('该年级不在本校的学段内')).toHaveLength(10);
  expect(screen.getByRole('button', { name: label('导入') })).toBeDisabled();
  expect((await core.client.students.list({})).total).toBe(0);
});
