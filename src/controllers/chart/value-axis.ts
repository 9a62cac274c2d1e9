import { formatCount } from '../../i18n/format.js';
import type { ChartTheme } from './chart-theme.js';

/** The counts axis every bar chart draws: whole numbers only, labels in the reader's locale. */
export function valueAxis(theme: ChartTheme, lang: string) {
  return {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: theme.muted, formatter: (v: number) => formatCount(v, lang) },
    splitLine: { lineStyle: { color: theme.border, opacity: 0.6 } },
  };
}
