import { expect } from '@open-wc/testing';
import { ROUTES } from '../../src/graph/types.js';
import type { FaultPlan } from '../../src/mock/handler.js';
import { get, handler, type ErrorShape } from './helpers.js';

const PATH = `${ROUTES.userEventsSummary}?$top=1`;

async function statuses(plan: FaultPlan, paths: string[]): Promise<number[]> {
  const h = handler({ faults: plan });
  const out: number[] = [];
  for (const p of paths) out.push((await get(h, p)).status);
  return out;
}

describe('mock handler faults', () => {
  it('429: Graph throttling body and Retry-After (default 1, custom, date+N)', async () => {
    const r = await get<ErrorShape>(handler({ faults: { kind: '429' } }), PATH);
    expect(r.status).to.equal(429);
    expect(r.headers.get('retry-after')).to.equal('1');
    expect(r.body.error.code).to.equal('TooManyRequests');
    expect(r.body.error.message).to.equal('Please retry again later.');
    expect(r.body.error.innerError).to.include({ code: '429', status: '429', message: 'Please retry after' });
    expect(r.body.error.innerError['request-id']).to.equal(r.headers.get('request-id'));
    expect((await get(handler({ faults: { kind: '429', retryAfter: '2.128' } }), PATH)).headers.get('retry-after')).to.equal('2.128');
    const dated = (await get(handler({ faults: { kind: '503', retryAfter: 'date+5' } }), PATH)).headers.get('retry-after')!;
    expect(dated).to.match(/GMT$/);
    expect(Date.parse(dated) - Date.now()).to.be.within(3000, 6000);
  });

  it('5xx, 401 and 403 kinds use Graph-like codes', async () => {
    const cases: [FaultPlan['kind'], number, string][] = [
      ['500', 500, 'generalException'], ['503', 503, 'serviceNotAvailable'], ['504', 504, 'GatewayTimeout'],
      ['401', 401, 'InvalidAuthenticationToken'], ['403', 403, 'Authentication_RequestFromUnsupportedUserRole'],
      ['403-license', 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant'],
    ];
    for (const [kind, status, code] of cases) {
      const r = await get<ErrorShape>(handler({ faults: { kind } }), PATH);
      expect(r.status, kind).to.equal(status);
      expect(r.body.error.code, kind).to.equal(code);
      expect(r.headers.has('retry-after'), kind).to.equal(kind === '503');
    }
    const forbidden = await get<ErrorShape>(handler({ faults: { kind: '403' } }), PATH);
    expect(forbidden.body.error.message).to.equal('User is not in the allowed roles');
  });

  it('malformed: 200 with a body that does not parse', async () => {
    const r = await get(handler({ faults: { kind: 'malformed' } }), PATH);
    expect(r.status).to.equal(200);
    expect(r.text.length).to.be.greaterThan(10);
    expect(() => JSON.parse(r.text)).to.throw(SyntaxError);
  });

  it('times and after count matching requests per handler', async () => {
    expect(await statuses({ kind: '500', times: 2 }, [PATH, PATH, PATH, PATH])).to.deep.equal([500, 500, 200, 200]);
    expect(await statuses({ kind: '500', after: 1, times: 1 }, [PATH, PATH, PATH])).to.deep.equal([200, 500, 200]);
    expect(await statuses({ kind: '500', after: 2 }, [PATH, PATH, PATH, PATH])).to.deep.equal([200, 200, 500, 500]);
    // Only requests whose route contains `route` count.
    const other = `${ROUTES.usersRegisteredByFeature}`;
    expect(await statuses({ kind: '503', route: 'userEventsSummary', times: 1 }, [other, PATH, other, PATH])).to.deep.equal([200, 503, 200, 200]);
  });

  it('hang never answers until the request is aborted', async () => {
    const controller = new AbortController();
    const pending = handler({ faults: { kind: 'hang' } })(new Request(`http://mock.test/graph/${PATH}`, { signal: controller.signal }));
    let settled = false;
    pending.then(() => (settled = true), () => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).to.equal(false);
    controller.abort();
    const error = await pending.then(() => undefined, (e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('latency delays the answer and is abortable', async () => {
    const h = handler({ latencyMs: 60 });
    const started = performance.now();
    expect((await get(h, PATH)).status).to.equal(200);
    expect(performance.now() - started).to.be.at.least(55);
    const controller = new AbortController();
    const pending = h(new Request(`http://mock.test/graph/${PATH}`, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 5);
    const error = await pending.then(() => undefined, (e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
