import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ReportError } from '../../client/errors.js';
import type { ReportClient } from '../../client/report-client.js';
import { clientContext } from './context.js';
import { resolveClient } from './client-registry.js';
import { SsprLocalizedElement } from './localized-element.js';
import { WaitController } from './wait-controller.js';
import { FocusKeeper } from '../../controllers/focus-keeper.js';
import { EndpointFactsController } from '../../controllers/endpoint-facts.js';
import type { ReportRoute } from '../../graph/documented-queries.js';

/**
 * What every element that reads a report shares: where the data comes from (its own `endpoint`, else a
 * surrounding dashboard's client), how to authenticate, the client's current wait, and the language.
 *
 */
export abstract class SsprReportElement extends SsprLocalizedElement {
  /** Graph root the element reads from, e.g. `/graph` or `https://graph.microsoft.com`; wins over a dashboard's. */
  @property({ reflect: true }) endpoint?: string;

  /** Async function returning a bearer token (e.g. from MSAL); none is sent when it is unset. */
  @property({ attribute: false }) getToken?: () => Promise<string | undefined>;

  /** Fetch credentials mode: `same-origin` (default) or `include` for cookie-authenticated proxies. */
  @property({ attribute: false }) credentials?: RequestCredentials;

  /**
   * A client to use instead of one built from `endpoint` — for custom budgets, retries or fetch.
   * Wins over `endpoint` and over a dashboard's client.
   */
  @property({ attribute: false }) client?: ReportClient;

  /** The client a surrounding dashboard provides. */
  @consume({ context: clientContext, subscribe: true })
  @state()
  protected contextClient?: ReportClient;

  protected readonly waits = new WaitController(this);

  // Retry, Cancel and Resume replace themselves when pressed: keep focus in the element.
  readonly #focus = new FocusKeeper(this);

  // a reporting endpoint says in its answers when each report was last synced
  readonly #facts = new EndpointFactsController(this, () => this.effectiveClient);

  /**
   * When the oldest of `routes` was last brought up to date, if the endpoint said (never against plain
   * Graph). Inside a dashboard that lends its client, the dashboard says it once for all.
   */
  protected lastSynced(...routes: ReportRoute[]): number | undefined {
    const client = this.effectiveClient;
    if (client && client === this.contextClient) return undefined;
    const times = routes.map((route) => client?.facts.lastSync(route));
    return times.some((t) => t === undefined) ? undefined : Math.min(...(times as number[]));
  }

  /** The client in effect: an explicit `client`, else the element's own endpoint, else the context's. */
  protected get effectiveClient(): ReportClient | undefined {
    return resolveClient(this, this.contextClient);
  }

  /**
   * The user's Retry: runs `task` again. After Graph asked for a pause too long to wait out, Retry
   * means "try now anyway", so the pause is lifted for the endpoint first.
   */
  protected retry(task: { run(): unknown }, error?: unknown): void {
    if (error instanceof ReportError && error.retryAt !== undefined) this.effectiveClient?.resumeNow();
    void task.run();
  }
}
