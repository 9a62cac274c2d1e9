import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadECharts } from './load-echarts.js';
import type { EChartsCoreOption, EChartsType } from './echarts-bundle.js';

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/** The category under the pointer and where the pointer is, in pixels from the chart's top left. */
export interface ChartHover {
  index: number;
  x: number;
  y: number;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * An ECharts instance's lifecycle for a Lit element: load the chart chunk on first draw, init on the
 * container the host rendered (again if it rendered a new one), resize with a ResizeObserver (so a chart
 * first drawn in a hidden or zero-size box draws once shown), redraw when the colour scheme changes, and
 * dispose of everything on disconnect.
 */
export class ChartController implements ReactiveController {
  chart?: EChartsType;
  #observer?: ResizeObserver;
  #scheme = matchMedia('(prefers-color-scheme: dark)');
  #drawn = 0;

  constructor(
    private readonly host: Host,
    private readonly onBarClick: (click: ChartClick) => void,
    /** Called when the colour scheme changes, so the host re-reads its theme and redraws. */
    private readonly onSchemeChange: () => void,
    /** Called as the pointer moves over a category of the grid (undefined when it leaves). */
    private readonly onHover: (hover: ChartHover | undefined) => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#scheme.addEventListener('change', this.onSchemeChange);
  }

  hostDisconnected(): void {
    this.#scheme.removeEventListener('change', this.onSchemeChange);
    this.dispose();
  }

  /** Draws `option` into `container` (replacing the previous drawing). Resolves once drawn. */
  async draw(container: HTMLElement, option: EChartsCoreOption): Promise<void> {
    const ticket = ++this.#drawn;
    const echarts = await loadECharts();
    // A newer draw, a disconnect or a re-render with another container wins over this one.
    if (ticket !== this.#drawn || !this.host.isConnected || !container.isConnected) return;
    if (this.chart?.getDom() !== container) {
      this.dispose();
      this.chart = echarts.initChart(container);
      this.chart.on('click', (p) => {
        const params = p as { componentType?: string; seriesIndex?: number; dataIndex?: number };
        if (params.componentType === 'series') this.onBarClick({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex ?? 0 });
      });
      this.#watchPointer(this.chart);
      this.#observer = new ResizeObserver(() => this.chart?.resize());
      this.#observer.observe(container);
    }
    this.chart.setOption(option, { notMerge: true });
  }

  /** Reports the category under the pointer anywhere in the grid (not only over a bar), like an axis tooltip. */
  #watchPointer(chart: EChartsType): void {
    const zr = chart.getZr();
    zr.on('mousemove', (e) => {
      const point = [e.offsetX, e.offsetY];
      if (!chart.containPixel({ gridIndex: 0 }, point)) return this.onHover(undefined);
      const [x, y] = chart.convertFromPixel({ gridIndex: 0 }, point) as number[];
      const horizontal = (chart.getOption() as { yAxis?: { type?: string }[] }).yAxis?.[0]?.type === 'category';
      this.onHover({ index: Math.round(horizontal ? y : x), x: e.offsetX, y: e.offsetY });
    });
    zr.on('globalout', () => this.onHover(undefined));
  }

  /** Releases the instance and the observer (also when the host drops its chart container). */
  dispose(): void {
    if (this.chart) this.onHover(undefined);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }
}
