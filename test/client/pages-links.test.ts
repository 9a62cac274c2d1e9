import { expect } from '@open-wc/testing';
import { ReportClient } from '../../src/client/report-client.js';
import { rejection } from './client-test-helpers.js';

/**
 * How pages() follows links Graph itself writes (absolute, on graph.microsoft.com), which the dev
 * server's mock cannot produce. A scripted fetch stands in for a same-origin proxy.
 */
function scriptedProxy(bodies: Record<string, unknown>): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const respond = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    urls.push(url);
    const body = bodies[url.replace(location.origin, '')];
    return body === undefined ? new Response('{}', { status: 404 }) : new Response(JSON.stringify(body), { status: 200 });
  };
  return { fetch: respond, urls };
}

const collect = async <T>(gen: AsyncGenerator<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of gen) out.push(item);
  return out;
};

describe('ReportClient.pages link following', () => {
  it('rebases Graph\'s absolute nextLinks onto the proxy endpoint and reports them absolute', async () => {
    const skip = "$filter=loggedByService eq 'Self-service Password Management'&$skiptoken=abc%3D%3D";
    const proxy = scriptedProxy({
      '/proxy/v1.0/auditLogs/directoryAudits': {
        value: [{ id: 1 }, { id: 2 }],
        '@odata.nextLink': `https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?${skip}`,
      },
      [`/proxy/v1.0/auditLogs/directoryAudits?${skip}`]: { value: [{ id: 3 }] },
    });
    const client = new ReportClient({ endpoint: '/proxy/', fetch: proxy.fetch, budget: false });
    const pages = await collect(client.pages<{ id: number }>('v1.0/auditLogs/directoryAudits'));
    expect(proxy.urls).to.deep.equal([
      '/proxy/v1.0/auditLogs/directoryAudits',
      `${location.origin}/proxy/v1.0/auditLogs/directoryAudits?${skip}`,
    ]);
    expect(pages.map((p) => [p.index, p.rows, p.value.length])).to.deep.equal([[0, 2, 2], [1, 3, 1]]);
    expect(pages[0].nextLink).to.equal(`${location.origin}/proxy/v1.0/auditLogs/directoryAudits?${skip}`);
    expect(pages[1].nextLink).to.equal(undefined);
  });

  it('never follows a nextLink to another site (the token would go with it), but keeps the page before it', async () => {
    const proxy = scriptedProxy({ '/p/v1.0/x': { value: [{ id: 1 }], '@odata.nextLink': 'https://evil.example/collect?$skiptoken=1' } });
    const tokens: string[] = [];
    const client = new ReportClient({
      endpoint: '/p',
      budget: false,
      getToken: async () => 'SECRET-TOKEN',
      fetch: (input, init) => {
        tokens.push(String(input));
        return proxy.fetch(input, init);
      },
    });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const page of client.pages<{ id: number }>('v1.0/x')) seen.push(...page.value.map((r) => r.id));
    })().catch((e: unknown) => e);
    expect(seen).to.deep.equal([1]);
    expect(error).to.have.property('kind', 'malformed');
    expect((error as Error).message).to.contain('evil.example');
    expect(tokens).to.deep.equal(['/p/v1.0/x']);
  });

  it('resolves a relative nextLink against the page it came from', async () => {
    const proxy = scriptedProxy({
      '/p/beta/a': { value: [], '@odata.nextLink': 'a?$skiptoken=2' },
      '/p/beta/a?$skiptoken=2': { value: [{}] },
    });
    const client = new ReportClient({ endpoint: '/p', fetch: proxy.fetch, budget: false });
    const pages = await collect(client.pages('beta/a'));
    expect(pages.map((p) => p.rows)).to.deep.equal([0, 1]); // a zero-row page is a valid page
    expect(proxy.urls[1]).to.equal(`${location.origin}/p/beta/a?$skiptoken=2`);
  });

  it('fails as malformed, uncached, on a body without a value array or a page linking to itself', async () => {
    const proxy = scriptedProxy({
      '/q/v1.0/one': { totalUserCount: 3 },
      '/q/v1.0/loop': { value: [], '@odata.nextLink': `${location.origin}/q/v1.0/loop` },
    });
    const client = new ReportClient({ endpoint: '/q', fetch: proxy.fetch, budget: false });
    expect((await rejection(collect(client.pages('v1.0/one')))).kind).to.equal('malformed');
    expect((await rejection(collect(client.pages('v1.0/one')))).kind).to.equal('malformed');
    expect(proxy.urls, 'a malformed page is not served from the cache').to.have.length(2);
    expect((await rejection(collect(client.pages('v1.0/loop')))).kind).to.equal('malformed');
  });

  for (const link of [
    'https://graph.microsoft.com/../../secret-admin?$skiptoken=1',
    'https://graph.microsoft.com/v1.0/%2e%2e/%2E%2E/%2e%2e/secret-admin?$skiptoken=1',
    'https://graph.microsoft.com/v1.0/.%2e/..%2fsecret-admin?$skiptoken=1',
    '../../secret-admin?$skiptoken=1',
  ]) {
    it(`refuses a nextLink that climbs out of the endpoint's path: ${link}`, async () => {
      const sent: string[] = [];
      const proxy = scriptedProxy({ '/api/graph/v1.0/x': { value: [{ id: 1 }], '@odata.nextLink': link } });
      const client = new ReportClient({
        endpoint: '/api/graph',
        budget: false,
        getToken: async () => 'SECRET-TOKEN',
        fetch: (input, init) => {
          sent.push(new URL(String(input), location.href).pathname);
          return proxy.fetch(input, init);
        },
      });
      const seen: number[] = [];
      const error = await (async () => {
        for await (const page of client.pages<{ id: number }>('v1.0/x')) seen.push(...page.value.map((r) => r.id));
      })().catch((e: unknown) => e);
      expect(seen, 'the page before the link is kept').to.deep.equal([1]);
      expect(sent, 'nothing but the first page was requested').to.deep.equal(['/api/graph/v1.0/x']);
      expect(error).to.have.property('kind', 'malformed');
      expect((error as Error).message).to.contain('outside the report endpoint');
    });
  }

  it('follows a link whose dot segments stay inside the endpoint', async () => {
    const proxy = scriptedProxy({
      '/api/graph/beta/a': { value: [{ id: 1 }], '@odata.nextLink': 'https://graph.microsoft.com/beta/x/../a?$skiptoken=2' },
      '/api/graph/beta/a?$skiptoken=2': { value: [{ id: 2 }] },
    });
    const client = new ReportClient({ endpoint: '/api/graph', fetch: proxy.fetch, budget: false });
    const pages = await collect(client.pages<{ id: number }>('beta/a'));
    expect(pages.flatMap((p) => p.value.map((r) => r.id))).to.deep.equal([1, 2]);
  });
});
