import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/sspr-tiles/define.js';
import type { SsprTiles } from '../../src/elements/sspr-tiles/sspr-tiles.js';
import type { GraphUserRegistrationFeatureSummary } from '../../src/graph/types.js';
import { graphExample } from '../fixtures/graph-examples.js';
import { $, $$, mockEndpoint, rawGraph, waitFor } from '../helpers/mock-endpoint.js';
import { payloadClient } from '../../src/mock/payload-client.js';
import { ReportClient } from '../../src/client/index.js';

const FEATURE_ROUTE = "v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='all')";


async function loaded(el: SsprTiles) {
  await waitFor(() => $$(el, 'button[part="tile"]').length || $$(el, '[part="error"]').length, 'tiles to settle');
  await el.updateComplete;
}

const tileText = (el: SsprTiles, metric: string) => {
  const tile = $(el, `[data-metric="${metric}"]`);
  return {
    value: tile.querySelector('[part="value"]')!.textContent!.trim(),
    share: tile.querySelector('[part="share"]')!.textContent!.trim(),
    meter: (tile.querySelector('.fill') as HTMLElement).style.width,
  };
};

describe('<sspr-tiles>', () => {
  describe('numbers', () => {
    it('renders the mock tenant’s counts and shares', async () => {
      const endpoint = mockEndpoint('users=400;seed=5');
      const raw = await rawGraph<GraphUserRegistrationFeatureSummary>(endpoint, FEATURE_ROUTE);
      const el = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" endpoint=${endpoint}></sspr-tiles>`);
      await loaded(el);
      const registered = raw.userRegistrationFeatureCounts.find((c) => c.feature === 'ssprRegistered')!.userCount;
      expect(tileText(el, 'registered').value).to.equal(registered.toLocaleString('en-US'));
      const share = registered / 400;
      const expected = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: share < 0.1 ? 1 : 0 }).format(share);
      expect(tileText(el, 'registered').share).to.equal(`${expected} of 400 users`);
      expect($$(el, 'button[part="tile"]').map((b) => b.dataset.metric)).to.deep.equal(['registered', 'enabled', 'capable']);
    });

    it('renders the Graph documentation example, whose count exceeds the total, without breaking', async () => {
      const example = await graphExample('v1-usersRegisteredByFeature');
      const el = await fixture<SsprTiles>(
        html`<sspr-tiles lang="en-US" metrics="registered capable mfa passwordless" .client=${payloadClient(example)}></sspr-tiles>`,
      );
      await loaded(el);
      expect(tileText(el, 'registered')).to.deep.equal({ value: '23,423', share: '101% of 23,123 users', meter: '100%' });
      expect(tileText(el, 'capable').value).to.equal('4,234');
      expect(tileText(el, 'capable').share).to.equal('18% of 23,123 users');
      expect(tileText(el, 'passwordless').share).to.equal('1.4% of 23,123 users');
      expect(tileText(el, 'mfa').value).to.equal('3,345');
      const tile = $(el, '[data-metric="registered"]');
      expect(tile.scrollWidth).to.be.at.most(tile.clientWidth + 1);
    });

    it('shows no NaN for a tenant with 0 users, and a dash for a feature the endpoint did not report', async () => {
      const el = await fixture<SsprTiles>(
        html`<sspr-tiles lang="en-US" .client=${payloadClient({ totalUserCount: 0, userRegistrationFeatureCounts: [{ feature: 'ssprRegistered', userCount: 0 }] })}></sspr-tiles>`,
      );
      await loaded(el);
      expect(el.shadowRoot!.textContent).not.to.contain('NaN');
      expect(tileText(el, 'registered')).to.deep.equal({ value: '0', share: '— of 0 users', meter: '0%' });
      expect(tileText(el, 'enabled').value).to.equal('—');
      expect(tileText(el, 'enabled').share).to.equal('Not reported by this endpoint');
      const empty = $(el, '[part="empty"]');
      expect(empty.textContent, 'no users at all: say what to check').to.contain('Graph reports no users').and.contain('P1 or P2');
    });

    it('formats for the page language', async () => {
      const example = await graphExample('v1-usersRegisteredByFeature');
      const wrapper = await fixture(html`<div lang="de-DE"><sspr-tiles .client=${payloadClient(example)}></sspr-tiles></div>`);
      const el = wrapper.querySelector('sspr-tiles')!;
      await loaded(el);
      expect(tileText(el, 'registered').value).to.equal('23.423');
    });

    it('re-formats when its lang changes', async () => {
      const example = await graphExample('v1-usersRegisteredByFeature');
      const el = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" .client=${payloadClient(example)}></sspr-tiles>`);
      await loaded(el);
      expect(tileText(el, 'registered').value).to.equal('23,423');
      el.lang = 'de-DE';
      await el.updateComplete;
      expect(tileText(el, 'registered').value).to.equal('23.423');
    });

    it('says which metrics it ignored', async () => {
      const example = await graphExample('v1-usersRegisteredByFeature');
      const el = await fixture<SsprTiles>(html`<sspr-tiles metrics="capable bogus" .client=${payloadClient(example)}></sspr-tiles>`);
      await loaded(el);
      expect($$(el, 'button[part="tile"]')).to.have.length(1);
      expect($(el, '.ignored').textContent).to.contain('bogus');
    });

    it('asks for the scope in user-types and user-roles', async () => {
      const endpoint = mockEndpoint('users=400;seed=5');
      const raw = await rawGraph<GraphUserRegistrationFeatureSummary>(
        endpoint,
        "v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='guest',includedUserRoles='all')",
      );
      const el = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" user-types="guest" endpoint=${endpoint}></sspr-tiles>`);
      await loaded(el);
      expect(raw.totalUserCount).to.be.lessThan(400);
      expect(tileText(el, 'registered').share).to.match(new RegExp(`of ${raw.totalUserCount} users$`));
    });
  });

  describe('states', () => {
    it('shows a skeleton while loading, marked busy', async () => {
      const el = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${mockEndpoint('users=60;latency=400')}></sspr-tiles>`);
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect($$(el, '.skeleton').length).to.be.greaterThan(0);
      await loaded(el);
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('false');
    });

    it('explains a missing role, keeps the request id, and recovers with Retry', async () => {
      const endpoint = mockEndpoint('users=60;fault=403;times=1');
      const el = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${endpoint}></sspr-tiles>`);
      const failed = await oneEvent(el, 'sspr-error');
      expect(failed.detail.error).to.have.property('kind', 'forbidden');
      await loaded(el);
      const error = $(el, '[part="error"]');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.match(/Reports Reader/);
      expect(error.querySelector('.error-id code')!.textContent).to.match(/^[0-9a-f-]{36}$/);
      $(el, '[part="retry"]').click();
      await oneEvent(el, 'sspr-load');
      await el.updateComplete;
      expect($$(el, 'button[part="tile"]')).to.have.length(3);
    });

    it('says how long it waits when Graph throttles, then shows the numbers', async () => {
      const el = await fixture<SsprTiles>(
        html`<sspr-tiles endpoint=${mockEndpoint('users=60;fault=429;times=1;retry-after=1.5')}></sspr-tiles>`,
      );
      const notice = await waitFor(() => el.shadowRoot!.querySelector('.wait'), 'the wait notice');
      expect(notice.textContent).to.match(/throttling requests — retrying in [12] seconds?\./);
      await oneEvent(el, 'sspr-load');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.wait')).to.equal(null);
      expect($$(el, 'button[part="tile"]')).to.have.length(3);
    });

    it('says Graph has not answered after a few seconds, with Cancel; Retry then loads', async () => {
      const endpoint = mockEndpoint('users=60;fault=hang;times=1');
      const el = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" endpoint=${endpoint}></sspr-tiles>`);
      expect(el.shadowRoot!.querySelector('.wait'), 'nothing to say at first').to.equal(null);
      const notice = await waitFor(() => el.shadowRoot!.querySelector('.wait'), 'the no-answer notice', 8000);
      expect(notice.textContent).to.match(/has not answered yet \([4-7] seconds\)/);
      $(el, '[part="cancel"]').click();
      await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the cancelled state');
      expect($(el, '[part="error"]').textContent).to.contain('cancelled');
      expect($(el, '[part="base"]').getAttribute('aria-busy')).to.equal('false');
      $(el, '[part="retry"]').click();
      await oneEvent(el, 'sspr-load');
      await el.updateComplete;
      expect($$(el, 'button[part="tile"]')).to.have.length(3);
    });

    it('turns a day-long Retry-After into an error that says until when; other elements hear it too; Retry tries now', async () => {
      const endpoint = mockEndpoint('users=60;fault=429;times=1;retry-after=86400');
      const el = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" endpoint=${endpoint}></sspr-tiles>`);
      const failed = await oneEvent(el, 'sspr-error');
      expect(failed.detail.error).to.have.property('kind', 'throttled');
      await el.updateComplete;
      expect($(el, '[part="error"]').textContent).to.match(/pause requests for this tenant until .+ \(in 24 hours\)/);
      // A second element on the same endpoint, another spelling of it: told why at once, not queued for a day.
      const other = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" user-types="guest" endpoint=${`${endpoint}/`}></sspr-tiles>`);
      const otherFailed = await oneEvent(other, 'sspr-error');
      expect(otherFailed.detail.error).to.have.property('retryAt', failed.detail.error.retryAt);
      $(el, '[part="retry"]').click();
      await oneEvent(el, 'sspr-load');
      await el.updateComplete;
      expect($$(el, 'button[part="tile"]')).to.have.length(3);
    });

    it('cancels its request when taken off the page, and asks again when put back', async () => {
      const signals: AbortSignal[] = [];
      const client = new ReportClient({
        endpoint: mockEndpoint('users=60;latency=400'),
        budget: false,
        fetch: (input, init) => {
          if (init?.signal) signals.push(init.signal);
          return fetch(input, init);
        },
      });
      const el = await fixture<SsprTiles>(html`<sspr-tiles .client=${client}></sspr-tiles>`);
      await waitFor(() => signals.length, 'the request');
      const parent = el.parentElement!;
      el.remove();
      await waitFor(() => signals[0].aborted, 'the request to be cancelled');
      parent.append(el);
      await oneEvent(el, 'sspr-load');
      await el.updateComplete;
      expect($$(el, 'button[part="tile"]')).to.have.length(3);
      expect(signals.length).to.equal(2);
    });

    it('asks for an endpoint when it has none', async () => {
      const el = await fixture<SsprTiles>(html`<sspr-tiles></sspr-tiles>`);
      expect(el.shadowRoot!.textContent).to.contain('endpoint');
    });

    it('never shows the previous endpoint’s numbers after a quick change', async () => {
      const slow = mockEndpoint('users=900;seed=1;latency=500');
      const fast = mockEndpoint('users=120;seed=2');
      const el = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" endpoint=${slow}></sspr-tiles>`);
      el.endpoint = fast;
      await loaded(el);
      expect(tileText(el, 'registered').share).to.match(/of 120 users$/);
      await new Promise((r) => setTimeout(r, 700)); // the slow answer would have arrived by now
      await el.updateComplete;
      expect(tileText(el, 'registered').share).to.match(/of 120 users$/);
    });
  });

  describe('drill-down', () => {
    it('fires sspr-drilldown on click with the tile’s filter', async () => {
      const el = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${mockEndpoint('users=60')} user-types="member"></sspr-tiles>`);
      await loaded(el);
      setTimeout(() => $(el, '[data-metric="capable"]').click());
      const event = await oneEvent(el, 'sspr-drilldown');
      expect(event.detail).to.deep.equal({ report: 'users', filter: { isSsprCapable: true, userType: 'member' } });
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    });

    it('fires on Enter and on Space from the keyboard', async () => {
      const el = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${mockEndpoint('users=60')}></sspr-tiles>`);
      await loaded(el);
      const details: unknown[] = [];
      el.addEventListener('sspr-drilldown', (e) => details.push(e.detail));
      $(el, '[data-metric="registered"]').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      expect(details).to.deep.equal([
        { report: 'users', filter: { isSsprRegistered: true } },
        { report: 'users', filter: { isSsprEnabled: true } },
      ]);
    });
  });

  it('is accessible', async () => {
    const el = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${mockEndpoint('users=60')}></sspr-tiles>`);
    await loaded(el);
    await expect(el).to.be.accessible();
  });
});
