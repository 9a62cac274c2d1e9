import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/sspr-audit-table/define.js';
import type { SsprAuditTable } from '../../src/elements/sspr-audit-table/sspr-audit-table.js';
import { ReportClient } from '../../src/client/index.js';
import { payloadClient } from '../../src/mock/payload-client.js';
import type { AuditRow, EventRow, UserRow } from '../../src/reports/types.js';
import { graphExample } from '../fixtures/graph-examples.js';
import { $, $$, mockEndpoint, rawGraph, waitFor } from '../helpers/mock-endpoint.js';

const settled = async (el: SsprAuditTable, timeout = 10_000) => {
  await waitFor(() => ['done', 'more', 'failed', 'cancelled'].includes(el.loader.state), 'the table to load', timeout);
  await el.updateComplete;
};
const cells = (el: SsprAuditTable) => $$(el, '[part="row"]').map((r) => [...r.querySelectorAll('[part="cell"]')].map((c) => c.textContent!.trim()));
const count = (el: SsprAuditTable) => $(el, '[part="count"]').textContent!.trim();
/** Typing as a user does: the debounced search applies when typing pauses. */
async function type(el: SsprAuditTable, text: string) {
  const input = $<HTMLInputElement>(el, '[part="search"]');
  input.focus();
  await sendKeys({ type: text });
  await waitFor(() => input.value.endsWith(text) && el.search === input.value, `the search "${text}" to apply`);
  await el.updateComplete;
}
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

