import { SsprActivityChart } from '../shared/activity-chart/activity-chart.js';

/**
 * Successful vs failed SSPR registrations per method, over the period (its own `period`, else the dashboard's). Horizontal stacked bars by
 * default, with a text summary ("Registrations, last 7 days: 1,204 succeeded, 88 failed; most used: Microsoft Authenticator app.") and a table alternative whose counts are
 * buttons. Activating a bar or a count fires `sspr-drilldown` for the matching events. ECharts is loaded
 * on first draw, so pages without charts never download it.
 *
 * @tag sspr-registrations-chart
 * @summary Successful vs failed SSPR registrations per method (`userRegistrationActivity`).
 *
 * @fires {SsprDrilldownDetail} sspr-drilldown - A bar or a table count was activated; `detail` is `{report: 'events', filter: {feature, method, status}}`. Cancelable.
 * @fires {SsprLoadDetail} sspr-load - The activity arrived.
 * @fires {SsprErrorDetail} sspr-error - The activity could not be read; `detail.error.kind` says why.
 *
 * @csspart summary - The sentence that sums the chart up.
 * @csspart toggle - The "Show as table" button.
 * @csspart chart - The chart's box.
 * @csspart tooltip - The counts for the method under the pointer (Escape hides it).
 * @csspart table - The table alternative.
 * @csspart row - A table row.
 * @csspart drilldown - A count button in the table.
 * @csspart empty - The message for a period with no activity (with what to check when there is none at all).
 * @csspart status - Waiting and hint messages ("has not answered yet", "retrying in 4 s").
 * @csspart cancel - The Cancel button of a wait or a slow answer.
 * @csspart error - The error box.
 * @csspart retry - The Retry button.
 * @csspart updated - "Last updated …", when a reporting endpoint says when it last synced the report.
 *
 * @cssprop --sspr-chart-success - Colour of successful activity (default `--sspr-color-success`).
 * @cssprop --sspr-chart-failure - Colour of failed activity (default `--sspr-color-failure`).
 * @cssprop --sspr-chart-bar-height - Height given to each method in horizontal layout (default 32px).
 */
export class SsprRegistrationsChart extends SsprActivityChart {
  protected readonly feature = 'registration';
}
