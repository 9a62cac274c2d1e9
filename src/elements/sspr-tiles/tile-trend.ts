/**
 * The tiles' trend lines: loaded only once an endpoint has said it keeps history (a page on plain
 * Graph never downloads this), then asked for the counts day by day and drawn per tile.
 */
import { html, nothing } from 'lit';
import type { ReportClient } from '../../client/report-client.js';
import { fetchFeatureHistory, type FeatureCountsOnDay } from '../../reports/feature-history.js';
import type { Period, UserRoles, UserTypes } from '../../reports/types.js';
import { formatCount } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import { periodLabel } from '../shared/period-text.js';

export interface TrendQuery {
  period: Period;
  userTypes: UserTypes;
  userRoles: UserRoles;
  signal: AbortSignal;
}

/** The counts day by day, behind every other request for the budget (nobody is waiting on a line). */
export const readTrend = (client: ReportClient, q: TrendQuery): Promise<FeatureCountsOnDay[]> =>
  fetchFeatureHistory(client, q.period, { userTypes: q.userTypes, userRoles: q.userRoles, signal: q.signal, background: true });

/** A feature's count as a line (for the eye) and as a sentence (for a screen reader, in the tile's name). */
export function renderTrend(days: readonly FeatureCountsOnDay[], feature: string, period: Period, lang: string) {
  if (days.length < 2) return nothing;
  const values = days.map((d) => d.counts[feature] ?? 0);
  const low = Math.min(...values);
  const range = Math.max(...values) - low || 1;
  const points = values.map((v, i) => `${((i / (values.length - 1)) * 100).toFixed(2)},${(22 - ((v - low) / range) * 20).toFixed(2)}`).join(' ');
  return html`<svg part="trend" class="trend" viewBox="0 0 100 24" preserveAspectRatio="none" aria-hidden="true"><polyline points=${points}></polyline></svg>
    <span class="visually-hidden">${msg(str`${periodLabel(period)}: from ${formatCount(values[0]!, lang)} to ${formatCount(values[values.length - 1]!, lang)}`)}</span>`;
}
