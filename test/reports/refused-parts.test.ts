import { expect } from '@open-wc/testing';
import { ReportClient } from '../../src/client/index.js';
import { eq } from '../../src/reports/odata.js';
import { pageUsers } from '../../src/reports/users.js';
import { mockEndpoint } from '../helpers/mock-endpoint.js';

async function all(pages: AsyncGenerator<{ rows: unknown[] }>): Promise<number> {
  let n = 0;
  for await (const page of pages) n += page.rows.length;
  return n;
}

describe('refused optional query parts', () => {
  it('two walks on one client that both send $top both fall back, whichever learns of the 400 first', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint('users=120;seed=3'), budget: false });
    // the admin look-up and the users table start together, as on a dashboard
    const [admins, users] = await Promise.all([
      all(pageUsers(client, { top: 999, optional: [{ name: 'isAdmin', filter: eq('isAdmin', true) }, { name: '$top' }] })),
      all(pageUsers(client, { top: 999, optional: [{ name: '$top' }] })),
    ]);
    expect(users).to.equal(120);
    expect(admins).to.be.greaterThan(0);
  });
});
