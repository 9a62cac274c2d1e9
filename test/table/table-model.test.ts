import { expect } from '@open-wc/testing';
import { TableModel } from '../../src/table/table-model.js';
import { EVENTS_SOURCE } from '../../src/table/sources.js';
import { sortPermutation, sortKeys } from '../../src/table/sort-permutation.js';
import type { EventRow } from '../../src/reports/types.js';

const row = (i: number, userName: string, method: string, succeeded: boolean, time = 1000 - i): EventRow => ({
  id: `e${i}`, time, userName, upn: `${userName.toLowerCase().replace(/\W/g, '')}@x.example`, feature: i % 2 ? 'reset' : 'registration', method, succeeded, failureReason: succeeded ? '' : 'nope',
});

const model = (rows: EventRow[]) => {
  const m = new TableModel(EVENTS_SOURCE.columns, EVENTS_SOURCE.facets, EVENTS_SOURCE.searchText, EVENTS_SOURCE.time);
  m.append(rows);
  return m;
};

describe('table model', () => {
  const rows = [row(0, 'Ann Lee', 'sms', true), row(1, 'Bob Annan', 'email', false), row(2, 'Zoë Ångström', 'sms', false), row(3, 'carl', 'sms', true)];

  it('filters by search (names and UPNs, any case) and facets, counting each facet with the other filters applied', () => {
    const m = model(rows);
    const { mask, matches, counts } = m.filter({ search: 'ANN', facets: { method: 'sms' } });
    expect(Array.from(mask)).to.deep.equal([1, 0, 0, 0]);
    expect(matches).to.equal(1);
    // the method facet counts ignore the method filter itself, but not the search
    expect(Object.fromEntries(counts.get('method')!)).to.deep.equal({ sms: 1, email: 1 });
    expect(Object.fromEntries(counts.get('status')!)).to.deep.equal({ success: 1, failure: 0 });
    expect(m.filter({ search: '', facets: { method: 'fido' } }).matches, 'a value no row has').to.equal(0);
  });

  it('keeps rows before `since` out', () => {
    expect(model(rows).filter({ search: '', facets: {}, since: 999 }).matches).to.equal(2);
  });

  it('sorts ignoring case and accents, stably, and keeps the order current as pages arrive', async () => {
    const m = model(rows);
    const order = await m.order('userName');
    expect(Array.from(order).map((i) => m.rows[i].userName)).to.deep.equal(['Ann Lee', 'Bob Annan', 'carl', 'Zoë Ångström']);
    m.append([row(4, 'Aaron', 'sms', true), row(5, 'Dora', 'sms', true)]);
    const merged = m.order('userName');
    expect(merged, 'known orders follow appended rows synchronously').to.be.instanceOf(Uint32Array);
    const all = m.filter({ search: '', facets: {} });
    const desc = TableModel.arrange(merged as Uint32Array, all.mask, all.matches, 'desc');
    expect(Array.from(desc).map((i) => m.rows[i].userName)).to.deep.equal(['Zoë Ångström', 'Dora', 'carl', 'Bob Annan', 'Ann Lee', 'Aaron']);
  });

  it('builds a 75,000-key permutation in slices, yielding to the page', async () => {
    const keys = sortKeys(Array.from({ length: 75_000 }, (_, i) => (i * 7919) % 75_000));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const order = await sortPermutation(keys, 4);
    clearInterval(timer);
    expect(order[0]).to.equal(0);
    for (let i = 1; i < order.length; i++) if (keys[order[i - 1]] > keys[order[i]]) expect.fail(`out of order at ${i}`);
    expect(ticks, 'other tasks ran while it sorted').to.be.greaterThan(0);
  });
});
