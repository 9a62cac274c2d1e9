import { expect } from '@open-wc/testing';
import type { GraphPage, GraphUserRegistrationFeatureSummary } from '../../src/graph/types.js';
import { ROUTES } from '../../src/graph/types.js';
import { installFetchMock } from '../../src/mock/browser/install-fetch-mock.js';
import { formatScenario, parseScenario, resolveScenario, ScenarioError } from '../../src/mock/scenario.js';
import { createScenarioRouter } from '../../src/mock/scenario-router.js';
import type { ErrorShape } from './helpers.js';

const FEATURE = ROUTES.usersRegisteredByFeature;
const uniqueId = () => Math.random().toString(36).slice(2);

describe('mock scenarios', () => {
  it('parses key=value segments, percent-encoded or not', () => {
    expect(parseScenario('users=50;fault=429;times=1;retry-after=0.05;id=t1')).to.deep.equal({
      users: 50, fault: '429', times: 1, retryAfter: '0.05', id: 't1',
    });
    expect(parseScenario('users%3D60%3Bseed%3D2;;')).to.deep.equal({ users: 60, seed: 2 });
    expect(parseScenario('seed=3;events=0;latency=20;page=5;after=2;route=userEventsSummary;retry-after=date+2;fault=403-license'))
      .to.deep.equal({ seed: 3, events: 0, latency: 20, page: 5, after: 2, route: 'userEventsSummary', retryAfter: 'date+2', fault: '403-license' });
    expect(parseScenario('')).to.deep.equal({});
    expect(resolveScenario(parseScenario('users=60'))).to.deep.equal({ seed: 1, users: 60, latency: 0 });
  });

  it('rejects unknown keys and bad values', () => {
    for (const bad of ['colour=red', 'users=10', 'users=abc', 'fault=418', 'page=0', 'page=1001', 'retry-after=soon',
      'users', 'users=50;users=60', 'latency=-1', 'seed=1.5', 'route=']) {
      expect(() => parseScenario(bad), bad).to.throw(ScenarioError);
    }
  });

  it("takes the tenant's now as epoch ms or ISO, so two processes build the same tenant", async () => {
    expect(parseScenario('now=1764504000000')).to.deep.equal({ now: 1764504000000 });
    expect(parseScenario('now=2025-11-30T12:00:00Z')).to.deep.equal({ now: Date.parse('2025-11-30T12:00:00Z') });
    expect(() => parseScenario('now=yesterday')).to.throw(ScenarioError, /now must be epoch milliseconds or an ISO date-time/);
    const router = createScenarioRouter();
    const newest = async (now: string) => {
      const response = await router.handle(new Request(`http://x/mock/users=60;now=${now}/beta/reports/authenticationMethods/userPasswordResetsAndChangesSummary`));
      return ((await response.json()) as { value: { aggregatedDateTime: string }[] }).value[0]!.aggregatedDateTime;
    };
    expect(await newest('2025-11-30T12:00:00Z')).to.equal('2025-11-30T00:00:00Z');
    expect(await newest('2024-02-29T08:00:00Z')).to.equal('2024-02-29T00:00:00Z');
  });

  it('formats a scenario that parses back to the same values', () => {
    const s = { seed: 2, users: 75, fault: '429' as const, times: 1, retryAfter: 'date+1', id: 'a b;c', route: 'v1.0/auditLogs' };
    const text = formatScenario(s);
    expect(text).to.equal('seed=2;users=75;fault=429;times=1;route=v1.0%2FauditLogs;retry-after=date%2B1;id=a%20b%3Bc');
    // Decoding happens per segment, so an encoded ';' inside a value splits it: keep ids plain.
    expect(parseScenario(formatScenario({ ...s, id: 'ab' }))).to.deep.equal({ ...s, id: 'ab' });
  });

  it('routes /mock/<segment>/ and /graph/ with fault counters per scenario id', async () => {
    const router = createScenarioRouter({ defaultScenario: { users: 80 } });
    const call = (path: string) => router.handle(new Request(`http://mock.test${path}`));
    const fault = `/mock/users=50;fault=429;times=1;id=${uniqueId()}/${FEATURE}`;
    expect((await call(fault)).status).to.equal(429);
    expect((await call(fault)).status).to.equal(200);
    expect((await call(fault.replace('id=', 'id=other'))).status).to.equal(429);
    const graph = (await (await call(`/graph/${FEATURE}`)).json()) as GraphUserRegistrationFeatureSummary;
    expect(graph.totalUserCount).to.equal(80);
    const defaults = (await (await call(`/mock/v1.0/reports/authenticationMethods/usersRegisteredByFeature`)).json()) as GraphUserRegistrationFeatureSummary;
    expect(defaults.totalUserCount).to.equal(2000);
    const bad = await call(`/mock/users=7/${FEATURE}`);
    expect(bad.status).to.equal(400);
    const body = (await bad.json()) as ErrorShape;
    expect(body.error.message).to.contain('users must be an integer in 50..500000');
    expect(body.error.innerError['request-id']).to.equal(bad.headers.get('request-id'));
    expect(router.handles('/graph/v1.0/x')).to.equal(true);
    expect(router.handles('/graphs/v1.0/x')).to.equal(false);
  });

  it('installFetchMock answers same-origin mock paths in the page and uninstalls', async () => {
    const realFetch = window.fetch;
    const uninstall = installFetchMock({ prefixes: ['/in-page/', '/mock/'], defaultScenario: { users: 60 } });
    try {
      expect(window.fetch).not.to.equal(realFetch);
      const r = await fetch(`/in-page/${FEATURE}`);
      expect(r.headers.get('content-type')).to.equal('application/json; odata.metadata=minimal');
      expect(((await r.json()) as GraphUserRegistrationFeatureSummary).totalUserCount).to.equal(60);
      const page = (await (await fetch(new URL(`/mock/users=55;page=50/${ROUTES.userRegistrationDetails}`, location.href))).json()) as GraphPage<unknown>;
      expect(page['@odata.nextLink'], 'Graph-shaped, whatever the mount').to.match(/^https:\/\/graph\.microsoft\.com\/v1\.0\/reports\//);
      const controller = new AbortController();
      const hanging = fetch(`/mock/fault=hang;id=${uniqueId()}/${FEATURE}`, { signal: controller.signal });
      controller.abort();
      expect(await hanging.then(() => 'answered', (e: Error) => e.name)).to.equal('AbortError');
      expect((await fetch('/package.json')).ok).to.equal(true); // not a mock path: the real fetch serves it
    } finally {
      uninstall();
    }
    expect(window.fetch).to.equal(realFetch);
  });

  it('serves /mock/<segment>/ and /graph/ through the Node listener in the dev server', async () => {
    const id = uniqueId();
    const small = await fetch(`/mock/users=50;id=${id}/${FEATURE}(includedUserTypes='all',includedUserRoles='all')`);
    expect(small.status).to.equal(200);
    expect(small.headers.get('request-id')).to.match(/^[0-9a-f-]{36}$/);
    expect(((await small.json()) as GraphUserRegistrationFeatureSummary).totalUserCount).to.equal(50);

    const page = await fetch(`/graph/${ROUTES.userEventsSummary}?$top=5`, { headers: { 'client-request-id': 'dev-1' } });
    expect(page.headers.get('client-request-id')).to.equal('dev-1');
    const body = (await page.json()) as GraphPage<{ id: string }>;
    expect(body.value).to.have.length(5);
    const next = await fetch(body['@odata.nextLink']!.replace('https://graph.microsoft.com', '/graph')); // as the client rebases it
    expect(((await next.json()) as GraphPage<{ id: string }>).value[0]!.id).not.to.equal(body.value[0]!.id);

    const throttled = `/mock/users=50;fault=429;times=1;retry-after=0.05;id=${id}/${ROUTES.userEventsSummary}?$top=1`;
    const first = await fetch(throttled);
    expect([first.status, first.headers.get('retry-after')]).to.deep.equal([429, '0.05']);
    expect((await fetch(throttled)).status).to.equal(200);

    // A hung request aborted by the client must not take the listener down.
    const controller = new AbortController();
    const hung = fetch(`/mock/users=50;fault=hang;id=${id}/${FEATURE}`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await hung.then(() => 'answered', (e: Error) => e.name)).to.equal('AbortError');
    expect((await fetch(`/mock/users=50;id=${id}/${FEATURE}`)).status).to.equal(200);
    expect((await fetch(`/mock/bogus=1/${FEATURE}`)).status).to.equal(400);
  });
});
