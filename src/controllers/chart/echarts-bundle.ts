/**
 * The chart chunk: ECharts' core with only what bar charts need. Loaded with a dynamic import on first
 * draw (see load-echarts.ts), so a page without charts never downloads it. ECharts' own tooltip is not
 * included: it writes HTML strings into the page (blocked under Trusted Types); the elements draw
 * their own tooltip with Lit.
 */
import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsType } from 'echarts/core';

let registered = false;

interface SvgPainter {
  root?: HTMLElement;
  _svgDom?: SVGElement;
  dispose(): void;
  clear(): void;
}

/**
 * zrender's SVG painter empties its nodes with `innerHTML = ''`, which throws on a page that enforces
 * Trusted Types. Empty them through the DOM first and let the original code skip that step.
 */
function emptyWithoutInnerHtml(chart: EChartsType): void {
  const painter = chart.getZr().painter as unknown as SvgPainter;
  const { dispose, clear } = painter;
  painter.dispose = function (this: SvgPainter) {
    this.root?.replaceChildren();
    this.root = undefined;
    dispose.call(this);
  };
  painter.clear = function (this: SvgPainter) {
    const svg = this._svgDom;
    svg?.replaceChildren();
    this._svgDom = undefined;
    clear.call(this);
    this._svgDom = svg;
  };
}

/**
 * `echarts.init` with our pieces registered first. Registering inside the call (not at module level)
 * keeps it from being tree-shaken away: the package declares its modules side-effect free.
 */
export function initChart(container: HTMLElement): EChartsType {
  if (!registered) {
    use([BarChart, GridComponent, LegendComponent, SVGRenderer]);
    registered = true;
  }
  const chart = init(container, undefined, { renderer: 'svg' });
  emptyWithoutInnerHtml(chart);
  return chart;
}

export type { EChartsType, EChartsCoreOption } from 'echarts/core';
