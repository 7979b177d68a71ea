// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { trendOption, type TrendBand } from '../../renderer/src/features/assessments/TrendChart';
import { useNav } from '../../renderer/src/stores/nav';
import { STUDENT } from '../helpers/counseling';
import { completePhq9, consentToTesting, phq9Codes } from '../helpers/screening';
import { openApp } from './harness';

const BANDS: TrendBand[] = [
  { min: 5, max: 9, label: 'watch', text: '留意观察' },
  { min: 0, max: 4, label: 'clear', text: '暂无需关注' },
  { min: 10, max: 27, label: 'attention', text: '需关注' },
];

test('the option builder plots each score on its date and shades every band from its floor to the next', () => {
  const option = trendOption({ points: [{ date: '2025-03-01', score: 12 }, { date: '2025-04-01', score: 6 }], bands: BANDS, seriesName: '得分' });
  const [series] = option.series as [{ type: string; data: unknown; markArea: { data: [{ yAxis: number; name: string }, { yAxis: number }][] } }];
  expect(series.type).toBe('line');
  expect(series.data).toEqual([['2025-03-01', 12], ['2025-04-01', 6]]);
  // Bands in order of their floor, whatever order the definition lists them in; the top one ends at its max.
  expect(series.markArea.data.map(([from, to]) => [from.name, from.yAxis, to.yAxis])).toEqual([
    ['暂无需关注', 0, 5],
    ['留意观察', 5, 10],
    ['需关注', 10, 27],
  ]);
  expect(option.yAxis).toMatchObject({ min: 0, max: 27 });
  // One tick and one label per date plotted, and none between them.
  expect(option.xAxis).toMatchObject({ axisTick: { customValues: ['2025-03-01', '2025-04-01'] }, axisLabel: { customValues: ['2025-03-01', '2025-04-01'] } });
});

test('the archive’s 测评 tab draws the PHQ-9 trend with its neutral bands, leaving out a voided form', async () => {
  let studentId = '';
  const { user } = await openApp({
    setup: true,
    prepare: async ({ client }) => {
      studentId = (await client.students.create(STUDENT)).id;
      await consentToTesting(client, studentId);
      await completePhq9(client, { studentId, date: '2025-03-03' }, phq9Codes(12));
      await completePhq9(client, { studentId, date: '2025-04-07' }, phq9Codes(6));
      const voided = await client.assessments.start({ studentId, scaleId: 'phq9', mode: 'paper', date: '2025-04-08', acknowledgeIneligible: true });
      await client.assessments.void({ formId: voided.id, reason: '录入错学生' });
    },
  });
  await screen.findByRole('menuitem', { name: '学生名册' });
  act(() => useNav.getState().open({ kind: 'archive', studentId }));
  await user.click(await screen.findByRole('tab', { name: '测评' }));

  const chart = await screen.findByRole('img', { name: '患者健康问卷-9（PHQ-9） 得分趋势' });
  const svg = chart.querySelector('svg')!;
  for (const band of ['暂无需关注', '留意观察', '需关注', '建议复核', '建议优先复核']) expect(svg).toHaveTextContent(band);
  // The axis names the two forms' days, each once (its own ticks used to repeat a day).
  expect(svg.textContent!.match(/\d{4}-\d{2}-\d{2}/g)).toEqual(['2025-03-03', '2025-04-07']);
  expect(screen.getByText('1 份答卷未计入曲线（未完成、已作废或无效）')).toBeInTheDocument();

  const rows = screen.getAllByRole('row').slice(1);
  expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
    // PHQ-9 has other norm profiles, so its completed forms can be rescored.
    ['2025-04-08', '纸笔', '—', '', '', '已作废：录入错学生', ''],
    ['2025-04-07', '纸笔', '6', '留意观察', '', '', '重新计分'],
    ['2025-03-03', '纸笔', '12', '需关注', '', '', '重新计分'],
  ]);
  // Neutral words only (guide ETH-07).
  expect(document.body).not.toHaveTextContent(/抑郁|焦虑症|障碍/);
});
