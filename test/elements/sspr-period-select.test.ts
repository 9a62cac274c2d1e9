import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/sspr-period-select/define.js';
import type { SsprPeriodSelect } from '../../src/elements/sspr-period-select/sspr-period-select.js';
import { $, $$ } from '../helpers/mock-endpoint.js';

const radios = (el: SsprPeriodSelect) => $$<HTMLInputElement>(el, 'input[type="radio"]');

describe('<sspr-period-select>', () => {
  it('offers the three periods as a labelled radio group, d7 by default', async () => {
    const el = await fixture<SsprPeriodSelect>(html`<sspr-period-select></sspr-period-select>`);
    expect(radios(el).map((r) => r.value)).to.deep.equal(['d1', 'd7', 'd30']);
    expect(radios(el).map((r) => r.checked)).to.deep.equal([false, true, false]);
    expect($$(el, 'label').map((l) => l.textContent!.trim())).to.deep.equal(['Last 24 hours', 'Last 7 days', 'Last 30 days']);
    expect($(el, 'legend').textContent).to.equal('Period');
    expect(el.getAttribute('period')).to.equal('d7');
  });

  it('reflects a period set by attribute or property, without firing', async () => {
    const el = await fixture<SsprPeriodSelect>(html`<sspr-period-select period="d30"></sspr-period-select>`);
    let fired = 0;
    el.addEventListener('sspr-period-change', () => fired++);
    expect(radios(el)[2].checked).to.equal(true);
    el.period = 'd1';
    await el.updateComplete;
    expect(radios(el)[0].checked).to.equal(true);
    expect(el.getAttribute('period')).to.equal('d1');
    expect(fired).to.equal(0);
  });

  it('fires sspr-period-change when the user clicks an option', async () => {
    const el = await fixture<SsprPeriodSelect>(html`<sspr-period-select></sspr-period-select>`);
    setTimeout(() => radios(el)[2].click());
    const event = await oneEvent(el, 'sspr-period-change');
    expect(event.detail).to.deep.equal({ period: 'd30' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(el.period).to.equal('d30');
  });

  it('moves with the arrow keys like any radio group', async () => {
    const el = await fixture<SsprPeriodSelect>(html`<sspr-period-select></sspr-period-select>`);
    const periods: string[] = [];
    el.addEventListener('sspr-period-change', (e) => periods.push(e.detail.period));
    radios(el)[1].focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(periods).to.deep.equal(['d30', 'd7', 'd1']);
    expect(el.getAttribute('period')).to.equal('d1');
  });

  it('is accessible', async () => {
    const el = await fixture<SsprPeriodSelect>(html`<sspr-period-select></sspr-period-select>`);
    await expect(el).to.be.accessible();
  });
});