describe('<sspr-audit-table>', () => {
  describe('reports', () => {
    it('events: every event of the period from the mock, newest first', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" period="d30" endpoint=${mockEndpoint('users=400;seed=4')}></sspr-audit-table>`);
      await settled(el);
      const rows = el.visibleRows as EventRow[];
      expect(rows.length).to.equal(el.loadedRows);
      expect(count(el)).to.equal(`${rows.length} of ${rows.length} rows`);
      const times = rows.map((r) => r.time);
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
      expect($(el, '[part="scroller"]').getAttribute('aria-rowcount')).to.equal(String(rows.length + 1));
      expect(cells(el)[0][1]).to.equal(rows[0].userName);
    });

    it('users: the Graph documentation example', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client"></sspr-audit-table>`);
      el.client = payloadClient(await graphExample('v1-userRegistrationDetails-list'));
      await settled(el);
      const names = cells(el).map((c) => c[0]);
      expect(names).to.have.length(3);
      expect(names).to.include('Alex Wilber');
      const alex = cells(el).find((c) => c[0] === 'Alex Wilber')!;
      expect(alex.slice(1, 9)).to.deep.equal(['AlexW@Contoso.com', 'No', 'No', 'No', 'Yes', 'No', 'No', 'Microsoft Authenticator app, Software OATH token']);
    });

    it('events: the Graph documentation example', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" period="all"
        .client=${payloadClient(await graphExample('beta-userEventsSummary-list'))}></sspr-audit-table>`);
      await settled(el);
      expect(cells(el)).to.deep.equal([
        [new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.UTC(2025, 6, 16, 16, 19, 18)),
          'John Doe', 'johndoe@contoso.net', 'Registration', 'Microsoft Authenticator app', 'Success', ''],
      ]);
    });

    it('audit: the SSPR audit page, with every date when period is "all"', async () => {
      const page = (await graphExample('ILLUSTRATIVE-v1-directoryAudits-sspr')) as Record<string, unknown>;
      delete page['@odata.nextLink'];
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="audit" period="all" .client=${payloadClient(page)}></sspr-audit-table>`);
      await settled(el);
      expect(cells(el)[0].slice(1, 6)).to.deep.equal([
        'Self-service password reset flow activity progress', 'Success', 'User successfully reset password', 'Alex Wilber', 'Alex Wilber',
      ].slice(0, 5));
      expect((el.visibleRows as AuditRow[]).length).to.equal(2);
    });

    it('audit from the mock answers "who was blocked"', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="audit" period="d30" endpoint=${mockEndpoint('users=2000;seed=6')}
        filter='{"activity":"Blocked from self-service password reset"}'></sspr-audit-table>`);
      await settled(el);
      const rows = el.visibleRows as AuditRow[];
      expect(rows.length).to.be.greaterThan(0);
      expect(new Set(rows.map((r) => r.activity))).to.deep.equal(new Set(['Blocked from self-service password reset']));
    });

    it('answers "which admins reset their own password" with the Admin facet', async () => {
      const endpoint = mockEndpoint('users=1000;seed=6'); // one page of users
      // Graph documents no isAdmin filter: read the users as they are, and pick the admins here.
      const users = await rawGraph<{ value: { userPrincipalName: string; isAdmin: boolean }[] }>(
        endpoint, 'v1.0/reports/authenticationMethods/userRegistrationDetails');
      const adminUpns = new Set(users.value.filter((u) => u.isAdmin).map((u) => u.userPrincipalName.toLowerCase()));
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table period="d30" endpoint=${endpoint}
        filter='{"feature":"reset","isAdmin":"true"}'></sspr-audit-table>`);
      await settled(el);
      await waitFor(() => el.visibleRows.length, 'the admins’ resets');
      const rows = el.visibleRows as EventRow[];
      expect(rows.every((r) => r.feature === 'reset' && adminUpns.has(r.upn.toLowerCase()))).to.equal(true);
      const all = el.loadedRows;
      expect(rows.length).to.be.below(all);
      const label = [...$<HTMLSelectElement>(el, '[data-facet="isAdmin"]').selectedOptions][0].textContent!;
      expect(label).to.equal(`Yes (${rows.length})`);
    });

    it('renders names with HTML as text', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client" endpoint=${mockEndpoint('users=2000;seed=1')}></sspr-audit-table>`);
      await settled(el);
      await type(el, '<img');
      const rows = el.visibleRows as UserRow[];
      expect(rows.length, 'the mock tenant has a name with HTML in it').to.be.greaterThan(0);
      expect(cells(el)[0][0]).to.equal(rows[0].name);
      expect(rows[0].name).to.contain('<img');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  describe('filters and sort at 75,000 events', () => {
    // One table for the whole group (fixture() would detach it after the first test).
    const el = document.createElement('sspr-audit-table');
    before(async function () {
      this.timeout(60_000);
      el.client = new ReportClient({ endpoint: mockEndpoint('users=20000;events=75000;seed=7'), budget: false });
      el.lang = 'en-US';
      el.period = 'all' as never;
      document.body.append(el);
      await settled(el, 60_000);
    });
    after(() => el.remove());

    it('loaded all 75,000 events and keeps the DOM small', () => {
      expect(el.loadedRows).to.equal(75_000);
      expect(count(el)).to.equal('75,000 of 75,000 rows');
      expect($$(el, '[part="row"]').length).to.be.below(60);
      const nodes = el.shadowRoot!.querySelectorAll('*').length;
      expect(nodes).to.be.below(2000);
    });

    it('search and facets give exactly what a plain array filter gives', async () => {
      const all = el.visibleRows as EventRow[];
      el.filter = { feature: 'reset', status: 'failure' };
      await type(el, 'ann');
      const expected = all.filter((r) => r.feature === 'reset' && !r.succeeded && `${r.userName}\u0000${r.upn}`.toLowerCase().includes('ann'));
      expect((el.visibleRows as EventRow[]).map((r) => r.id)).to.deep.equal(expected.map((r) => r.id));
      expect(count(el)).to.equal(`${expected.length.toLocaleString('en-US')} of 75,000 rows`);
      const methodOptions = [...$$<HTMLSelectElement>(el, '[data-facet="method"]')[0].options].map((o) => o.textContent!);
      const sms = expected.filter((r) => r.method === 'sms').length;
      expect(methodOptions).to.include(`SMS (${sms.toLocaleString('en-US')})`);
    });

    it('sorts by user name like a plain comparison, both ways, with aria-sort', async () => {
      el.filter = { status: 'failure' };
      el.search = '';
      await el.updateComplete;
      const header = $$(el, '[part="header-cell"]').find((h) => h.textContent!.includes('User') && !h.textContent!.includes('principal'))!;
      header.querySelector('button')!.click();
      await waitFor(() => header.getAttribute('aria-sort') === 'ascending', 'ascending');
      await waitFor(() => {
        const names = (el.visibleRows as EventRow[]).map((r) => fold(r.userName));
        return names.every((n, i) => i === 0 || names[i - 1] <= n);
      }, 'the sorted rows');
      const failures = (el.visibleRows as EventRow[]).length;
      expect(failures).to.equal(new Set((el.visibleRows as EventRow[]).filter((r) => !r.succeeded).map((r) => r.id)).size);
      header.querySelector('button')!.click();
      await waitFor(() => header.getAttribute('aria-sort') === 'descending', 'descending');
      const names = (el.visibleRows as EventRow[]).map((r) => fold(r.userName));
      expect(names.every((n, i) => i === 0 || names[i - 1] >= n)).to.equal(true);
    });

    it('exports the filtered rows as CSV', async () => {
      el.filter = { method: 'email', status: 'failure' };
      el.search = '';
      await el.updateComplete;
      const blob = await el.exportCsv({ download: false });
      const lines = (await blob.text()).trim().split('\r\n');
      expect(lines.length - 1).to.equal((el.visibleRows as EventRow[]).length);
      expect(lines.slice(1).every((l) => l.includes(',Email,Failure,')), 'labels in every column').to.equal(true);
      const raw = (await (await el.exportCsv({ download: false, values: 'raw' })).text()).trim().split('\r\n');
      expect(raw.length).to.equal(lines.length);
      expect(raw.slice(1).every((l) => l.includes(',email,false,')), 'Graph values in every column').to.equal(true);
    });
  });

  describe('loading', () => {
    it('keeps the rows of pages before a failure, says so, and resumes from there', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client"
        endpoint=${mockEndpoint('users=500;page=100;fault=500;after=3;times=1;route=userRegistrationDetails')}></sspr-audit-table>`);
      // after=3: the first request, with $top (not in Graph's reference), gets the strict mock's 400 and is sent again without it
      const failed = await oneEvent(el, 'sspr-error');
      expect(failed.detail.report).to.equal('users');
      await el.updateComplete;
      expect(el.loadedRows).to.equal(200);
      expect($(el, '[part="error"]').textContent).to.match(/Loading stopped after 200 rows; 300 rows are missing/);
      $(el, '[part="retry"]').click();
      await oneEvent(el, 'sspr-load');
      expect(el.loadedRows).to.equal(500);
      expect(new Set((el.visibleRows as UserRow[]).map((r) => r.id)).size).to.equal(500);
    });

    it('shows the first page at once, with progress and a Cancel that keeps what arrived', async () => {
      // without the request budget, so the test is about loading, not about waiting for Graph's quota
      const client = new ReportClient({ endpoint: mockEndpoint('users=2000;page=200;latency=150'), budget: false });
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client" .client=${client}></sspr-audit-table>`);
      await waitFor(() => el.loadedRows > 0, 'the first page');
      await el.updateComplete;
      expect($$(el, '[part="row"]').length).to.be.greaterThan(0);
      expect($(el, '[part="progress"]').textContent).to.match(/Loading… [\d,]+ of 2,000 rows/);
      $(el, '[part="cancel"]').click();
      await el.updateComplete;
      const kept = el.loadedRows;
      expect(kept).to.be.within(200, 1800);
      expect($(el, '[part="progress"]').textContent).to.contain(`Loading cancelled after ${kept.toLocaleString()} rows`);
      $(el, '[part="resume"]').click();
      await waitFor(() => el.loader.state === 'done', 'the rest', 10_000);
      expect(el.loadedRows).to.equal(2000);
    });
  });

  describe('server mode', () => {
    it('sends search, filters and sort as OData, escaping quotes, and loads pages as you scroll (500,000 users)', async function () {
      this.timeout(30_000);
      const urls: string[] = [];
      const endpoint = mockEndpoint('users=500000');
      const client = new ReportClient({
        endpoint,
        budget: false,
        fetch: (input, init) => {
          urls.push(decodeURIComponent(String(input instanceof Request ? input.url : input)));
          return fetch(input, init);
        },
      });
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" .client=${client}></sspr-audit-table>`);
      await settled(el, 20_000);
      expect(el.loader.state).to.equal('more');
      expect(count(el)).to.match(/^1,000 rows loaded/);
      expect(urls.some((u) => u.includes('usersRegisteredByFeature'))).to.equal(true);
      el.filter = { isSsprCapable: 'true', methodsRegistered: 'email' };
      await type(el, "o'b");
      await settled(el, 20_000);
      const last = urls.at(-1)!;
      expect(last).to.contain("$filter=((isSsprCapable eq true) and (methodsRegistered/any(x:x eq 'email'))) and ((startswith(userDisplayName,'o''b')) or (startswith(userPrincipalName,'o''b')))");
      expect(last).to.contain('$orderby=userDisplayName asc');
      $<HTMLInputElement>(el, '[part="search"]').value = '';
      const changes: { rows: number; total: number; search: string }[] = [];
      el.addEventListener('sspr-filter-change', (e) => changes.push(e.detail));
      await type(el, 'ana');
      await settled(el, 20_000);
      await waitFor(() => changes.find((c) => c.search === 'ana'), 'the filter change, once the rows are in');
      const change = changes.find((c) => c.search === 'ana')!;
      expect(change.rows).to.be.greaterThan(0);
      expect(change.total).to.equal(change.rows);
      const rows = el.visibleRows as UserRow[];
      expect(rows.length).to.be.greaterThan(0);
      for (const r of rows) {
        expect(r.ssprCapable && r.methods.includes('email')).to.equal(true);
        expect(r.name.toLowerCase().startsWith('ana') || r.upn.toLowerCase().startsWith('ana')).to.equal(true);
      }
      el.filter = {};
      el.search = '';
      await settled(el, 20_000);
      const before = el.loadedRows;
      const scroller = $(el, '[part="scroller"]');
      scroller.scrollTop = scroller.scrollHeight;
      await waitFor(() => el.loadedRows > before, 'the next page');
      expect($$(el, '[part="row"]').length).to.be.below(60);
    });
  });

  describe('only what Graph documents', () => {
    const recording = (endpoint: string) => {
      const urls: string[] = [];
      const client = new ReportClient({
        endpoint, budget: false,
        fetch: (input, init) => {
          urls.push(decodeURIComponent(String(input)));
          return fetch(input, init);
        },
      });
      return { urls, client };
    };

    it('events in server mode: no date filter or date order sent; the period applied here, and said so', async () => {
      const { urls, client } = recording(mockEndpoint('users=3000;page=200'));
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" mode="server" period="d1" .client=${client}></sspr-audit-table>`);
      await settled(el, 15_000);
      expect(urls.length).to.be.greaterThan(0);
      expect(urls.some((u) => u.includes('eventDateTime')), urls.join('\n')).to.equal(false);
      const since = Date.now() - 86_400_000 - 60_000;
      const rows = el.visibleRows as EventRow[];
      expect(rows.every((r) => r.time >= since), 'only the last 24 hours').to.equal(true);
      expect(rows.map((r) => r.time)).to.deep.equal([...rows.map((r) => r.time)].sort((a, b) => b - a));
      expect(el.loadedRows).to.be.greaterThan(rows.length);
      expect($(el, '.notice').textContent!.replace(/\s+/g, ' ')).to.match(/Graph cannot filter events by date or sort events by date: done here on the [\d,]+ rows loaded so far/);
    });

    it('users in server mode: a refused Admin filter falls back to memory and says so; the table never dies', async () => {
      const { urls, client } = recording(mockEndpoint('users=600'));
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" report="users" mode="server"
        filter='{"isAdmin":"true"}' .client=${client}></sspr-audit-table>`);
      await settled(el, 15_000);
      expect(el.loader.state).not.to.equal('failed');
      const rows = el.visibleRows as UserRow[];
      expect(rows.length).to.be.greaterThan(0);
      expect(rows.every((r) => r.isAdmin)).to.equal(true);
      const pages = urls.filter((u) => u.includes('userRegistrationDetails'));
      expect(pages[0]).to.contain('isAdmin eq true');
      expect(pages.at(-1)).not.to.contain('isAdmin').and.not.to.contain('$top');
      const notice = $(el, '.notice').textContent!.replace(/\s+/g, ' ');
      expect(notice).to.contain('Graph cannot filter on Admin (it refused the filter)');
      expect(notice).to.contain('Graph refused the page size');
    });

    it('keeps the rows shown when Graph\'s page token expires, reads again from the start, and shows none twice', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" report="users" mode="client"
        .client=${new ReportClient({ endpoint: mockEndpoint('users=500;page=100;fault=expired-token;after=2;times=1'), budget: false })}></sspr-audit-table>`);
      await settled(el);
      expect(el.loader.state).to.equal('done');
      expect(el.loadedRows).to.equal(500);
      expect(new Set((el.visibleRows as UserRow[]).map((r) => r.id)).size).to.equal(500);
      expect($(el, '.notice').textContent!.replace(/\s+/g, ' ')).to.contain('read again from its first page; 300 rows already shown were not added twice');
    });

    it('explains an empty report: when Graph collects the data, the licence, the delay', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" report="users" mode="client"
        .client=${payloadClient({ value: [] })}></sspr-audit-table>`);
      await settled(el);
      const empty = $(el, '[part="empty"]');
      expect(empty.textContent).to.contain('No rows in this report.');
      expect(empty.textContent).to.contain('opened').and.contain('P1 or P2').and.contain('few hours');
    });
  });

  describe('robustness', () => {
    it('never mixes two endpoints’ rows when the client changes while loading', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client"
        endpoint=${mockEndpoint('users=300;latency=300')}></sspr-audit-table>`);
      el.endpoint = mockEndpoint('users=120');
      await el.updateComplete;
      await settled(el);
      await new Promise((r) => setTimeout(r, 700)); // the first endpoint's answers would have landed by now
      expect(el.loadedRows).to.equal(120);
      expect(count(el)).to.equal('120 of 120 rows');
    });

    it('switches report after a sort without errors, sorting the new report its own way', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table period="d30" endpoint=${mockEndpoint('users=2000;seed=2')}></sspr-audit-table>`);
      await settled(el);
      $$(el, '[part="header-cell"] button').find((b) => b.textContent!.startsWith('User'))!.click();
      await el.updateComplete;
      el.report = 'audit';
      await el.updateComplete; // the new load starts in this update
      await settled(el);
      const rows = el.visibleRows as AuditRow[];
      expect(rows.length).to.be.greaterThan(0);
      expect(rows.every((r) => r && typeof r.activity === 'string')).to.equal(true);
      const times = rows.map((r) => r.time);
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
      expect($$(el, '[part="header-cell"]')[0].getAttribute('aria-sort')).to.equal('descending');
    });

    it('server mode keeps loading when the first page is too short to scroll', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="server"
        .client=${new ReportClient({ endpoint: mockEndpoint('users=300;page=5'), budget: false })}></sspr-audit-table>`);
      await waitFor(() => el.loadedRows >= 20, 'more pages without a scroll');
      const scroller = $(el, '[part="scroller"]');
      expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
    });

    it('shows that it is counting the tenant before the first users page, and a plain failure when nothing arrived', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" report="users"
        endpoint=${mockEndpoint('users=60;latency=300')}></sspr-audit-table>`);
      const progress = await waitFor(() => el.shadowRoot!.querySelector('[part="progress"]'), 'the counting progress');
      expect(progress.textContent).to.contain("Counting the tenant's users");
      expect($(el, '[part="scroller"]').getAttribute('aria-busy')).to.equal('true');
      await settled(el);
      const forbidden = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" report="events"
        endpoint=${mockEndpoint('fault=403')}></sspr-audit-table>`);
      await settled(forbidden);
      const error = $(forbidden, '[part="error"]');
      expect(error.textContent).not.to.contain('Loading stopped after');
      expect(error.textContent).to.contain('not allowed');
      expect($(forbidden, '[part="retry"]').textContent!.trim()).to.equal('Retry');
    });

    it('says which filters the endpoint cannot apply in server mode', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="audit" mode="server" period="d30"
        filter='{"status":"failure"}' endpoint=${mockEndpoint('users=300')}></sspr-audit-table>`);
      await settled(el);
      expect($(el, '.notice').textContent).to.contain('cannot filter on Status');
    });

    it('starts its load when put back, if it was moved while asking for the tenant size', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" server-threshold="100"
        .client=${new ReportClient({ endpoint: mockEndpoint('users=3000;latency=200'), budget: false })}></sspr-audit-table>`);
      const parent = el.parentElement!;
      el.remove();
      await new Promise((r) => setTimeout(r, 300));
      parent.append(el);
      await waitFor(() => el.loader.state === 'more', 'server mode (3,000 users > 100)', 8000);
      expect(el.loadedRows).to.equal(1000);
    });

    it('loads no more pages in server mode while hidden', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="display: none"><sspr-audit-table report="users" mode="server"
        .client=${new ReportClient({ endpoint: mockEndpoint('users=300;page=5'), budget: false })}></sspr-audit-table></div>`);
      const el = wrapper.querySelector('sspr-audit-table')!;
      await waitFor(() => el.loadedRows >= 5, 'the first page');
      await new Promise((r) => setTimeout(r, 400));
      expect(el.loadedRows).to.equal(5);
      wrapper.style.display = 'block';
      await waitFor(() => el.loadedRows > 5, 'more once shown');
    });

    it('keeps keyboard focus on the same row when the rows are re-ordered or filtered', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client" endpoint=${mockEndpoint('users=300;seed=4')}></sspr-audit-table>`);
      await settled(el);
      const rows = el.visibleRows as UserRow[];
      const target = rows[5];
      $<HTMLButtonElement>(el, '[part="header-cell"] button').focus();
      for (let i = 0; i < 6; i++) await sendKeys({ press: 'ArrowDown' });
      const focused = () => el.shadowRoot!.activeElement as HTMLElement;
      expect(focused().textContent).to.equal(target.name);
      el.search = target.upn; // the row moves to the top
      await el.updateComplete;
      const cell = $(el, '[tabindex="0"]');
      expect(cell.textContent).to.equal(target.name);
      expect(cell.dataset.row).to.equal('0');
      expect(focused()).to.equal(cell);
    });

    it('does not offer to retry a next-page link it refused to follow, and keeps the rows', async () => {
      const page = { value: [{ id: 'u1', userDisplayName: 'Ann', userPrincipalName: 'ann@x.example' }], '@odata.nextLink': 'https://evil.example/next' };
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client" .client=${payloadClient(page)}></sspr-audit-table>`);
      await settled(el);
      expect(el.loader.state).to.equal('failed');
      expect(el.loadedRows).to.equal(1);
      expect($(el, '[part="error"]').textContent).to.contain('evil.example');
      expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
    });

    it('carries on loading after being moved in the page', async () => {
      const client = new ReportClient({ endpoint: mockEndpoint('users=1000;page=100;latency=60'), budget: false });
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client" .client=${client}></sspr-audit-table>`);
      await waitFor(() => el.loadedRows >= 100, 'a first page');
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitFor(() => el.loader.state === 'done', 'the rest', 10_000);
      expect(el.loadedRows).to.equal(1000);
    });
  });

  describe('layout', () => {
    it('clips long text with an ellipsis and gives every header its full text as a tooltip', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" report="users" mode="client"
        style="width: 30rem" endpoint=${mockEndpoint('users=60')}></sspr-audit-table>`);
      await settled(el);
      const cell = $(el, '[part="row"] [part="cell"][aria-colindex="2"]');
      const style = getComputedStyle(cell);
      expect(style.display, 'text-overflow needs a block container').to.equal('block');
      expect(style.textOverflow).to.equal('ellipsis');
      expect(cell.scrollWidth, 'the UPN is wider than its column').to.be.greaterThan(cell.clientWidth);
      expect(cell.title).to.equal(cell.textContent);
      const headers = $$(el, '[part="header-cell"]');
      expect(headers.map((h) => h.title)).to.deep.equal(headers.map((h) => h.textContent!.replace(/[▲▼]/g, '').trim()));
      expect(getComputedStyle(headers[0]!.querySelector('.head-label')!).textOverflow).to.equal('ellipsis');
    });

    it('stripes rows by their number, so stripes stay put while scrolling', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" report="users" mode="client"
        style="--sspr-table-stripe: rgb(1, 2, 3)" endpoint=${mockEndpoint('users=400')}></sspr-audit-table>`);
      await settled(el);
      const scroller = $(el, '[part="scroller"]');
      const check = () => {
        const rows = $$(el, '[part="row"]');
        expect(rows.length).to.be.greaterThan(10);
        for (const row of rows) {
          const number = Number(row.getAttribute('aria-rowindex')) - 1; // 1 = the first data row
          const striped = getComputedStyle(row).backgroundColor === 'rgb(1, 2, 3)';
          expect(striped, `row ${number}`).to.equal(number % 2 === 0);
        }
      };
      await waitFor(() => $$(el, '[part="row"]').length > 10, 'the rows to fill the table');
      check();
      // Scroll by an odd number of rows past the overscan, so DOM positions and row numbers disagree.
      const rowHeight = $(el, '[part="row"]').getBoundingClientRect().height;
      const firstNumber = () => Math.min(...$$(el, '[part="row"]').map((r) => Number(r.getAttribute('aria-rowindex')) - 1));
      for (let rows = 40; rows < 44 && firstNumber() % 2 === 1; rows++) {
        scroller.scrollTop = rows * rowHeight;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        await el.updateComplete;
      }
      expect(firstNumber() % 2, 'the first row in the DOM is an even-numbered row').to.equal(0);
      check();
    });

    it('takes only the height it needs for a few rows', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="en-US" report="users" mode="client"
        endpoint=${mockEndpoint('users=60')}></sspr-audit-table>`);
      await settled(el);
      const scroller = $(el, '[part="scroller"]');
      const full = scroller.getBoundingClientRect().height;
      const first = (el.visibleRows as UserRow[])[0]!;
      el.search = first.upn;
      await waitFor(() => el.visibleRows.length === 1, 'one row');
      await el.updateComplete;
      const rowHeight = $(el, '[part="row"]').getBoundingClientRect().height;
      const short = scroller.getBoundingClientRect().height;
      expect(short, 'header and one row').to.be.below(rowHeight * 3 + 4);
      expect(full, 'many rows: the table height').to.be.above(short * 3);
    });
  });

  describe('keyboard and events', () => {
    it('moves between header, rows and cells with the arrow keys, Home/End and Ctrl+End', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client" endpoint=${mockEndpoint('users=300')}></sspr-audit-table>`);
      await settled(el);
      const focused = () => el.shadowRoot!.activeElement as HTMLElement;
      $<HTMLButtonElement>(el, '[part="header-cell"] button').focus();
      await sendKeys({ press: 'ArrowDown' });
      expect([focused().dataset.row, focused().dataset.col]).to.deep.equal(['0', '0']);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused().dataset.col).to.equal('1');
      await sendKeys({ press: 'End' });
      expect(focused().dataset.col).to.equal(String($$(el, '[part="header-cell"]').length - 1));
      await sendKeys({ press: 'Control+End' });
      await waitFor(() => focused()?.dataset.row === '299', 'the last row');
      expect(focused().closest('[part="row"]')!.getAttribute('aria-rowindex')).to.equal('301');
      await sendKeys({ press: 'Control+Home' });
      await waitFor(() => focused()?.dataset.row === '0', 'the first row');
    });

    it('fires sspr-filter-change for the user’s changes only', async () => {
      const el = await fixture<SsprAuditTable>(html`<sspr-audit-table endpoint=${mockEndpoint('users=300')} period="d30"></sspr-audit-table>`);
      await settled(el);
      const seen: unknown[] = [];
      el.addEventListener('sspr-filter-change', (e) => seen.push(e.detail));
      el.filter = { feature: 'reset' };
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
      const select = $<HTMLSelectElement>(el, '[data-facet="status"]');
      select.value = 'failure';
      select.dispatchEvent(new Event('change'));
      await waitFor(() => seen.length, 'the event');
      expect(seen[0]).to.include({ report: 'events', search: '' });
      expect((seen[0] as { filter: unknown }).filter).to.deep.equal({ feature: 'reset', status: 'failure' });
      $<HTMLButtonElement>(el, '[part="clear"]').click();
      await waitFor(() => seen.length === 2, 'the clear');
      expect((seen[1] as { filter: unknown }).filter).to.deep.equal({});
    });
  });

  it('is accessible', async () => {
    const el = await fixture<SsprAuditTable>(html`<sspr-audit-table endpoint=${mockEndpoint('users=300')} period="d30"></sspr-audit-table>`);
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
