import type { GraphPage } from '../graph/types.js';
import type { Page, PagingOptions, ReportClientOptions, RequestOptions } from './client-options.js';
import { EndpointFacts } from './endpoint-facts.js';
import { absoluteUrl, endpointKey, normalizeEndpoint, resolveDotSegments, resolveUrl, staysUnder } from './endpoint-url.js';
import { foreignLinkError, malformedError } from './errors.js';
import { MAX_HOLD_MS, limiterFor, type RateLimiter } from './rate-limiter.js';
import { retryingGet, type RetryPolicy } from './retrying-get.js';
import { SharedRequests } from './shared-requests.js';

const DEFAULTS = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 60_000, cacheTtlMs: 30_000, maxWaitMs: MAX_HOLD_MS };

/**
 * The only code in the library that talks to the network: GET JSON from a Graph-compatible
 * endpoint with paging, retries, the tenant's request budget, de-duplication, a short cache and
 * typed errors (`ReportError`). It knows nothing about specific reports.
 */
export class ReportClient {
  /** The endpoint without a trailing slash. */
  readonly endpoint: string;
  readonly #fetch: typeof fetch;
  readonly #getToken?: () => Promise<string | undefined>;
  readonly #credentials: RequestCredentials;
  readonly #limiter?: RateLimiter;
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #maxWaitMs: number;
  readonly #shared: SharedRequests<object>;
  /** What the endpoint has said about itself in its answers (the reporting endpoint's "last synced", periods). */
  readonly facts = new EndpointFacts();

  constructor(options: ReportClientOptions) {
    if (typeof options?.endpoint !== 'string' || !options.endpoint.trim()) throw new TypeError('ReportClient needs an endpoint');
    this.endpoint = normalizeEndpoint(options.endpoint);
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#getToken = options.getToken;
    this.#credentials = options.credentials ?? 'same-origin';
    this.#limiter = options.budget === false ? undefined : limiterFor(endpointKey(this.endpoint), options.budget);
    this.#policy = {
      maxRetries: options.retry?.maxRetries ?? DEFAULTS.maxRetries,
      baseDelayMs: options.retry?.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: options.retry?.maxDelayMs ?? DEFAULTS.maxDelayMs,
    };
    this.#timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.#maxWaitMs = options.maxWaitMs ?? DEFAULTS.maxWaitMs;
    this.#shared = new SharedRequests<object>(options.cacheTtlMs ?? DEFAULTS.cacheTtlMs);
  }

  /** `endpoint/path`; absolute links as given, but Graph-hosted ones rebased onto a proxy endpoint. */
  url(path: string): string {
    return resolveUrl(this.endpoint, path);
  }

  /** GET `path` (relative to the endpoint, or an absolute URL) as JSON. */
  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.#getUrl(this.url(path), options) as Promise<T>;
  }

  /**
   * Walks an OData collection page by page, serially, following `@odata.nextLink` as given.
   * Resume after a failure with `pages(lastPage.nextLink)`.
   */
  async *pages<T>(path: string, options: PagingOptions = {}): AsyncGenerator<Page<T>, void, undefined> {
    let url: string | undefined = this.url(path);
    let rows = 0;
    for (let index = 0; url !== undefined; index++) {
      const body = (await this.#getUrl(url, options)) as Partial<GraphPage<T>>;
      const rawNext: unknown = body['@odata.nextLink'];
      if (!Array.isArray(body.value) || (rawNext !== undefined && rawNext !== null && typeof rawNext !== 'string')) {
        this.#shared.forget(url);
        throw malformedError(url);
      }
      let nextLink: string | undefined = typeof rawNext === 'string' && rawNext ? this.#nextUrl(rawNext, url) : undefined;
      if (nextLink === absoluteUrl(url)) {
        this.#shared.forget(url);
        throw malformedError(url); // a page linking to itself would loop forever
      }
      // The token goes with every request: never follow a link to another site, or one that climbs out
      // of the endpoint's path (`../../admin`) to something else on the page's own origin.
      const foreign = nextLink !== undefined && !staysUnder(this.endpoint, nextLink) ? nextLink : undefined;
      if (foreign) nextLink = undefined;
      rows += body.value.length;
      options.onProgress?.({ pages: index + 1, rows });
      yield { value: body.value, index, rows, nextLink };
      if (foreign) throw foreignLinkError(foreign, this.endpoint); // after this page's rows, which are sound
      url = nextLink;
    }
  }

  /** When Graph's last 429 pause on this endpoint ends (epoch ms), or 0. */
  get pausedUntil(): number {
    return this.#limiter?.heldUntil ?? 0;
  }

  /** Lifts a pause Graph asked for (the user pressed Retry): the next request goes out at once. */
  resumeNow(): void {
    this.#limiter?.releaseHold();
  }

  /** Forgets every cached response of this client. */
  clearCache(): void {
    this.#shared.clear();
  }

  /** Absolute next-page URL: relative links resolve against the page they came from. */
  #nextUrl(rawNext: string, pageUrl: string): string {
    const base = absoluteUrl(pageUrl);
    const resolved = /^https?:\/\//i.test(rawNext) || !/^https?:\/\//i.test(base) ? rawNext : new URL(rawNext, base).href;
    return resolveDotSegments(absoluteUrl(this.url(resolved)));
  }

  #getUrl(url: string, options: RequestOptions): Promise<object> {
    const answer = this.#shared.run(url, options, (signal, onWait, priority) =>
      retryingGet(url, {
        fetch: this.#fetch,
        credentials: this.#credentials,
        getToken: this.#getToken,
        limiter: this.#limiter,
        policy: this.#policy,
        timeoutMs: this.#timeoutMs,
        maxWaitMs: this.#maxWaitMs,
        signal,
        onWait,
        priority,
      }),
    );
    return answer.then((body) => {
      this.facts.note(url, body);
      return body;
    });
  }
}
