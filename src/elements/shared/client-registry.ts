import { endpointKey } from '../../client/endpoint-url.js';
import { ReportClient } from '../../client/report-client.js';

type TokenSource = () => Promise<string | undefined>;

const byEndpoint = new Map<string, ReportClient>();
const byToken = new WeakMap<TokenSource, Map<string, ReportClient>>();

/**
 * One client per endpoint (and credentials, and token source), shared by every element on the page,
 * so their requests share one cache, one de-duplication table and one request budget. Spellings of
 * one endpoint (`/graph`, `/graph/`, its absolute URL) are one endpoint.
 */
export function clientFor(endpoint: string, credentials: RequestCredentials = 'same-origin', getToken?: TokenSource): ReportClient {
  const key = `${credentials} ${endpointKey(endpoint)}`;
  const table = getToken ? (byToken.get(getToken) ?? byToken.set(getToken, new Map()).get(getToken)!) : byEndpoint;
  let client = table.get(key);
  if (!client) {
    client = new ReportClient({ endpoint, credentials, getToken });
    table.set(key, client);
  }
  return client;
}

/** What an element knows about its data source. */
export interface ClientSource {
  client?: ReportClient;
  endpoint?: string;
  credentials?: RequestCredentials;
  getToken?: TokenSource;
}

/** The client in effect: an explicit `client`, else one for the `endpoint`, else the `inherited` one. */
export function resolveClient(source: ClientSource, inherited?: ReportClient): ReportClient | undefined {
  if (source.client) return source.client;
  if (source.endpoint) return clientFor(source.endpoint, source.credentials, source.getToken);
  return inherited;
}
