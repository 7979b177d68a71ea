import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { StatTable } from '../../../../shared/api/statistics';
import { EChart } from '../../components/EChart';
import { useStatLabels } from './StatTableView';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type StatChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Calm greens and greys: figures, not alarms. */
const COLORS = ['#3f6e5a', '#7fa58f', '#b9cfc1', '#8c8f7a', '#c9b98f', '#a7a9ac', '#5b6660'];

/**
 * A table as grouped bars: its rows along the axis, one series per column. A withheld figure is a
 * gap (never drawn as zero), and the totals are left to the table.
 */
export function statChartOption(table: StatTable, labels: { row(code: string): string; col(code: string): string }): StatChartOption {
  return {
    animation: false,
    color: COLORS,
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: table.rows.map(labels.row), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: table.cols.map((c, i) => ({ type: 'bar', name: labels.col(c), data: table.cells.map((row) => row[i] ?? '-') })),
  };
}

/** Whether a table is worth a chart: counts or hours with rows to show. */
export const chartable = (t: StatTable): boolean => t.rows.length > 0 && (t.unit === 'people' || t.unit === 'events' || t.unit === 'hours');

export function StatChart({ table }: { table: StatTable }) {
  const labels = useStatLabels();
  const option = useMemo(() => statChartOption(table, labels), [table, labels]);
  return <EChart option={option} ariaLabel={labels.table(table.id)} height={220} />;
}
