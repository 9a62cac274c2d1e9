import { expect } from '@open-wc/testing';
import { ReportError } from '../../src/client/errors.js';
import { RateLimiter, limiterFor } from '../../src/client/rate-limiter.js';
import { GRAPH_REPORTS_BUDGET } from '../../src/graph/types.js';

const elapsed = (t0: number): number => performance.now() - t0;

describe('RateLimiter', () => {
  it('defaults to Graph\'s identity-reports budget', () => {
    expect(new RateLimiter().budget).to.deep.equal(GRAPH_REPORTS_BUDGET);
  });

  it('grants the budget at once, then makes the next request wait out the window', async () => {
    const limiter = new RateLimiter({ requests: 2, perMs: 150 });
    const waits: number[] = [];
    const t0 = performance.now();
    await limiter.acquire(undefined, (ms) => waits.push(ms));
    await limiter.acquire(undefined, (ms) => waits.push(ms));
    expect(waits, 'no wait within budget').to.deep.equal([]);
    await limiter.acquire(undefined, (ms) => waits.push(ms));
    expect(elapsed(t0)).to.be.at.least(145);
    expect(waits).to.have.length(1);
    expect(waits[0]).to.be.within(130, 150);
  });

  it('serves waiters first come, first served and predicts each one\'s wait', async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 60 });
    await limiter.acquire();
    const order: string[] = [];
    const predicted: number[] = [];
    const names = ['a', 'b', 'c'];
    await Promise.all(
      names.map((n) => limiter.acquire(undefined, (ms) => predicted.push(ms)).then(() => order.push(n))),
    );
    expect(order).to.deep.equal(names);
    expect(predicted[0]).to.be.within(40, 60);
    expect(predicted[1]).to.be.within(100, 120);
    expect(predicted[2]).to.be.within(160, 180);
  });

  it('rejects an aborted waiter promptly and gives its place to the next', async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 200 });
    await limiter.acquire();
    const controller = new AbortController();
    const t0 = performance.now();
    const first = limiter.acquire(controller.signal).catch((e: unknown) => e);
    const second = limiter.acquire().then(() => elapsed(t0));
    controller.abort();
    const error = await first;
    expect(error).to.be.instanceOf(ReportError);
    expect((error as ReportError).kind).to.equal('aborted');
    expect(limiter.waiting).to.equal(1);
    // Without the freed place the second waiter would wait two windows (400 ms).
    expect(await second).to.be.within(180, 350);
  });

  it('rejects at once when the signal has already aborted, without taking a slot', async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 10_000 });
    const error = await limiter.acquire(AbortSignal.abort()).catch((e: unknown) => e);
    expect((error as ReportError).kind).to.equal('aborted');
    const t0 = performance.now();
    await limiter.acquire();
    expect(elapsed(t0)).to.be.below(50);
  });

  it('holds every request until a given time (after a 429)', async () => {
    const limiter = new RateLimiter({ requests: 5, perMs: 1000 });
    const t0 = performance.now();
    limiter.holdUntil(Date.now() + 80);
    const waits: number[] = [];
    await limiter.acquire(undefined, (ms) => waits.push(ms));
    expect(elapsed(t0)).to.be.at.least(75);
    expect(waits[0]).to.be.within(60, 80);
  });

  it('rejects a budget that could never grant', () => {
    expect(() => new RateLimiter({ requests: 0, perMs: 1000 })).to.throw(RangeError);
  });
});

describe('limiterFor', () => {
  it('shares one limiter per endpoint and budget', () => {
    const key = `https://example.test/graph-${Date.now()}`;
    const a = limiterFor(key, { requests: 5, perMs: 10_000 });
    expect(limiterFor(key)).to.equal(a, 'the default budget is the same budget');
    expect(limiterFor(key, { requests: 5, perMs: 10_000 })).to.equal(a);
    expect(limiterFor(`${key}-other`)).not.to.equal(a);
    expect(limiterFor(key, { requests: 2, perMs: 300 })).not.to.equal(a);
  });
});
