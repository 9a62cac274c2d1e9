import { expect } from '@open-wc/testing';
import { EndpointFacts } from '../../src/client/endpoint-facts.js';
import { ReportClient } from '../../src/client/report-client.js';
import { featureHistoryPath, parseFeatureHistory } from '../../src/reports/feature-history.js';

const FEATURES = 'https://x.example/graph/v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes=\'all\',includedUserRoles=\'all\')';

describe('endpoint facts', () => {
  it("reads a reporting endpoint's last sync per report and the periods it offers, and tells who listens", () => {
    const facts = new EndpointFacts();
    let calls = 0;
    const stop = facts.subscribe(() => calls++);
    facts.note(FEATURES, { totalUserCount: 3 });
    expect(facts.lastSync('usersRegisteredByFeature'), 'plain Graph says nothing').to.equal(undefined);
    expect(facts.periods).to.equal(undefined);
    expect(calls).to.equal(0);
    facts.note(FEATURES, { '@sspr.lastSyncDateTime': '2026-12-04T10:00:00Z', '@sspr.periods': ['d1', 'd7', 'd30', 'd90'] });
    expect(facts.lastSync('usersRegisteredByFeature')).to.equal(Date.parse('2026-12-04T10:00:00Z'));
    expect(facts.lastSync('userEventsSummary'), 'per report').to.equal(undefined);
    expect(facts.periods).to.deep.equal(['d1', 'd7', 'd30', 'd90']);
    expect(calls).to.equal(1);
    facts.note(FEATURES, { '@sspr.lastSyncDateTime': '2026-12-04T10:00:00Z', '@sspr.periods': ['d1', 'd7', 'd30', 'd90'] });
    expect(calls, 'nothing new, nobody woken').to.equal(1);
    facts.note(FEATURES, { '@sspr.lastSyncDateTime': 'yesterday', '@sspr.periods': [7] });
    expect(facts.lastSync('usersRegisteredByFeature'), 'garbage is ignored').to.equal(Date.parse('2026-12-04T10:00:00Z'));
    stop();
    facts.note(FEATURES, { '@sspr.lastSyncDateTime': '2026-12-04T11:00:00Z' });
    expect(calls).to.equal(1);
  });

  it('are learnt by the client from the answers it gets, with no request of their own', async () => {
    const urls: string[] = [];
    const client = new ReportClient({
      endpoint: 'https://x.example/graph',
      budget: false,
      fetch: async (input) => {
        urls.push(String(input));
        return new Response(JSON.stringify({ totalUserCount: 1, userRegistrationFeatureCounts: [], '@sspr.lastSyncDateTime': '2026-12-04T09:30:00Z', '@sspr.periods': ['d1', 'd7', 'd30', 'd365'] }), { headers: { 'content-type': 'application/json' } });
      },
    });
    await client.get("v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='all')");
    expect(urls).to.have.length(1);
    expect(client.facts.lastSync('usersRegisteredByFeature')).to.equal(Date.parse('2026-12-04T09:30:00Z'));
    expect(client.facts.periods).to.deep.equal(['d1', 'd7', 'd30', 'd365']);
  });

  it('the history extension: a checked path, days in order, nothing invented', () => {
    expect(featureHistoryPath('d90', { userTypes: 'member' })).to.equal(
      "v1.0/reports/authenticationMethods/usersRegisteredByFeatureHistory(period='d90',includedUserTypes='member',includedUserRoles='all')",
    );
    expect(() => featureHistoryPath('d2' as never)).to.throw(TypeError);
    const days = parseFeatureHistory({
      value: [
        { date: '2026-12-02', totalUserCount: 10, userRegistrationFeatureCounts: [{ feature: 'ssprRegistered', userCount: 4 }] },
        { date: 'not a day', totalUserCount: 1 },
        { date: '2026-12-01', totalUserCount: 9, userRegistrationFeatureCounts: [{ feature: 'ssprRegistered', userCount: 3 }] },
      ],
    });
    expect(days).to.deep.equal([
      { day: Date.parse('2026-12-01T00:00:00Z'), total: 9, counts: { ssprRegistered: 3 } },
      { day: Date.parse('2026-12-02T00:00:00Z'), total: 10, counts: { ssprRegistered: 4 } },
    ]);
    expect(() => parseFeatureHistory({ nope: true })).to.throw(/feature history/);
  });
});
