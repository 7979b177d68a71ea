// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { findDialog, label, messageShown, openApp, openRoster } from './harness';

/** 23 students: 14 in 初一1班 (学号 A01…), 9 in 初三2班 (B01…), so the plan has three pages of ten. */
const students = [
  ...Array.from({ length: 14 }, (_, i) => ({ studentNo: `A${String(i + 1).padStart(2, '0')}`, grade: 7, className: '1班' })),
  ...Array.from({ length: 9 }, (_, i) => ({ studentNo: `B${String(i + 1).padStart(2, '0')}`, grade: 9, className: '2班' })),
];

const studentNosShown = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent);

test('学年升级: the students come a page at a time from the core, with the totals of the whole plan, and the 升级 moves all of them', async () => {
  const { core, user, calls } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      for (const s of students) await client.students.create({ ...s, name: `学生${s.studentNo}`, sex: 'F', status: 'active' });
    },
  });
  await openRoster(user);
  await user.click(await screen.findByRole('button', { name: /升\s*级/ }));
  const dialog = await findDialog('学年升级');
  const table = await within(dialog).findByRole('table', { name: '升级的学生' });
  expect(await within(dialog).findByText('共 23 名学生')).toBeInTheDocument();
  expect(studentNosShown(table)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10']);
  // The totals are of the whole plan, not of the page.
  expect(dialog).toHaveTextContent('升级14');
  expect(dialog).toHaveTextContent('毕业9');

  const previews = () => calls.filter((m) => m === 'students.rollForwardPreview').length;
  const before = previews();
  await user.click(within(dialog).getByRole('button', { name: '下一页' }));
  await waitFor(() => expect(studentNosShown(table)).toEqual(['A11', 'A12', 'A13', 'A14', 'B01', 'B02', 'B03', 'B04', 'B05', 'B06']));
  expect(previews()).toBe(before + 1);
  await user.click(within(dialog).getByRole('button', { name: '下一页' }));
  await waitFor(() => expect(studentNosShown(table)).toEqual(['B07', 'B08', 'B09']));
  expect(within(table).getAllByText('毕业')).toHaveLength(3);

  // Applying from the last page applies the whole plan. Outside the summer break the dialog warns
  // first (the test runs on the real date), and the 升级 waits for the acknowledgement.
  const acknowledge = within(dialog).queryByRole('checkbox', { name: '我已了解以上情况，仍要升级' });
  if (acknowledge) await user.click(acknowledge);
  await user.click(within(dialog).getByRole('button', { name: label('执行升级') }));
  const confirm = await findDialog('确认执行升级？');
  expect(confirm).toHaveTextContent('14 名学生升级，9 名学生毕业');
  await user.click(within(confirm).getByRole('button', { name: label('执行升级') }));
  await messageShown('升级完成：14 人升级，9 人毕业');
  const after = (await core.client.students.list({ sort: 'studentNo', pageSize: 200 })).items.map((x) => [x.studentNo, x.grade, x.status]);
  expect(after).toEqual(students.map((s) => [s.studentNo, s.grade === 9 ? 9 : 8, s.grade === 9 ? 'graduated' : 'active']));
});
