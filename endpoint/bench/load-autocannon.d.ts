// The part of autocannon 9's programmatic API the load bench uses (the package ships no types, and
// the bench adds no dependency for them).
declare module 'autocannon' {
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called before each send of this request: return the request to send (or a falsy value to skip). */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
  }

  export interface Client {
    /** 'request': right before a request is written. */
    on(event: 'request', listener: () => void): this;
    setHeaders(headers: Record<string, string>): void;
    /** This connection's own list of requests, sent in turn (its context is reset at each wrap). */
    setRequests(requests: Request[]): void;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Requests per second per connection (0: as fast as answered). */
    connectionRate?: number;
    overallRate?: number;
    /** With a rate: record latencies as measured (no coordinated-omission correction). */
    ignoreCoordinatedOmission?: boolean;
    pipelining?: number;
    /** Seconds before a request counts as a timeout. */
    timeout?: number;
    requests?: Request[];
    headers?: Record<string, string>;
    setupClient?: (client: Client) => void;
  }

  /** autocannon's histogram summary: ms for latency, per-second samples for requests and throughput. */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  }

  export interface Result {
    latency: Histogram & { totalCount: number };
    requests: Histogram & { sent: number };
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    mismatches: number;
    duration: number;
    '2xx': number;
    '4xx': number;
    '5xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }

  /** Runs the load; the returned tracker is a thenable of the result. */
  function autocannon(options: Options): PromiseLike<Result> & { stop(): void };
  export default autocannon;
}
