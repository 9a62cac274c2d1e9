/** The colours and font a chart draws with, read from the element's resolved `--sspr-*` tokens. */
export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  surface: string;
  success: string;
  failure: string;
  font: string;
}

/**
 * ECharts cannot read `var()`, so resolve the element's private custom properties (each already
 * `var(--sspr-chart-…, var(--sspr-…, default))`) to concrete values.
 */
export function readChartTheme(host: Element): ChartTheme {
  const style = getComputedStyle(host);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--_text', '#1b1d21'),
    muted: read('--_muted', '#5b6170'),
    border: read('--_border', '#d5d8de'),
    surface: read('--_surface', '#ffffff'),
    success: read('--_chart-success', '#12805c'),
    failure: read('--_chart-failure', '#c4314b'),
    font: read('--_font', 'sans-serif'),
  };
}
