// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { AppProviders } from '../../renderer/src/components/AppProviders';
import { PaperEntryGrid, type PaperStudent } from '../../renderer/src/features/assessments/paper/PaperEntryGrid';
import { STUDENT } from '../helpers/counseling';
import { findDialog, label, openApp } from './harness';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const CLASS = [
  STUDENT,
  { ...STUDENT, studentNo: '20240102', name: '李小红', sex: 'F' as const },
  { ...STUDENT, studentNo: '20240103', name: '王五' },
];

async function classWithConsent(client: CounselClient, count: number): Promise<PaperStudent[]> {
  const rows: PaperStudent[] = [];
  for (const s of CLASS.slice(0, count)) {
    const { id } = await client.students.create(s);
    for (const party of ['student', 'guardian'] as const) {
      await client.consents.record({ studentId: id, scope: 'testing', party, outcome: 'given', date: '2025-03-10', form: 'written' });
    }
    rows.push({ studentId: id, name: s.name, studentNo: s.studentNo });
  }
  return rows;
}

/** The grid alone, as the campaign page places it, on the app's core. */
async function openGrid(count: number) {
  let students: PaperStudent[] = [];
  const app = await openApp({ setup: true, prepare: async ({ client }) => void (students = await classWithConsent(client, count)) });
  // The app's landing page takes focus to its title once it has loaded; the grid, drawn beside the
  // app rather than in its dialog, must get the keys after that, not lose them to it mid-row.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: '我的个案' })));
  const { container } = render(
    <AppProviders>
      <PaperEntryGrid students={students} scale={{ scaleId: 'phq9' }} date={today()} />
    </AppProviders>,
  );
  await within(container).findByRole('grid');
  const cell = (name: string, n: number) => within(container).getByRole('gridcell', { name: new RegExp(`^${name} 第${n}题`) });
  const formOf = async (studentId: string) => (await app.core.client.assessments.ofStudent({ studentId })).items[0];
  return { ...app, students, grid: container, cell, formOf };
}

