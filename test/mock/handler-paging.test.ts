import { expect } from '@open-wc/testing';
import type { GraphPage } from '../../src/graph/types.js';
import { ROUTES } from '../../src/graph/types.js';
import { filter, get, handler, tenant, type Answer, type ErrorShape } from './helpers.js';
import type { MockHandler } from '../../src/mock/handler.js';

/** Follows nextLinks exactly as given; returns all rows and the links seen. */
async function collect(h: MockHandler, first: string, init?: RequestInit) {
  const rows: { id: string }[] = [];
  const links: string[] = [];
  let url: string | undefined = first;
  while (url) {
    const page: Answer<GraphPage<{ id: string }>> = await get<GraphPage<{ id: string }>>(h, url, init);
    expect(page.status, url).to.equal(200);
    rows.push(...page.body.value);
    url = page.body['@odata.nextLink'];
    if (url) links.push(url);
  }
  return { rows, links };
}

describe('mock handler paging', () => {
  it('returns every event exactly once across $top pages', async () => {
    const { rows, links } = await collect(handler(), `${ROUTES.userEventsSummary}?$top=70`);
    expect(links).to.have.length(Math.ceil(tenant().events.length / 70) - 1);
    expect(rows.map((r) => r.id)).to.deep.equal(tenant().events.map((e) => e.id));
  });

  it('pages a filtered, ordered user list with the pageSize cap and keeps the original parameters', async () => {
    const query = `${filter("startswith(userDisplayName,'a') or isMfaCapable eq true")}&$orderby=userPrincipalName`;
    const { rows, links } = await collect(handler({ pageSize: 7 }), `${ROUTES.userRegistrationDetails}?${query}`);
    const expected = tenant().users
      .filter((u) => u.userDisplayName.toLowerCase().startsWith('a') || u.isMfaCapable)
      .sort((a, b) => (a.userPrincipalName.toLowerCase() < b.userPrincipalName.toLowerCase() ? -1 : 1));
    expect(rows.map((r) => r.id)).to.deep.equal(expected.map((u) => u.id));
    expect(links.length).to.equal(Math.ceil(expected.length / 7) - 1);
    // The request URL as the fetch API normalizes it (quotes become %27), on Graph's host, plus the token.
    const prefix = new Request(`http://mock.test/graph/${ROUTES.userRegistrationDetails}?${query}`).url
      .replace('http://mock.test/graph', 'https://graph.microsoft.com') + '&$skiptoken=';
    for (const link of links) {
      expect(link.startsWith(prefix), link).to.equal(true);
      expect(link.match(/\$skiptoken=/g)).to.have.length(1);
      expect(link).not.to.match(/\$skiptoken=\d+($|&)/); // opaque, not a plain offset
    }
  });

  it('writes nextLinks on Graph\'s host, whatever Host the request came with (a proxy may rewrite it)', async () => {
    const h = handler();
    for (const origin of ['http://mock.test/graph', 'http://10.0.0.7:8080/internal/mock/users=60']) {
      const page = await get<GraphPage<unknown>>(h, `${origin}/${ROUTES.userEventsSummary}?$top=10`);
      expect(page.body['@odata.nextLink']).to.match(/^https:\/\/graph\.microsoft\.com\/beta\/reports\/authenticationMethods\/userEventsSummary\?\$top=10&\$skiptoken=/);
    }
  });

  it('pages the audit log by its default of 100', async () => {
    const { rows } = await collect(handler(), ROUTES.directoryAudits);
    expect(rows.map((r) => r.id)).to.deep.equal(tenant().audits.map((a) => a.id));
    expect(new Set(rows.map((r) => r.id)).size).to.equal(rows.length);
  });

  it('rejects garbled or foreign skiptokens with 400', async () => {
    const h = handler();
    const first = await get<GraphPage<unknown>>(h, `${ROUTES.userEventsSummary}?$top=10`);
    const link = first.body['@odata.nextLink']!;
    const token = link.split('$skiptoken=')[1]!;
    const garbled = [token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a'), 'abc', '10', token.replace(/^./, 'Z'), ''];
    for (const bad of garbled) {
      const r = await get<ErrorShape>(h, `${ROUTES.userEventsSummary}?$top=10&$skiptoken=${bad}`);
      expect(r.status, bad).to.equal(400);
      expect(r.body.error.code).to.equal('BadRequest');
    }
    // A token from one query is not valid for another.
    const other = await get(h, `${ROUTES.userEventsSummary}?${filter('isSuccess eq true')}&$skiptoken=${token}`);
    expect(other.status).to.equal(400);
    expect((await get(h, link)).status).to.equal(200);
  });
});
