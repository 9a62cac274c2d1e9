import type { EChartsCoreOption } from '../../../controllers/chart/echarts-bundle.js';
import type { ChartTheme } from '../../../controllers/chart/chart-theme.js';
import { hatchedBar, valueAxis } from '../../../controllers/chart/bar-chart-parts.js';
import { currentScope } from '../../../i18n/scope.js';
import type { SeriesModel } from './series-model.js';


/** The ECharts option for a series chart (bars; category labels are SVG text, never HTML). */
export function seriesOption(model: SeriesModel, theme: ChartTheme): EChartsCoreOption {
  const lang = currentScope().format; // ECharts calls the formatters later, outside the element's update
  const horizontal = model.orientation === 'horizontal';
  const categoryAxis = {
    type: 'category',
    data: model.categories,
    inverse: horizontal,
    axisLabel: { color: theme.text, width: horizontal ? 160 : undefined, overflow: 'truncate', hideOverlap: true },
    axisLine: { lineStyle: { color: theme.border } },
    axisTick: { show: false },
  };
  const counts = valueAxis(theme, lang);
  const colors = { success: theme.success, failure: theme.failure, accent: theme.accent, muted: theme.muted };
  const series = model.series.map((s) => ({
    name: s.name,
    type: 'bar',
    data: s.values.map((v) => (v ? v : { value: 0, itemStyle: { borderWidth: 0 } })),
    stack: model.stacked ? 'total' : undefined,
    barMaxWidth: 28,
    itemStyle: s.hatched ? hatchedBar(colors[s.color], theme) : { color: colors[s.color] },
    emphasis: { focus: 'series' },
  }));
  return {
    animation: !theme.reducedMotion,
    animationDuration: 300,
    textStyle: { fontFamily: theme.font, color: theme.text },
    color: model.series.map((s) => colors[s.color]),
    legend: model.series.length > 1 ? { top: 0, left: 0, textStyle: { color: theme.text }, data: model.series.map((s) => s.name) } : undefined,
    grid: { left: 8, right: 24, top: model.series.length > 1 ? 32 : 8, bottom: 8 },
    xAxis: horizontal ? counts : categoryAxis,
    yAxis: horizontal ? categoryAxis : counts,
    series,
    media: [{ query: { maxWidth: 420 }, option: horizontal ? { yAxis: { axisLabel: { width: 84 } } } : {} }],
  };
}
