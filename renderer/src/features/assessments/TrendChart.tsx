import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, TooltipComponent, type GridComponentOption, type MarkAreaComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart } from '../../components/EChart';
import type { BandLabel } from '../../../../shared/domain/scales/definition';

// Only what a trend needs, so the bundle stays small. SVG rather than canvas: crisp when printed,
// and its text is in the DOM where tests (and screen readers' tooling) can read it.
echarts.use([LineChart, GridComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

export type TrendOption = ComposeOption<LineSeriesOption | GridComponentOption | MarkAreaComponentOption | TooltipComponentOption>;

export interface TrendPoint {
  date: string;
  score: number;
}

/** A band of the scale's definition, with its neutral label already translated. */
export interface TrendBand {
  min: number;
  max: number;
  label: BandLabel;
  text: string;
}

/** Pale shades that deepen with the band: nothing alarming, nothing that reads as a verdict. */
const BAND_SHADES: Record<BandLabel, string> = {
  clear: '#eef6ef',
  watch: '#f6f4e4',
  attention: '#fbefdc',
  review: '#fae4d4',
  priorityReview: '#f7dad2',
};

const HEIGHT = 240;

/**
 * The chart of one scale's scores over time. Bands are shaded from their lower bound up to the next
 * band's (definitions give integer ranges such as 0–4, 5–9; the gap between them is no man's land on
 * a continuous axis), and the y axis spans the definition's whole range so one score never looks like a peak.
 */
export function trendOption({ points, bands, seriesName }: { points: readonly TrendPoint[]; bands: readonly TrendBand[]; seriesName: string }): TrendOption {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const dates = [...new Set(points.map((p) => p.date))];
  const areas = sorted.map((band, i): [{ yAxis: number; name: string; itemStyle: { color: string } }, { yAxis: number }] => [
    { yAxis: band.min, name: band.text, itemStyle: { color: BAND_SHADES[band.label] } },
    { yAxis: sorted[i + 1]?.min ?? band.max },
  ]);
  return {
    animation: false,
    grid: { left: 48, right: 112, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis' },
    // Ticks and labels on the forms' own dates: a time axis's own ticks fall between them (hours,
    // when forms are days apart), and each then printed the same day again.
    xAxis: { type: 'time', axisTick: { customValues: dates }, axisLabel: { customValues: dates, formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true } },
    // The top of the range (27) is not a round step: its label would crowd the one below it.
    yAxis: { type: 'value', min: sorted[0]?.min, max: sorted.at(-1)?.max, minInterval: 1, axisLabel: { showMaxLabel: false } },
    series: [
      {
        type: 'line',
        name: seriesName,
        data: points.map((p) => [p.date, p.score]),
        symbolSize: 8,
        lineStyle: { color: '#3f6e5a', width: 2 },
        itemStyle: { color: '#3f6e5a' },
        markArea: { silent: true, label: { position: 'right', color: '#5b6660' }, data: areas },
      },
    ],
  };
}

/** Draws a trend option into a box of fixed height that follows the window's width. */
export function TrendChart({ option, ariaLabel }: { option: TrendOption; ariaLabel: string }) {
  return <EChart option={option} ariaLabel={ariaLabel} height={HEIGHT} />;
}
