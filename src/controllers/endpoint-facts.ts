import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReportClient } from '../client/report-client.js';

/**
 * Re-renders the host when its client learns something new about the endpoint (a report's last sync,
 * the periods it offers), following the host from one client to the next.
 */
export class EndpointFactsController implements ReactiveController {
  #client?: ReportClient;
  #unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clientOf: () => ReportClient | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#client = undefined;
  }

  #follow(): void {
    const client = this.clientOf();
    if (client === this.#client && this.#unsubscribe) return;
    this.#unsubscribe?.();
    this.#client = client;
    this.#unsubscribe = client?.facts.subscribe(() => this.host.requestUpdate());
  }
}
