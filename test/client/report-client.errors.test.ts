import { expect } from '@open-wc/testing';
import { ReportClient } from '../../src/client/report-client.js';
import { EVENTS_ROUTE, USERS_ROUTE, mockEndpoint, rejection, since } from './client-test-helpers.js';

const PATH = `${EVENTS_ROUTE}?$top=2`;
const failWith = (fault: string) =>
  rejection(new ReportClient({ endpoint: mockEndpoint({ users: 50, fault }), budget: false, retry: { maxRetries: 0 } }).get(PATH));

describe('ReportClient errors from the mock', () => {
  it('401 → unauthenticated', async () => {
    const error = await failWith('401');
    expect(error.kind).to.equal('unauthenticated');
    expect(error.status).to.equal(401);
  });

  it('403 unsupported role → forbidden, naming the roles, with the request-id', async () => {
    const error = await failWith('403');
    expect(error.kind).to.equal('forbidden');
    expect(error.code).to.equal('Authentication_RequestFromUnsupportedUserRole');
    expect(error.message).to.contain('Reports Reader').and.contain('Security Reader')
      .and.contain('Security Administrator').and.contain('Global Reader');
    expect(error.requestId).to.be.a('string').and.not.be.empty;
  });

  it('403 license → license', async () => {
    const error = await failWith('403-license');
    expect(error.kind).to.equal('license');
    expect(error.code).to.equal('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
  });

  it('500 → server, with request-id and url', async () => {
    const error = await failWith('500');
    expect(error.kind).to.equal('server');
    expect(error.status).to.equal(500);
    expect(error.requestId).to.be.a('string').and.not.be.empty;
    expect(error.url).to.contain(EVENTS_ROUTE);
  });

  it('a bad $filter → bad-request with Graph\'s message', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50 }), budget: false });
    const error = await rejection(client.get(`${USERS_ROUTE}?$filter=${encodeURIComponent("userPrincipalName eq 'unterminated")}`));
    expect(error.kind).to.equal('bad-request');
    expect(error.status).to.equal(400);
    expect(error.graphMessage).to.be.a('string').and.not.be.empty;
    expect(error.message).to.contain(error.graphMessage!);
  });

  it('an unknown route → not-found', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50 }), budget: false });
    expect((await rejection(client.get('v1.0/reports/noSuchReport'))).kind).to.equal('not-found');
  });

  it('a closed port → network, quickly', async () => {
    const client = new ReportClient({ endpoint: 'http://127.0.0.1:9/graph', budget: false });
    const t0 = performance.now();
    const error = await rejection(client.get(PATH));
    expect(error.kind).to.equal('network');
    expect(error.cause).to.be.instanceOf(TypeError);
    expect(since(t0)).to.be.below(3000);
  });
});
