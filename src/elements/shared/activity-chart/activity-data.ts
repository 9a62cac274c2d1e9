import { methodLabel } from '../../../reports/methods.js';
import type { ActivityRow, Period } from '../../../reports/types.js';
import { formatCount } from '../../../i18n/format.js';
import { msg, str } from '../../../i18n/msg.js';
import { periodText } from '../period-text.js';
import type { ActivityWords } from './activity-words.js';

/**
 * The rows one chart draws: its feature only, busiest method first; methods with no activity are
 * left out unless `showEmpty`. Duplicate rows for one method (Graph may split them) are summed.
 */
export function chartRows(rows: ActivityRow[], feature: string, showEmpty: boolean): ActivityRow[] {
  const byMethod = new Map<string, ActivityRow>();
  for (const row of rows) {
    if (row.feature !== feature) continue;
    const seen = byMethod.get(row.method);
    if (seen) byMethod.set(row.method, { ...seen, succeeded: seen.succeeded + row.succeeded, failed: seen.failed + row.failed });
    else byMethod.set(row.method, row);
  }
  return [...byMethod.values()]
    .filter((r) => showEmpty || r.succeeded + r.failed > 0)
    .sort((a, b) => b.succeeded + b.failed - (a.succeeded + a.failed) || methodLabel(a.method).localeCompare(methodLabel(b.method)));
}

export interface ActivityTotals {
  succeeded: number;
  failed: number;
}

export function totals(rows: ActivityRow[]): ActivityTotals {
  return rows.reduce((t, r) => ({ succeeded: t.succeeded + r.succeeded, failed: t.failed + r.failed }), { succeeded: 0, failed: 0 });
}

/** "Password resets, last 7 days: 412 succeeded, 37 failed; most used: SMS." */
export function summarize(words: ActivityWords, rows: ActivityRow[], period: Period): string {
  const t = totals(rows);
  const head = words.totals(periodText(period), formatCount(t.succeeded), formatCount(t.failed));
  const busiest = rows.find((r) => r.succeeded + r.failed > 0);
  return busiest ? msg(str`${head}; most used: ${methodLabel(busiest.method)}.`) : msg(str`${head}.`);
}
