import type { EChartsCoreOption } from '../../../controllers/chart/echarts-bundle.js';
import type { ChartTheme } from '../../../controllers/chart/chart-theme.js';
import { hatchedBar, valueAxis } from '../../../controllers/chart/bar-chart-parts.js';
import { methodLabel } from '../../../reports/methods.js';
import type { ActivityRow } from '../../../reports/types.js';
import { formatCount } from '../../../i18n/format.js';
import { msg } from '../../../i18n/msg.js';
import { currentScope } from '../../../i18n/scope.js';

export type ChartLayout = 'stacked' | 'grouped';
export type ChartOrientation = 'horizontal' | 'vertical';



/**
 * The ECharts option for successful vs failed activity per method. Strings from the endpoint (method
 * names) become SVG text nodes, never HTML; the tooltip is the element's own (see activity-tooltip.ts).
 */
export function activityOption(
  rows: ActivityRow[],
  theme: ChartTheme,
  layout: ChartLayout,
  orientation: ChartOrientation,
): EChartsCoreOption {
  const names = [msg('Succeeded'), msg('Failed')];
  // ECharts calls the formatters later, outside the element's update: keep its locale now
  const lang = currentScope().format;
  const labels = rows.map((r) => methodLabel(r.method));
  const horizontal = orientation === 'horizontal';
  const stacked = layout === 'stacked';
  const axisLine = { lineStyle: { color: theme.border } };
  const categoryAxis = {
    type: 'category',
    data: labels,
    inverse: horizontal, // busiest method at the top
    axisLabel: { color: theme.text, width: 160, overflow: 'truncate' },
    axisLine,
    axisTick: { show: false },
  };
  const counts = valueAxis(theme, lang);
  const total = (i: number) => rows[i].succeeded + rows[i].failed;
  type LabelParams = { dataIndex: number; value: number };
  const valueLabel = (text: (p: LabelParams) => number) => ({
    show: true,
    position: horizontal ? 'right' : 'top',
    color: theme.text,
    formatter: (p: LabelParams) => formatCount(text(p), lang),
  });
  // stacked: one label with the total at the end of each bar; grouped: each bar its own value
  const series = [
    { name: names[0], data: rows.map((r) => r.succeeded), color: theme.success, label: stacked ? undefined : valueLabel((p) => p.value) },
    // a zero has no bar to outline: drop its border, or a stray dashed line would show
    { name: names[1], data: rows.map((r) => (r.failed ? r.failed : { value: 0, itemStyle: { borderWidth: 0 } })), color: theme.failure, label: valueLabel((p) => (stacked ? total(p.dataIndex) : p.value)) },
  ].map(({ color, ...s }, i) => ({
    ...s,
    type: 'bar',
    stack: stacked ? 'total' : undefined,
    barMaxWidth: 28,
    // failures are outlined (and hatched in forced colours): the two series differ by more than colour
    itemStyle: i === 1 ? hatchedBar(color, theme) : { color },
    emphasis: { focus: 'series' },
  }));
  const option = {
    animation: !theme.reducedMotion, // readers who asked the system for less motion get none
    animationDuration: 300,
    textStyle: { fontFamily: theme.font, color: theme.text },
    color: [theme.success, theme.failure],
    legend: { top: 0, left: 0, textStyle: { color: theme.text }, data: names },
    grid: { left: 8, right: 48, top: 32, bottom: 8 }, // ECharts 6 keeps axis labels inside the box by default
    xAxis: horizontal ? counts : categoryAxis,
    yAxis: horizontal ? categoryAxis : counts,
    series,
  };
  // Narrow boxes (a phone, a sidebar): shorter method labels leave the bars room.
  const narrowAxis = { axisLabel: { width: 84 } };
  return { ...option, media: [{ query: { maxWidth: 420 }, option: horizontal ? { yAxis: narrowAxis } : { xAxis: narrowAxis } }] };
}
