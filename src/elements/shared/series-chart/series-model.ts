import type { DrilldownDetail } from '../events.js';

/** A series' colour: one of the theme's tokens (success, failure, accent, muted). */
export type SeriesColor = 'success' | 'failure' | 'accent' | 'muted';

export interface Series {
  name: string;
  values: number[];
  color: SeriesColor;
  /** Hatched (and dash-outlined) as well as coloured, so it differs by more than colour. */
  hatched?: boolean;
}

/** What a series chart draws, says and opens, worked out from its rows in the element's language. */
export interface SeriesModel {
  /** The category labels: methods, days. */
  categories: string[];
  series: Series[];
  stacked: boolean;
  orientation: 'horizontal' | 'vertical';
  /** The sentence above the chart (also what the data table sums up). */
  summary: string;
  /** The data table's caption. */
  caption: string;
  /** The data table's first column header ("Method", "Day"). */
  categoryHeader: string;
  /** Shown instead of a chart when there is nothing to draw. */
  empty?: string;
  /** What a bar (category `index` of series `series`) opens. */
  drill: (index: number, series: number) => DrilldownDetail | undefined;
  /** The accessible name of a count's drill-down button in the table. */
  drillLabel: (index: number, series: number) => string;
}
