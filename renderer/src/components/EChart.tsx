import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** jsdom and a hidden tab report no width; a chart still needs one to lay out. */
const FALLBACK_WIDTH = 640;

/**
 * Draws an ECharts option (SVG) into a box of fixed height that follows the window's width. The
 * chart kinds and components it uses are registered by the module that builds the option.
 */
export function EChart({ option, ariaLabel, height }: { option: EChartsCoreOption; ariaLabel: string; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg', height, width: el.clientWidth || FALLBACK_WIDTH });
    chart.setOption(option);
    const resize = () => chart.resize({ width: el.clientWidth || FALLBACK_WIDTH });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, height]);
  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
