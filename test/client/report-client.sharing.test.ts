import { expect } from '@open-wc/testing';
import { ReportClient } from '../../src/client/report-client.js';
import { EVENTS_ROUTE, mockEndpoint, recordingFetch, rejection } from './client-test-helpers.js';

const PATH = `${EVENTS_ROUTE}?$top=3`;
type Body = { value: { id: string }[] };

function setup(scenario: Record<string, string | number> = {}, cacheTtlMs?: number) {
  const recorder = recordingFetch();
  const client = new ReportClient({ endpoint: mockEndpoint({ users: 50, ...scenario }), budget: false, fetch: recorder.fetch, cacheTtlMs });
  return { client, calls: recorder.calls };
}

describe('ReportClient de-duplication and cache', () => {
  it('shares one network request between concurrent identical GETs', async () => {
    const { client, calls } = setup({ latency: 50 });
    const [a, b] = await Promise.all([client.get<Body>(PATH), client.get<Body>(PATH)]);
    expect(calls).to.have.length(1);
    expect(a.value).to.have.length(3);
    expect(a.value.map((r) => r.id)).to.deep.equal(b.value.map((r) => r.id));
  });

  it('lets one caller abort while the other still gets the data', async () => {
    const { client, calls } = setup({ latency: 150 });
    const controller = new AbortController();
    const a = client.get<Body>(PATH, { signal: controller.signal });
    const b = client.get<Body>(PATH);
    setTimeout(() => controller.abort(), 20);
    expect((await rejection(a)).kind).to.equal('aborted');
    expect((await b).value).to.have.length(3);
    expect(calls).to.have.length(1);
    expect(calls[0].init.signal?.aborted).to.equal(false);
  });

  it('aborts the network request only when every caller has aborted', async () => {
    const { client, calls } = setup({ latency: 2000 });
    const one = new AbortController();
    const two = new AbortController();
    const a = client.get(PATH, { signal: one.signal });
    const b = client.get(PATH, { signal: two.signal });
    await new Promise((r) => setTimeout(r, 20));
    one.abort();
    expect((await rejection(a)).kind).to.equal('aborted');
    expect(calls[0].init.signal?.aborted).to.equal(false);
    two.abort();
    expect((await rejection(b)).kind).to.equal('aborted');
    expect(calls[0].init.signal?.aborted).to.equal(true);
    // A later caller starts afresh rather than joining the dead request.
    const c = client.get(PATH, { signal: AbortSignal.timeout(30) });
    expect((await rejection(c)).kind).to.equal('aborted');
    expect(calls).to.have.length(2);
  });

  it('serves a repeat GET from the cache within the TTL, and fetches again after clearCache', async () => {
    const { client, calls } = setup();
    const first = await client.get<Body>(PATH);
    expect(await client.get<Body>(PATH)).to.equal(first);
    expect(calls).to.have.length(1);
    await client.get(PATH, { cache: false });
    expect(calls, 'cache: false fetches afresh').to.have.length(2);
    client.clearCache();
    await client.get(PATH);
    expect(calls).to.have.length(3);
  });

  it('does not cache when the TTL is 0, nor after the TTL has passed', async () => {
    const off = setup({}, 0);
    await off.client.get(PATH);
    await off.client.get(PATH);
    expect(off.calls).to.have.length(2);
    const short = setup({}, 30);
    await short.client.get(PATH);
    await new Promise((r) => setTimeout(r, 40));
    await short.client.get(PATH);
    expect(short.calls).to.have.length(2);
  });

  it('never caches an error', async () => {
    const { client, calls } = setup({ fault: 500, times: 1 });
    expect((await rejection(client.get(PATH))).kind).to.equal('server');
    expect((await client.get<Body>(PATH)).value).to.have.length(3);
    expect(calls).to.have.length(2);
  });
});

describe('ReportClient: background requests', () => {
  it('sends a shared background request as foreground once a foreground caller joins it', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 60 }), budget: { requests: 1, perMs: 250, marginMs: 0 } });
    const order: string[] = [];
    await client.get("v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='all')"); // fills the window
    const audits = client.get('v1.0/auditLogs/directoryAudits', { background: true }).then(() => order.push('audits'));
    const activity = 'beta/reports/authenticationMethods/userRegistrationActivity(period=\'d7\')';
    const inBackground = client.get(activity, { background: true }).then(() => order.push('activity (background)'));
    const user = client.get(activity).then(() => order.push('activity (user)')); // joins the same request
    await Promise.all([audits, inBackground, user]);
    expect(order.indexOf('activity (user)')).to.be.below(order.indexOf('audits'));
  });
});
