import { expect } from '@open-wc/testing';
import type { WaitInfo } from '../../src/client/client-options.js';
import { ReportClient } from '../../src/client/report-client.js';
import { EVENTS_ROUTE, mockEndpoint, recordingFetch, rejection, since } from './client-test-helpers.js';

const PATH = `${EVENTS_ROUTE}?$top=2`;

describe('ReportClient requests', () => {
  it('sends the Graph headers, no Authorization without a token, and same-origin credentials', async () => {
    const recorder = recordingFetch();
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50 }), budget: false, fetch: recorder.fetch });
    await client.get(PATH);
    const [{ headers, init }] = recorder.calls;
    expect(init.method).to.equal('GET');
    expect(headers.get('accept')).to.equal('application/json');
    expect(headers.get('prefer')).to.equal('include-unknown-enum-members');
    expect(headers.has('authorization')).to.equal(false);
    expect(init.credentials).to.equal('same-origin');
  });

  it('asks getToken for a token on every attempt and sends it as a bearer token', async () => {
    const recorder = recordingFetch();
    let issued = 0;
    const client = new ReportClient({
      endpoint: mockEndpoint({ users: 50, fault: 429, times: 1, 'retry-after': 0.01 }),
      budget: false,
      credentials: 'include',
      fetch: recorder.fetch,
      getToken: async () => `token-${++issued}`,
    });
    await client.get(PATH);
    expect(recorder.calls.map((c) => c.headers.get('authorization'))).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
    expect(recorder.calls[0].init.credentials).to.equal('include');
  });

  it('turns a failing getToken into an unauthenticated error without calling the network', async () => {
    const recorder = recordingFetch();
    const client = new ReportClient({
      endpoint: mockEndpoint({ users: 50 }), budget: false, fetch: recorder.fetch,
      getToken: () => Promise.reject(new Error('interaction_required')),
    });
    const error = await rejection(client.get(PATH));
    expect(error.kind).to.equal('unauthenticated');
    expect((error.cause as Error).message).to.equal('interaction_required');
    expect(recorder.calls).to.have.length(0);
  });

  it('keeps to the budget: the third request in the window waits and says so', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50 }), budget: { requests: 2, perMs: 500 } });
    const waits: WaitInfo[] = [];
    const t0 = performance.now();
    await Promise.all([1, 2].map((n) => client.get(`${EVENTS_ROUTE}?$top=${n}`)));
    expect(since(t0)).to.be.below(450);
    await client.get(`${EVENTS_ROUTE}?$top=3`, { onWait: (w) => waits.push(w) });
    expect(since(t0)).to.be.at.least(490);
    expect(waits).to.have.length(1);
    expect(waits[0]).to.deep.include({ reason: 'budget', attempt: 1 });
    expect(waits[0].delayMs).to.be.within(50, 510); // the window plus its 2 % margin
  });

  it('never lets the server see more than the budget in any window, however slow a request is to arrive', async () => {
    const endpoint = mockEndpoint({ users: 50 });
    const budget = { requests: 5, perMs: 1000 };
    let sent = 0;
    // Requests 2–5 take 300 ms to reach the server (a slow connection): counting a slot when it is
    // granted would let requests 6–10 arrive within one window of them.
    const slowFetch: typeof fetch = async (input, init) => {
      const n = ++sent;
      if (n >= 2 && n <= 5) await new Promise((r) => setTimeout(r, 300));
      return fetch(input, init);
    };
    const client = new ReportClient({ endpoint, budget, fetch: slowFetch, cacheTtlMs: 0 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => client.get(`${PATH}&n=${i}`)));
    const log = (await (await fetch(`${endpoint}/$mock/requests`)).json()) as { requests: { at: number }[] };
    const arrivals = log.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(arrivals).to.have.length(12);
    for (let i = budget.requests; i < arrivals.length; i++) {
      const gap = arrivals[i]! - arrivals[i - budget.requests]!;
      expect(gap, `arrivals ${i - budget.requests + 1} and ${i + 1} are one budget apart`).to.be.at.least(budget.perMs);
    }
  });

  it('shares one client, cache and budget between spellings of one endpoint', async () => {
    const { clientFor } = await import('../../src/elements/shared/client-registry.js');
    const endpoint = mockEndpoint({ users: 50 });
    const spellings = [endpoint, `${endpoint}/`, `${location.origin}${endpoint}`, ` ${endpoint}// `];
    const clients = spellings.map((spelling) => clientFor(spelling));
    expect(new Set(clients).size, 'one client').to.equal(1);
    await Promise.all(clients.map((c) => c.get(PATH)));
    const log = (await (await fetch(`${endpoint}/$mock/requests`)).json()) as { requests: unknown[] };
    expect(log.requests, 'one request for all four').to.have.length(1);
  });

  it('shares the budget between clients on one endpoint', async () => {
    const endpoint = mockEndpoint({ users: 50 });
    const budget = { requests: 1, perMs: 250 };
    const waits: WaitInfo[] = [];
    await new ReportClient({ endpoint, budget }).get(PATH);
    const t0 = performance.now();
    await new ReportClient({ endpoint, budget }).get(PATH, { onWait: (w) => waits.push(w) });
    expect(waits.map((w) => w.reason)).to.deep.equal(['budget']);
    expect(since(t0)).to.be.at.least(waits[0].delayMs - 5);
  });

  it('aborts promptly while waiting for the budget', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50 }), budget: { requests: 1, perMs: 10_000 } });
    await client.get(PATH);
    const t0 = performance.now();
    const error = await rejection(client.get(`${EVENTS_ROUTE}?$top=3`, { signal: AbortSignal.timeout(50) }));
    expect(error.kind).to.equal('aborted');
    expect(since(t0)).to.be.below(1000);
  });
});
