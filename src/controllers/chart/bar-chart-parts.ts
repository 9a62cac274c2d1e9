/** Pieces every bar chart's ECharts option is made of, so the activity and series charts draw alike. */
import { formatCount } from '../../i18n/format.js';
import type { ChartTheme } from './chart-theme.js';

/** The counts axis: whole numbers only, labels in the reader's locale. */
export function valueAxis(theme: ChartTheme, lang: string) {
  return {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: theme.muted, formatter: (v: number) => formatCount(v, lang) },
    splitLine: { lineStyle: { color: theme.border, opacity: 0.6 } },
  };
}

/**
 * A bar that differs from its neighbours by more than colour: a dashed outline always, and in forced
 * colours (where every bar is one system colour) a diagonal hatching too.
 */
export function hatchedBar(color: string, theme: ChartTheme) {
  const hatching = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: theme.surface };
  return { color, borderColor: theme.text, borderWidth: 1, borderType: [3, 2], ...(theme.forced ? { decal: hatching } : {}) };
}
