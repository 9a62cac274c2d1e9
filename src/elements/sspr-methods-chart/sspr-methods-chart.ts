import { property } from 'lit/decorators.js';
import type { ReportClient } from '../../client/report-client.js';
import type { WaitInfo } from '../../client/client-options.js';
import { formatCount, formatShare } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import { fetchMethodCounts, type MethodCounts } from '../../reports/method-counts.js';
import { methodLabel } from '../../reports/methods.js';
import type { UserRoles, UserTypes } from '../../reports/types.js';
import { SsprSeriesChart } from '../shared/series-chart/series-chart.js';
import type { SeriesModel } from '../shared/series-chart/series-model.js';
import { userScopeFilter } from '../shared/user-scope.js';

/**
 * Users registered per authentication method (`usersRegisteredByMethod`), busiest method first, scoped
 * like the tiles by user type and role. A bar, or a count in the table, opens the users who registered
 * that method.
 *
 * @tag sspr-methods-chart
 * @summary Users registered per authentication method.
 *
 * @fires {SsprDrilldownDetail} sspr-drilldown - A bar or a table count was activated; `detail` is `{report: 'users', filter: {methodsRegistered}}` (with `userType` / `isAdmin` when scoped). Cancelable.
 * @fires {SsprLoadDetail} sspr-load - The counts arrived.
 * @fires {SsprErrorDetail} sspr-error - The counts could not be read.
 *
 * @csspart summary - The sentence above the chart.
 * @csspart toggle - The "Show as table" button.
 * @csspart chart - The chart's box.
 * @csspart tooltip - The tooltip beside the pointer.
 * @csspart table - The data table (with `as-table`).
 * @csspart row - A row of the data table.
 * @csspart drilldown - A count button in the data table.
 * @csspart empty - What to check when no user has registered a method.
 * @csspart status - Waiting messages.
 * @csspart cancel - The Cancel button of a wait.
 * @csspart error - The error box.
 * @csspart retry - The Retry button.
 * @csspart updated - "Last updated …", when a reporting endpoint says when it last synced the report.
 *
 * @cssprop --sspr-chart-bar-height - Height given to each method (default 32px).
 */
export class SsprMethodsChart extends SsprSeriesChart<MethodCounts> {
  /** Which users count: `all`, `member` or `guest`. */
  @property({ attribute: 'user-types' }) userTypes: UserTypes = 'all';

  /** Which roles count: `all`, `privilegedAdmin`, `admin` or `user`. */
  @property({ attribute: 'user-roles' }) userRoles: UserRoles = 'all';

  protected readonly report = 'usersRegisteredByMethod';


  protected taskArgs() {
    return [this.userTypes, this.userRoles] as const;
  }

  protected async load(client: ReportClient, [userTypes, userRoles]: readonly unknown[], request: { signal: AbortSignal; onWait: (w: WaitInfo) => void }) {
    return [await fetchMethodCounts(client, { userTypes: userTypes as UserTypes, userRoles: userRoles as UserRoles, ...request })];
  }

  protected loadingText(): string {
    return msg('Loading the users registered per method…');
  }

  protected model([counts]: MethodCounts[]): SeriesModel {
    // every user has a password: Graph counts it, but no one registers it and no user row lists it
    const methods = counts?.methods.filter((m) => m.users > 0 && m.method !== 'password') ?? [];
    const total = counts?.total ?? 0;
    const top = methods[0];
    const label = (i: number) => methodLabel(methods[i]!.method);
    return {
      categories: methods.map((m) => methodLabel(m.method)),
      series: [{ name: msg('Users'), values: methods.map((m) => m.users), color: 'accent' }],
      stacked: false,
      orientation: 'horizontal',
      summary: top
        ? msg(str`Users registered per method: most registered is ${methodLabel(top.method)}, by ${formatCount(top.users)} of ${formatCount(total)} users (${formatShare(top.users, total)}).`)
        : '',
      caption: msg('Users registered per method'),
      categoryHeader: msg('Method'),
      empty: top ? undefined : msg('No user has registered a method.'),
      drill: (i) => ({ report: 'users', filter: { methodsRegistered: methods[i]!.method, ...userScopeFilter(this.userTypes, this.userRoles) } }),
      drillLabel: (i) => msg(str`Show the ${formatCount(methods[i]!.users)} users who registered ${label(i)}`),
    };
  }
}
