/**
 * The chart chunk: ECharts' core with only what bar charts need. Loaded with a dynamic import on first
 * draw (see load-echarts.ts), so a page without charts never downloads it.
 */
import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

let registered = false;

/**
 * `echarts.init` with our pieces registered first. Registering inside the call (not at module level)
 * keeps it from being tree-shaken away: the package declares its modules side-effect free.
 */
export function initChart(container: HTMLElement): EChartsType {
  if (!registered) {
    use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
    registered = true;
  }
  return init(container, undefined, { renderer: 'svg' });
}

export type { EChartsType, EChartsCoreOption } from 'echarts/core';
import type { EChartsType } from 'echarts/core';
