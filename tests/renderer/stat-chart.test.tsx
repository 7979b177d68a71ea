// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { StatTable } from '../../shared/api/statistics';
import { chartable, statChartOption } from '../../renderer/src/features/statistics/StatChart';
import { openApp } from './harness';

const TABLE: StatTable = {
  id: 'sessions.byGrade',
  section: 'sessions',
  unit: 'people',
  rows: ['g7', 'g8'],
  cols: ['sessions', 'clients'],
  cells: [[12, null], [0, 6]],
  colTotals: [12, null],
  rowTotals: null,
  total: null,
};
const labels = { row: (c: string) => `行${c}`, col: (c: string) => `列${c}` };

test('a table becomes grouped bars: rows along the axis, a series per column, a withheld figure a gap and not a zero', () => {
  const option = statChartOption(TABLE, labels);
  expect(option.xAxis).toMatchObject({ type: 'category', data: ['行g7', '行g8'] });
  expect(option.series).toEqual([
    { type: 'bar', name: '列sessions', data: [12, 0] },
    { type: 'bar', name: '列clients', data: ['-', 6] },
  ]);
  expect(chartable(TABLE)).toBe(true);
  expect(chartable({ ...TABLE, rows: [], cells: [] })).toBe(false);
  expect(chartable({ ...TABLE, unit: 'days' })).toBe(false);
});

test('统计报表 draws a chart above each table once 图表 is switched on', async () => {
  // Sessions by kind always has its five kinds as rows, even in an empty period.
  const { user } = await openApp({ setup: true });
  await user.click(await screen.findByRole('menuitem', { name: '统计报表' }));
  await screen.findByRole('heading', { name: '统计报表' });
  expect(screen.queryByRole('img', { name: '个体辅导：按会谈类型' })).toBeNull();
  await user.click(screen.getByRole('switch', { name: '图表' }));
  const chart = await screen.findByRole('img', { name: '个体辅导：按会谈类型' });
  expect(chart.querySelector('svg')).toHaveTextContent('初次会谈');
  // A median in days is not a chart.
  expect(screen.queryByRole('img', { name: '预警至首次干预（天，中位数）' })).toBeNull();
});
