import { expect } from '@open-wc/testing';
import type { Page } from '../../src/client/client-options.js';
import { ReportClient } from '../../src/client/report-client.js';
import type { GraphUserRegistrationDetails } from '../../src/graph/types.js';
import { EVENTS_ROUTE, USERS_ROUTE, mockEndpoint, rejection } from './client-test-helpers.js';

type Row = GraphUserRegistrationDetails;

async function walk(client: ReportClient, path: string, onProgress?: (p: { pages: number; rows: number }) => void): Promise<Page<Row>[]> {
  const pages: Page<Row>[] = [];
  for await (const page of client.pages<Row>(path, { onProgress })) pages.push(page);
  return pages;
}

describe('ReportClient.pages against the mock', () => {
  it('reads every row exactly once and reports progress after each page', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 250, page: 100 }), budget: false });
    const progress: { pages: number; rows: number }[] = [];
    const pages = await walk(client, USERS_ROUTE, (p) => progress.push(p));
    expect(pages.map((p) => [p.index, p.value.length, p.rows])).to.deep.equal([[0, 100, 100], [1, 100, 200], [2, 50, 250]]);
    expect(progress).to.deep.equal([{ pages: 1, rows: 100 }, { pages: 2, rows: 200 }, { pages: 3, rows: 250 }]);
    const ids = pages.flatMap((p) => p.value.map((r) => r.id));
    expect(new Set(ids).size).to.equal(250);
    expect(pages[2].nextLink).to.equal(undefined);
    expect(pages[0].nextLink).to.match(/^https?:\/\//);
  });

  it('pages the default tenant at /graph the same way', async () => {
    const client = new ReportClient({ endpoint: '/graph', budget: false });
    const first = await client.pages<Row>(`${EVENTS_ROUTE}?$top=100`).next();
    expect(first.done).to.equal(false);
    const page = first.value as Page<Row>;
    expect(page.value).to.have.length(100);
    expect(page.value[0]).to.include.keys('id', 'userPrincipalName', 'feature', 'authMethod');
  });

  it('resumes from the last nextLink it saw, on a fresh client', async () => {
    const endpoint = mockEndpoint({ users: 250, page: 100 });
    const full = await walk(new ReportClient({ endpoint, budget: false }), USERS_ROUTE);
    const first = (await new ReportClient({ endpoint, budget: false }).pages<Row>(USERS_ROUTE).next()).value as Page<Row>;
    const rest = await walk(new ReportClient({ endpoint, budget: false }), first.nextLink!);
    const resumed = [...first.value, ...rest.flatMap((p) => p.value)].map((r) => r.id);
    expect(resumed).to.deep.equal(full.flatMap((p) => p.value.map((r) => r.id)));
  });

  it('treats a zero-row result as one valid page', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50 }), budget: false });
    const none = encodeURIComponent("userPrincipalName eq 'nobody@nowhere.example'");
    const pages = await walk(client, `${USERS_ROUTE}?$filter=${none}`);
    expect(pages).to.have.length(1);
    expect(pages[0]).to.deep.include({ index: 0, rows: 0, nextLink: undefined });
    expect(pages[0].value).to.deep.equal([]);
  });

  it('fails as malformed when the mock sends a broken body', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint({ users: 50, fault: 'malformed' }), budget: false });
    const error = await rejection(walk(client, USERS_ROUTE));
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.match(/could not be read/);
  });
});
