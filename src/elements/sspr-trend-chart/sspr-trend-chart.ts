import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ReportClient } from '../../client/report-client.js';
import type { WaitInfo } from '../../client/client-options.js';
import { formatCount, formatDay } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import { fetchResetsAndChanges, type DailyResets } from '../../reports/resets-and-changes.js';
import type { Period } from '../../reports/types.js';
import { periodInEffect } from '../shared/period-element.js';
import { periodContext } from '../shared/context.js';
import { periodText } from '../shared/period-text.js';
import { SsprSeriesChart } from '../shared/series-chart/series-chart.js';
import type { SeriesModel } from '../shared/series-chart/series-model.js';
import type { DrilldownDetail } from '../shared/events.js';
import { css } from 'lit';

/**
 * Password resets (self-service and by an admin) and self-service password changes per day, from the
 * beta `userPasswordResetsAndChangesSummary` report, for the period. Self-service resets open the reset
 * events; admin resets and changes open their audit log entries.
 *
 * @tag sspr-trend-chart
 * @summary Daily password resets and changes.
 *
 * @fires {SsprDrilldownDetail} sspr-drilldown - A bar or a table count was activated. Cancelable.
 * @fires {SsprLoadDetail} sspr-load - The daily counts arrived.
 * @fires {SsprErrorDetail} sspr-error - The daily counts could not be read.
 *
 * @csspart summary - The sentence above the chart.
 * @csspart toggle - The "Show as table" button.
 * @csspart chart - The chart's box.
 * @csspart tooltip - The tooltip beside the pointer.
 * @csspart table - The data table (with `as-table`).
 * @csspart row - A row of the data table.
 * @csspart drilldown - A count button in the data table.
 * @csspart empty - What to check when the period has no resets or changes.
 * @csspart status - Waiting messages.
 * @csspart cancel - The Cancel button of a wait.
 * @csspart error - The error box.
 * @csspart retry - The Retry button.
 * @csspart updated - "Last updated …", when a reporting endpoint says when it last synced the report.
 *
 * @cssprop --sspr-chart-success - Colour of the self-service resets (default `--sspr-color-success`).
 * @cssprop --sspr-chart-bar-height - Height given to each category in horizontal layout (default 32px).
 */
export class SsprTrendChart extends SsprSeriesChart<DailyResets> {
  /** `d1`, `d7` or `d30`; when unset, the surrounding dashboard's period (or `d7`). */
  @property({ reflect: true }) period?: Period;

  @consume({ context: periodContext, subscribe: true })
  @state()
  protected contextPeriod?: Period;

  static override styles = [...SsprSeriesChart.styles, css`:host { --_chart-success: var(--sspr-chart-success, var(--_success)); }`];

  protected readonly report = 'userPasswordResetsAndChangesSummary';

  // the period attribute and context as SsprPeriodElement reads them (this is a series chart, not one)
  get #period(): Period {
    return periodInEffect(this.period, this.contextPeriod, this.effectiveClient?.facts.periods);
  }

  protected taskArgs() {
    return [this.#period] as const;
  }

  protected load(client: ReportClient, [period]: readonly unknown[], request: { signal: AbortSignal; onWait: (w: WaitInfo) => void }) {
    return fetchResetsAndChanges(client, period as Period, request);
  }

  protected loadingText(): string {
    return msg('Loading the daily password resets and changes…');
  }

  protected model(rows: DailyResets[]): SeriesModel {
    const days = rows.filter((r) => Number.isFinite(r.day));
    const sum = (key: 'selfService' | 'byAdmin' | 'changes') => days.reduce((n, r) => n + r[key], 0);
    const [self, admin, changes] = [sum('selfService'), sum('byAdmin'), sum('changes')];
    const period = periodText(this.#period);
    const busiest = days.reduce<DailyResets | undefined>((best, r) => (!best || r.selfService + r.byAdmin > best.selfService + best.byAdmin ? r : best), undefined);
    const head = msg(str`Password resets and changes, ${period}: ${formatCount(self)} self-service resets, ${formatCount(admin)} by an admin, ${formatCount(changes)} self-service changes`);
    const names = [msg('Self-service resets'), msg('Resets by an admin'), msg('Self-service changes')];
    return {
      categories: days.map((r) => formatDay(r.day)),
      series: [
        { name: names[0]!, values: days.map((r) => r.selfService), color: 'success' },
        { name: names[1]!, values: days.map((r) => r.byAdmin), color: 'accent', hatched: true },
        { name: names[2]!, values: days.map((r) => r.changes), color: 'muted' },
      ],
      stacked: false,
      orientation: 'vertical',
      summary: busiest && busiest.selfService + busiest.byAdmin > 0
        ? msg(str`${head}; busiest day: ${formatDay(busiest.day)}.`)
        : msg(str`${head}.`),
      caption: msg('Password resets and changes per day'),
      categoryHeader: msg('Day'),
      empty: self + admin + changes === 0 ? msg(str`No password resets or changes in the ${period}.`) : undefined,
      drill: (_i, s): DrilldownDetail =>
        s === 0
          ? { report: 'events', filter: { feature: 'reset', status: 'success' } }
          : { report: 'audit', filter: { activity: s === 1 ? 'Reset password (by admin)' : 'Change password (self-service)' } },
      drillLabel: (i, s) => {
        // the accessible name starts with what the button shows: its count
        const n = formatCount(s === 0 ? days[i]!.selfService : s === 1 ? days[i]!.byAdmin : days[i]!.changes);
        const day = formatDay(days[i]!.day);
        // it opens the period's rows: the table cannot filter one day
        if (s === 0) return msg(str`${n} on ${day}: show the period's self-service resets`);
        if (s === 1) return msg(str`${n} on ${day}: show the period's resets by an admin`);
        return msg(str`${n} on ${day}: show the period's self-service changes`);
      },
    };
  }
}
