import { expect } from '@open-wc/testing';
import { ReportClient } from '../../src/client/report-client.js';

const PATH = "v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'Self-service Password Management'";
const client = (endpoint: string): ReportClient => new ReportClient({ endpoint, budget: false });

describe('ReportClient.url', () => {
  it('joins endpoint and path with exactly one slash', () => {
    for (const endpoint of ['/graph', '/graph/', '/graph//']) {
      expect(client(endpoint).url(PATH)).to.equal(`/graph/${PATH}`);
      expect(client(endpoint).url(`/${PATH}`)).to.equal(`/graph/${PATH}`);
    }
    expect(client('https://graph.microsoft.com/').url('beta/reports/x')).to.equal('https://graph.microsoft.com/beta/reports/x');
    expect(client('/mock/users=50;id=a').url('v1.0/x')).to.equal('/mock/users=50;id=a/v1.0/x');
  });

  it('returns absolute links as given when the endpoint is Graph itself', () => {
    const link = 'https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$top=100&$skiptoken=a%27b';
    expect(client('https://graph.microsoft.com').url(link)).to.equal(link);
  });

  it('rebases Graph\'s nextLink onto a proxy endpoint, query untouched', () => {
    const query = "?$filter=loggedByService eq 'Self-service Password Management'&$skiptoken=X%2BY==";
    const link = `https://graph.microsoft.com/v1.0/auditLogs/directoryAudits${query}`;
    expect(client('/graph').url(link)).to.equal(`/graph/v1.0/auditLogs/directoryAudits${query}`);
    expect(client('https://proxy.contoso.test/api/graph/').url(link)).to.equal(
      `https://proxy.contoso.test/api/graph/v1.0/auditLogs/directoryAudits${query}`,
    );
    expect(client('/graph').url('https://graph.microsoft.us/beta/x?$skiptoken=1')).to.equal('/graph/beta/x?$skiptoken=1');
  });

  it('leaves other absolute links alone', () => {
    const link = 'https://reports.contoso.test/graph/v1.0/x?$skiptoken=2';
    expect(client('/graph').url(link)).to.equal(link);
    expect(client('/graph').url('http://graph.microsoft.com.evil.test/v1.0/x')).to.equal('http://graph.microsoft.com.evil.test/v1.0/x');
  });

  it('needs an endpoint', () => {
    expect(() => new ReportClient({ endpoint: ' ' })).to.throw(TypeError);
  });
});
