import { expect } from '@open-wc/testing';
import type { WaitInfo } from '../../src/client/client-options.js';
import { ReportClient } from '../../src/client/report-client.js';
import { EVENTS_ROUTE, mockEndpoint, recordingFetch, rejection, since, type RecordedCall } from './client-test-helpers.js';

const PATH = `${EVENTS_ROUTE}?$top=5`;

/** One throttled/unavailable response, then success: returns what the client waited and reported. */
async function retryOnce(scenario: Record<string, string | number>, retry = {}): Promise<{ ms: number; waits: WaitInfo[]; calls: RecordedCall[] }> {
  const recorder = recordingFetch();
  const client = new ReportClient({ endpoint: mockEndpoint({ users: 50, times: 1, ...scenario }), budget: false, fetch: recorder.fetch, retry });
  const waits: WaitInfo[] = [];
  const t0 = performance.now();
  const body = await client.get<{ value: unknown[] }>(PATH, { onWait: (w) => waits.push(w) });
  expect(body.value).to.have.length(5);
  return { ms: since(t0), waits, calls: recorder.calls };
}

describe('ReportClient retries against the mock', () => {
  it('honours a fractional Retry-After on 429 and reports the wait', async () => {
    const { ms, waits, calls } = await retryOnce({ fault: 429, 'retry-after': 0.15 });
    expect(calls).to.have.length(2);
    expect(waits).to.have.length(1);
    expect(waits[0]).to.deep.include({ reason: 'throttled', delayMs: 150, attempt: 2 });
    expect(ms).to.be.at.least(150);
  });

  it('honours an integer Retry-After', async () => {
    const { ms, waits } = await retryOnce({ fault: 429, 'retry-after': 1 });
    expect(waits.map((w) => [w.reason, w.delayMs])).to.deep.equal([['throttled', 1000]]);
    expect(ms).to.be.at.least(1000);
  });

  it('honours an HTTP-date Retry-After', async () => {
    const { ms, waits, calls } = await retryOnce({ fault: 503, 'retry-after': 'date+1' });
    expect(waits).to.have.length(1);
    expect(waits[0].reason).to.equal('unavailable');
    const header = calls[0].response!.headers.get('retry-after')!;
    expect(header).to.match(/ GMT$/);
    expect(waits[0].delayMs).to.be.closeTo(Date.parse(header) - calls[0].receivedAt!, 50);
    expect(waits[0].delayMs).to.be.within(1, 1000); // whole-second date, so up to 1 s ahead
    expect(ms).to.be.at.least(waits[0].delayMs);
    expect(waits[0].until).to.be.within(Date.now() - ms, Date.now());
  });

  it('backs off with jitter when a 504 carries no Retry-After', async () => {
    const { ms, waits, calls } = await retryOnce({ fault: 504, times: 2 }, { baseDelayMs: 40, maxDelayMs: 1000 });
    expect(calls).to.have.length(3);
    expect(waits.map((w) => [w.reason, w.attempt])).to.deep.equal([['unavailable', 2], ['unavailable', 3]]);
    expect(waits[0].delayMs).to.be.within(0, 39);
    expect(waits[1].delayMs).to.be.within(0, 79);
    expect(ms).to.be.at.least(waits[0].delayMs + waits[1].delayMs);
  });

  it('gives up after maxRetries with a throttled error carrying retryAfterMs', async () => {
    const recorder = recordingFetch();
    const endpoint = mockEndpoint({ users: 50, fault: 429, times: 99, 'retry-after': 0.02 });
    const client = new ReportClient({ endpoint, budget: false, fetch: recorder.fetch, retry: { maxRetries: 2 } });
    const error = await rejection(client.get(PATH));
    expect(error.kind).to.equal('throttled');
    expect(error.status).to.equal(429);
    expect(error.retryAfterMs).to.equal(20);
    expect(error.url).to.contain(endpoint);
    expect(recorder.calls).to.have.length(3);
  });

  it('turns a day-long Retry-After into an error that says when, for this and every later request, until resumeNow', async () => {
    const endpoint = mockEndpoint({ users: 50, fault: 429, times: 1, 'retry-after': 86400 });
    const recorder = recordingFetch();
    const client = new ReportClient({ endpoint, fetch: recorder.fetch });
    const t0 = performance.now();
    const error = await rejection(client.get(PATH));
    expect(since(t0), 'no day-long wait').to.be.below(2000);
    expect(error.kind).to.equal('throttled');
    expect(error.retryAt! - Date.now()).to.be.within(86_390_000, 86_400_000);
    expect(error.message).to.contain('until').and.contain('in 24 hours');
    expect(client.pausedUntil).to.equal(error.retryAt);
    // Another client on the endpoint (another element) hears why at once instead of queueing for a day.
    const other = await rejection(new ReportClient({ endpoint }).get(`${PATH}&other`));
    expect(other.kind).to.equal('throttled');
    expect(other.retryAt).to.equal(error.retryAt);
    const log = (await (await fetch(`${endpoint}/$mock/requests`)).json()) as { requests: unknown[] };
    expect(log.requests, 'the other request never left').to.have.length(1);
    client.resumeNow();
    expect(client.pausedUntil).to.equal(0);
    await client.get(PATH); // the fault was once: Graph accepts again
  });

  it('does not retry a 500', async () => {
    const recorder = recordingFetch();
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50, fault: 500 }), budget: false, fetch: recorder.fetch });
    expect((await rejection(client.get(PATH))).kind).to.equal('server');
    expect(recorder.calls).to.have.length(1);
  });

  it('aborts promptly during a Retry-After wait', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50, fault: 429, 'retry-after': 5 }), budget: false });
    const controller = new AbortController();
    const t0 = performance.now();
    const error = await rejection(client.get(PATH, { signal: controller.signal, onWait: () => setTimeout(() => controller.abort(), 20) }));
    expect(error.kind).to.equal('aborted');
    expect(since(t0)).to.be.below(1000);
  });

  it('aborts promptly during a hung request', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50, fault: 'hang' }), budget: false });
    const t0 = performance.now();
    const error = await rejection(client.get(PATH, { signal: AbortSignal.timeout(100) }));
    expect(error.kind).to.equal('aborted');
    expect(since(t0)).to.be.within(90, 1000);
  });

  it('times out a hung request', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50, fault: 'hang' }), budget: false, timeoutMs: 150 });
    const t0 = performance.now();
    const error = await rejection(client.get(PATH));
    expect(error.kind).to.equal('timeout');
    expect(since(t0)).to.be.within(140, 1000);
  });
});
