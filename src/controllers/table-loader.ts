import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ReportError, isAbortError } from '../client/errors.js';
import type { ReportClient } from '../client/report-client.js';
import type { WaitInfo } from '../client/client-options.js';
import type { RowPage } from '../reports/types.js';
import type { LoadOptions, TableSource } from '../table/sources.js';

export type LoadState = 'idle' | 'loading' | 'done' | 'more' | 'cancelled' | 'failed';

/**
 * Loads a report page by page into the table: every page (client mode) or one page per request
 * (server mode, as the user scrolls). Rows already loaded are kept whatever happens next; a cancel or a
 * failure remembers the next link so loading resumes where it stopped.
 */
export class TableLoader<Row> implements ReactiveController {
  state: LoadState = 'idle';
  error?: unknown;
  /** Rows received in this load. */
  loaded = 0;
  pages = 0;
  /** Where the next page is, while there is one. */
  nextLink?: string;
  /** The last stop was the host leaving the DOM, not the user's Cancel. */
  stoppedByDisconnect = false;
  /** Optional query parts Graph refused (`$top`, `isAdmin`): done in memory instead. */
  dropped: string[] = [];
  /** Times the read began again from the first page after Graph's page token expired, and rows skipped as already shown. */
  restarts = 0;
  skipped = 0;
  /** When the load began, and when its first page arrived (performance.now()). */
  startedAt = 0;
  firstPageAt = 0;

  #abort?: AbortController;
  #generation = 0;
  #job?: { client: ReportClient; source: TableSource<Row>; options: LoadOptions; all: boolean };
  /** The pages of rows given in this load, so a resumed read that must start over leaves them out. */
  #given: Row[][] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onRows: (rows: Row[]) => void,
    private readonly onWait: (wait: WaitInfo) => void,
  ) {
    host.addController(this);
  }

  /** Starts afresh (the caller has cleared its rows): every page when `all`, else the first page. */
  start(client: ReportClient, source: TableSource<Row>, options: LoadOptions, all: boolean): void {
    this.#stop();
    this.#job = { client, source, options, all };
    this.stoppedByDisconnect = false;
    this.loaded = 0;
    this.pages = 0;
    this.nextLink = undefined;
    this.error = undefined;
    this.dropped = [];
    this.#given = [];
    this.restarts = 0;
    this.skipped = 0;
    this.startedAt = performance.now();
    this.firstPageAt = 0;
    void this.#run(undefined);
  }

  /** Server mode: the next page, if there is one and nothing is loading. */
  more(): void {
    if (this.state === 'more' && this.nextLink) void this.#run(this.nextLink);
  }

  /** Continues from where a cancel or a failure stopped. */
  resume(): void {
    if ((this.state !== 'cancelled' && this.state !== 'failed') || !this.#job) return;
    this.stoppedByDisconnect = false;
    if (!this.canResume) {
      // every page that exists arrived (or the next one cannot be followed): starting over would repeat rows
      if (this.state === 'cancelled') this.state = 'done';
      this.host.requestUpdate();
      return;
    }
    // Graph asked for a pause too long to wait out; the user's Retry means "try now anyway".
    if (this.error instanceof ReportError && this.error.retryAt !== undefined) this.#job.client.resumeNow();
    void this.#run(this.nextLink);
  }

  /** There is somewhere to continue from: the next page's link, or nothing loaded yet. */
  get canResume(): boolean {
    return this.nextLink !== undefined || this.loaded === 0;
  }

  /** Stops loading; the rows loaded so far stay. */
  cancel(): void {
    if (this.state !== 'loading') return;
    this.#stop();
    this.state = 'cancelled';
    this.stoppedByDisconnect = false;
    this.host.requestUpdate();
  }

  /** Stops whatever is loading without a state change of its own (a new load replaces it). */
  stop(): void {
    this.#stop();
    this.state = 'idle';
    this.stoppedByDisconnect = false;
  }

  hostDisconnected(): void {
    if (this.state !== 'loading') return;
    this.#stop();
    this.state = 'cancelled';
    this.stoppedByDisconnect = true;
  }

  #stop(): void {
    this.#generation++;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #run(from: string | undefined): Promise<void> {
    const job = this.#job!;
    const generation = ++this.#generation;
    const abort = (this.#abort = new AbortController());
    this.state = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    let pages: AsyncGenerator<RowPage<Row>> | undefined;
    try {
      const earlier = from === undefined ? undefined : this.#given;
      const before = { restarts: this.restarts, skipped: this.skipped }; // a resumed read counts on
      pages = job.source.load(job.client, { ...job.options, from, earlier, signal: abort.signal, onWait: this.onWait });
      for await (const page of pages) {
        if (generation !== this.#generation) return;
        this.pages++;
        this.loaded += page.rows.length;
        this.#given.push(page.rows);
        this.nextLink = page.nextLink;
        this.dropped = page.dropped ?? [];
        this.restarts = before.restarts + (page.restarts ?? 0);
        this.skipped = before.skipped + (page.skipped ?? 0);
        if (!this.firstPageAt) this.firstPageAt = performance.now();
        this.onRows(page.rows);
        this.host.requestUpdate();
        // Let the first rows paint before the next page's parsing and indexing take the main thread
        // (a macrotask, not a frame: frames stop in background tabs, and loading must not).
        if (this.pages === 1) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (generation !== this.#generation) return;
        }
        if (!job.all && page.nextLink) {
          this.state = 'more';
          return;
        }
      }
      this.state = 'done';
      this.nextLink = undefined;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.state = isAbortError(error) ? 'cancelled' : 'failed';
      this.error = error;
    } finally {
      if (generation === this.#generation) {
        this.#abort = undefined;
        this.host.requestUpdate();
      }
    }
  }
}
