/**
 * What the load bench's viewers ask, as autocannon request lists, one list per connection: every
 * other connection is an audit table in server mode paging a filtered users report to its end by
 * its nextLinks (then the next filter), the others are dashboards loading their routes in turn.
 * Each connection sends its own bearer token when sign-in is on. The time of each request is taken
 * here too (from autocannon's 'request' event, right before the write, to its last byte), so the two
 * kinds of viewer get latencies of their own beside autocannon's overall histogram.
 */
import type { Client, Request } from 'autocannon';
import { and, eq, queryString } from '../../src/reports/odata.js';
import { ROUTES } from '../../src/graph/types.js';
import { DASHBOARD_ROUTES, filteredUsersPage, type BenchRoute } from './routes.js';

export type ViewerKind = 'table' | 'dashboard';

/** The filtered users queries the table viewers page through, one after another. */
export const TABLE_QUERIES: readonly BenchRoute[] = [
  filteredUsersPage('userDisplayName'),
  filteredUsersPage('userPrincipalName'),
  {
    label: 'users, isSsprRegistered eq false, by userDisplayName',
    path: `${ROUTES.userRegistrationDetails}${queryString({ filter: and(eq('isSsprRegistered', false)), orderBy: [['userDisplayName', 'asc']] })}`,
  },
  {
    label: 'users, isSsprCapable eq false and isMfaCapable eq false, by userPrincipalName',
    path: `${ROUTES.userRegistrationDetails}${queryString({ filter: and(eq('isSsprCapable', false), eq('isMfaCapable', false)), orderBy: [['userPrincipalName', 'asc']] })}`,
  },
];

export { DASHBOARD_ROUTES };

export interface Sample {
  kind: ViewerKind;
  ms: number;
  status: number;
}

export interface MixRecorder {
  samples: Sample[];
  /** Table viewers: pages answered, and walks that reached a query's last page. */
  pages: number;
  walks: number;
  /** Answers to a table page without a value/nextLink we could read (never expected). */
  unreadable: number;
  /** The slowest requests, slowest first: what they asked. */
  slowest: { ms: number; status: number; label: string }[];
}

const SLOWEST = 5;

function record(recorder: MixRecorder, sample: Sample, label: () => string): void {
  recorder.samples.push(sample);
  const { slowest } = recorder;
  if (slowest.length < SLOWEST || sample.ms > slowest[slowest.length - 1]!.ms) {
    slowest.push({ ms: sample.ms, status: sample.status, label: label() });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, SLOWEST);
  }
}

export interface MixOptions {
  /** The server's origin and prefix, e.g. http://127.0.0.1:40123/graph. */
  base: string;
  /** One per connection when sign-in is on (connection i sends tokens[i % length]). */
  tokens?: readonly string[];
  /** The index of this run's first connection, when several runs share the viewers (default 0). */
  first?: number;
  recorder: MixRecorder;
}

export const newRecorder = (): MixRecorder => ({ samples: [], pages: 0, walks: 0, unreadable: 0, slowest: [] });

/** `link` (absolute, or relative to `base`) as the path and query autocannon writes on the request line. */
function requestTarget(base: string, link: string): string {
  const url = new URL(link, `${base}/`);
  return `${url.pathname}${url.search}`;
}

/** The nextLink of a page: it comes before `value` in the body, so only its head is searched. */
function nextLinkIn(body: string): string | undefined | null {
  const head = body.slice(0, 4096);
  const at = head.indexOf('"@odata.nextLink":"');
  if (at < 0) return head.includes('"value":') ? undefined : null;
  const start = at + '"@odata.nextLink":"'.length;
  const end = head.indexOf('"', start);
  return end < 0 ? null : JSON.parse(`"${head.slice(start, end)}"`) as string;
}

/** When the connection's request in flight was written (autocannon's 'request' event, right before the write). */
interface Clock {
  sentAt: number;
}

function tableRequests(options: MixOptions, headers: Record<string, string>, offset: number, clock: Clock): Request[] {
  const { base, recorder } = options;
  let query = offset % TABLE_QUERIES.length;
  let next: string | undefined;
  let page = 0;
  return [
    {
      method: 'GET',
      headers,
      setupRequest(request) {
        request.path = next ?? requestTarget(base, TABLE_QUERIES[query]!.path);
        return request;
      },
      onResponse(status, body) {
        record(recorder, { kind: 'table', ms: performance.now() - clock.sentAt, status }, () => `${TABLE_QUERIES[query]!.label}, page ${page + 1}`);
        if (status !== 200) {
          next = undefined; // start the query again
          page = 0;
          return;
        }
        page++;
        recorder.pages++;
        const link = nextLinkIn(body);
        if (link === null) recorder.unreadable++;
        if (link) {
          next = requestTarget(base, link);
        } else {
          recorder.walks++;
          next = undefined;
          page = 0;
          query = (query + 1) % TABLE_QUERIES.length;
        }
      },
    },
  ];
}

function dashboardRequests(options: MixOptions, headers: Record<string, string>, offset: number, clock: Clock): Request[] {
  const { base, recorder } = options;
  // each dashboard starts at a route of its own, so the connections do not ask in lockstep
  const routes = DASHBOARD_ROUTES.map((_, i) => DASHBOARD_ROUTES[(i + offset) % DASHBOARD_ROUTES.length]!);
  return routes.map((route) => ({
    method: 'GET',
    path: requestTarget(base, route.path),
    headers,
    onResponse(status) {
      record(recorder, { kind: 'dashboard', ms: performance.now() - clock.sentAt, status }, () => route.label);
    },
  }));
}

/** autocannon's setupClient: gives connection n (in the order autocannon creates them) its viewer. */
export function setupViewers(options: MixOptions): (client: Client) => void {
  let n = options.first ?? 0;
  return (client) => {
    const i = n++;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.tokens?.length) headers.authorization = `Bearer ${options.tokens[i % options.tokens.length]}`;
    const kind: ViewerKind = i % 2 === 0 ? 'table' : 'dashboard';
    const offset = Math.floor(i / 2);
    // one request in flight per connection (no pipelining): its write time is the connection's
    const clock: Clock = { sentAt: performance.now() };
    client.on('request', () => (clock.sentAt = performance.now()));
    client.setRequests(kind === 'table' ? tableRequests(options, headers, offset, clock) : dashboardRequests(options, headers, offset, clock));
  };
}