test('digits save and move on, row after row; a wrong digit is refused; item 9 = 1 raises the alert on its keystroke, entry goes on', async () => {
  const { core, user, students, grid, cell, formOf } = await openGrid(3);
  const [a, b, c] = students as [PaperStudent, PaperStudent, PaperStudent];
  // Opened, the grid has the keys: the first student's first item.
  await waitFor(() => expect(document.activeElement).toBe(cell(a.name, 1)));
  await user.keyboard('000000000');
  // End of the row: the next student's first item.
  await waitFor(() => expect(document.activeElement).toBe(cell(b.name, 1)));
  const rowA = within(grid).getByRole('row', { name: a.name });
  await waitFor(async () => expect((await formOf(a.studentId))?.answers).toEqual(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, '0']))));
  // Scored as typed, with the neutral band label.
  expect(rowA.querySelector('[data-scale=total]')).toHaveTextContent(/^0暂无需关注$/);

  // PHQ-9 codes are 0–3: a 7 is refused on the spot and nothing is saved (no form is even started).
  await user.keyboard('7');
  expect(await within(grid).findByText('第1题没有选项“7”，未保存。可以输入：0 1 2 3')).toBeInTheDocument();
  expect(document.activeElement).toBe(cell(b.name, 1));
  expect(await formOf(b.studentId)).toBeUndefined();

  await user.keyboard('00000000');
  expect(within(grid).queryByRole('alert')).toBeNull();
  await user.keyboard('1');
  const alert = await within(grid).findByRole('alert');
  expect(alert).toHaveTextContent(`危急预警：${b.name} 第9题`);
  const [raised] = (await core.client.alerts.open({})).items;
  expect(raised).toMatchObject({ studentId: b.studentId, severity: 'critical', items: ['phq9_9'] });
  expect(await formOf(b.studentId)).toMatchObject({ status: 'inProgress' });
  // Marked in the grid itself, in colour and in words: the row (its tag and name) and the item's cell.
  const rowB = within(grid).getByRole('row', { name: `${b.name}，危急预警 第9题` });
  expect(rowB).toHaveClass('alert-critical');
  expect(within(rowB).getByText('危急预警 第9题')).toBeInTheDocument();
  expect(within(grid).getByRole('gridcell', { name: `${b.name} 第9题 危急预警` })).toHaveClass('alert-critical');
  expect(cell(b.name, 8)).not.toHaveClass('alert-critical');
  expect(rowA).not.toHaveClass('alert-critical');

  // Entry for the next student is not blocked; Backspace on an empty cell takes back the one before.
  expect(document.activeElement).toBe(cell(c.name, 1));
  await user.keyboard('2');
  await waitFor(async () => expect((await formOf(c.studentId))?.answers).toEqual({ phq9_1: '2' }));
  await user.keyboard('{Backspace}');
  expect(document.activeElement).toBe(cell(c.name, 1));
  expect(cell(c.name, 1)).toHaveTextContent('');
  await waitFor(async () => expect((await formOf(c.studentId))?.answers).toEqual({}));

  await user.click(within(alert).getByRole('button', { name: '确认处理' }));
  const ack = await findDialog(`处理预警：${b.name}`);
  await user.click(within(ack).getByLabelText('已当面约谈'));
  await user.click(within(ack).getByRole('button', { name: label('保存') }));
  await waitFor(() => expect(within(grid).queryByRole('alert')).toBeNull());
  expect((await core.client.alerts.open({})).items).toEqual([]);
  // Handled, the banner goes; the answer stays marked, said to be handled.
  expect(within(grid).getByRole('row', { name: `${b.name}，危急预警 第9题（已处理）` })).toHaveClass('alert-critical');
  expect(within(grid).getByRole('gridcell', { name: `${b.name} 第9题 危急预警` })).toBeInTheDocument();

  await user.click(within(rowA).getByRole('button', { name: label('完成') }));
  await within(rowA).findByText('已完成');
  const finished = await formOf(a.studentId);
  expect(finished).toMatchObject({ status: 'completed', mode: 'paper' });
  expect(finished!.result!.scales[0]).toMatchObject({ id: 'total', score: 0 });
});

test('double entry: the row is keyed again, a differing cell is flagged and blocks finishing until two keyings agree', async () => {
  const { user, students, grid, cell, formOf } = await openGrid(1);
  const [a] = students as [PaperStudent];
  await user.click(within(grid).getByRole('switch', { name: '双录入核对' }));
  await user.click(cell(a.name, 1));
  await user.keyboard('111100000');
  // The second keying starts over on the same row, and finishing waits for it.
  await waitFor(() => expect(document.activeElement).toBe(cell(a.name, 1)));
  const row = within(grid).getByRole('row', { name: a.name });
  const finish = within(row).getByRole('button', { name: label('完成') });
  expect(finish).toBeDisabled();

  // Item 3 typed as 2 (first entry said 1), item 5 as 1 (first entry said 0).
  await user.keyboard('112110000');
  expect(cell(a.name, 3)).toHaveAccessibleName(/与首次录入不一致/);
  expect(cell(a.name, 5)).toHaveAccessibleName(/与首次录入不一致/);
  expect(within(row).getByText('2 格不一致')).toBeInTheDocument();
  expect(finish).toBeDisabled();

  // Item 3: the paper says 1 after all — typed as first entered, it agrees.
  await user.click(cell(a.name, 3));
  await user.keyboard('1');
  // Item 5: typed 1 twice, so the first entry was the slip: 1 replaces it.
  await user.click(cell(a.name, 5));
  await user.keyboard('1');
  expect(cell(a.name, 5)).not.toHaveAccessibleName(/与首次录入不一致/);
  await waitFor(() => expect(finish).toBeEnabled());
  await waitFor(async () => expect((await formOf(a.studentId))?.answers).toMatchObject({ phq9_3: '1', phq9_5: '1' }));

  await user.click(finish);
  await within(row).findByText('已完成');
  expect((await formOf(a.studentId))!.result!.scales[0]).toMatchObject({ score: 5 });
});
