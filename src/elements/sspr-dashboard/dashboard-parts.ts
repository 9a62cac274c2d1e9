/**
 * The parts of the elements inside the dashboard, forwarded (`exportparts`) so a page can style them
 * as `sspr-dashboard::part(…)`. Each is renamed `<prefix>-<part>`; the tiles' own parts also keep their
 * plain names (`tile`, `value`, …), since the dashboard has one set of tiles. A test checks these lists
 * against the parts each element documents.
 */
export const FORWARDED_PARTS = {
  tiles: ['base', 'tile', 'label', 'value', 'share', 'meter', 'trend', 'description', 'status', 'cancel', 'empty', 'error', 'retry', 'updated'],
  period: ['base', 'legend', 'option'],
  registrations: ['summary', 'toggle', 'chart', 'tooltip', 'table', 'row', 'drilldown', 'empty', 'status', 'cancel', 'error', 'retry', 'updated'],
  resets: ['summary', 'toggle', 'chart', 'tooltip', 'table', 'row', 'drilldown', 'empty', 'status', 'cancel', 'error', 'retry', 'updated'],
  methods: ['summary', 'toggle', 'chart', 'tooltip', 'table', 'row', 'drilldown', 'empty', 'status', 'cancel', 'error', 'retry', 'updated'],
  trend: ['summary', 'toggle', 'chart', 'tooltip', 'table', 'row', 'drilldown', 'empty', 'status', 'cancel', 'error', 'retry', 'updated'],
  insights: ['base', 'insight', 'question', 'ranking', 'drilldown', 'finding', 'missing', 'pending', 'progress', 'status', 'cancel', 'retry', 'updated'],
  table: ['toolbar', 'search', 'facet', 'period', 'count', 'clear', 'columns', 'export', 'progress', 'cancel', 'resume', 'error', 'retry', 'scroller', 'header-row', 'header-cell', 'row', 'cell', 'empty', 'status', 'updated'],
} as const;

/** Parts forwarded under their own name as well. */
const PLAIN = new Set(['tile', 'label', 'value', 'share', 'meter', 'trend']);

/** A chart's `chart` part would be `registrations-chart`, the dashboard's name for the chart element itself. */
const RENAMED: Record<string, string> = { chart: 'plot' };

/** The `exportparts` value for the element known by `prefix`. */
export function exportParts(prefix: keyof typeof FORWARDED_PARTS): string {
  return FORWARDED_PARTS[prefix]
    .flatMap((part) => [`${part}:${prefix}-${RENAMED[part] ?? part}`, ...(prefix === 'tiles' && PLAIN.has(part) ? [part] : [])])
    .join(', ');
}
