import { html, nothing } from 'lit';
import type { TableData } from '../../controllers/table-data.js';
import type { TableLoader } from '../../controllers/table-loader.js';
import type { TableRow } from '../../table/columns.js';
import type { TableSource } from '../../table/sources.js';
import type { TableSort } from '../../table/table-model.js';
import { errorText } from '../../client/errors.js';
import { msg, str } from '../../i18n/msg.js';
import { renderEmptyReport, renderError, renderWait } from '../shared/status-views.js';
import type { WaitController } from '../shared/wait-controller.js';
import { renderServerNotice } from './server-notice.js';
import { renderLoadStatus } from './table-status.js';

export interface NoticesModel {
  data: TableData;
  source: TableSource<TableRow>;
  /** The facets and search in effect, and whether a period applies. */
  facets: Record<string, string>;
  search: string;
  period: boolean;
  sort: TableSort;
  waits: WaitController;
  formatCount: (n: number) => string;
}

/**
 * Everything the table says about its data above the grid: loading progress (or how far it got), the
 * client's waits, the admin look-up, and in server mode what was done in memory instead of at Graph.
 */
export function renderNotices({ data, source, facets, period, sort, waits, formatCount }: Omit<NoticesModel, 'search'>) {
  const loader = data.loader;
  const loaded = data.model.size;
  const server = data.activeMode === 'server';
  const label = (key: string) => source.facets.find((f) => f.key === key)?.label ?? key;
  return html`
    ${renderLoadStatus({ loader: loader as TableLoader<unknown>, sizing: data.sizing, mode: data.activeMode, total: data.total, rows: loaded, formatCount })}
    ${loader.state === 'loading' || data.admins === 'loading' ? renderWait(waits) : nothing}
    ${data.admins === 'loading' ? html`<p part="progress" class="progress">${msg("Reading the tenant's admins…")}</p>` : nothing}
    ${data.admins === 'failed'
      ? renderError(data.adminsError, () => data.retryAdmins(), {
          message: msg(str`The tenant's admins could not be read, so the Admin filter cannot be applied: ${errorText(data.adminsError)}`),
        })
      : nothing}
    ${server
      ? renderServerNotice({
          unpushed: Object.keys(facets).filter((key) => !source.serverFacets.includes(key) && source.facets.some((f) => f.key === key)).map(label),
          inMemory: source.inMemoryOnly?.({ period, sort }) ?? [],
          refused: loader.dropped.map((name) => ({ name, label: label(name) })),
          loaded: formatCount(loaded),
          more: loader.nextLink !== undefined,
        })
      : nothing}
  `;
}

/** Below an empty grid once loading has settled: no match for the filters, or a report with no rows at all. */
export function renderEmptyState({ data, facets, search }: Pick<NoticesModel, 'data' | 'facets' | 'search'>) {
  const state = data.loader.state;
  if (data.view.length > 0 || !(state === 'done' || state === 'more' || state === 'cancelled') || data.admins === 'loading') return nothing;
  if (data.model.size > 0) return html`<p part="empty" class="empty">${msg('No rows match these filters.')}</p>`;
  const filtered = data.activeMode === 'server' && (Object.keys(facets).length > 0 || search.length > 0);
  return renderEmptyReport(filtered ? msg('No rows in this report for these filters.') : msg('No rows in this report.'));
}
