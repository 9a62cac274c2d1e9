import type { ReactiveControllerHost } from 'lit';
import { LiveRegion } from '../../controllers/live-region.js';
import type { TableData } from '../../controllers/table-data.js';
import { emit } from '../shared/events.js';
import { formatCount, plural } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';

interface AnnouncerHost extends ReactiveControllerHost, HTMLElement {
  report: string;
  search: string;
  filter: Record<string, string | boolean>;
}

/**
 * What the table tells the page and assistive technology: `sspr-load` / `sspr-error` once per finished
 * load or failure, `sspr-filter-change` after a user's change (in server mode once its rows are in), and
 * the live region's "N of M rows" once things settle (in the host's language: called from its update).
 */
export class TableAnnouncer {
  readonly live: LiveRegion;
  #announced = '';
  #filterPending = false;

  constructor(
    private readonly host: AnnouncerHost,
    private readonly data: TableData,
  ) {
    this.live = new LiveRegion(host);
  }

  /** The user changed the search or a filter. */
  userFiltered(): void {
    if (this.data.activeMode === 'server') this.#filterPending = true;
    else this.host.updateComplete.then(() => this.#filterChange());
  }

  /** Call from the host's `updated()`. */
  afterUpdate(): void {
    const loader = this.data.loader;
    const server = this.data.activeMode === 'server';
    const state = `${this.data.loadKey}|${loader.state}|${server ? loader.pages : ''}`;
    if (state !== this.#announced) {
      this.#announced = state;
      const settled = loader.state === 'done' || loader.state === 'more';
      if (settled) emit(this.host, 'sspr-load', { report: this.host.report, rows: this.data.model.size, loadedAt: Date.now() });
      if (loader.state === 'failed') emit(this.host, 'sspr-error', { report: this.host.report, error: loader.error as Error });
      if ((settled || loader.state === 'failed') && this.#filterPending) {
        this.#filterPending = false;
        this.#filterChange(); // with what did load
      }
    }
    const size = this.data.model.size;
    const loaded = formatCount(size);
    const quiet = loader.state === 'done' || loader.state === 'more' || loader.state === 'cancelled';
    if (!quiet) return this.live.say('');
    const shown = formatCount(this.data.view.length);
    this.live.say(
      server
        ? plural(size, { one: () => msg(str`${loaded} row loaded.`), other: () => msg(str`${loaded} rows loaded.`) })
        : plural(size, { one: () => msg(str`${shown} of ${loaded} row.`), other: () => msg(str`${shown} of ${loaded} rows.`) }),
    );
  }

  #filterChange(): void {
    const { report, search, filter } = this.host;
    emit(this.host, 'sspr-filter-change', { report, search, filter, rows: this.data.view.length, total: this.data.model.size });
  }
}
