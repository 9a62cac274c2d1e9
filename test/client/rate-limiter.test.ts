import { expect } from '@open-wc/testing';
import { ReportError } from '../../src/client/errors.js';
import { RateLimiter, limiterFor, type Priority } from '../../src/client/rate-limiter.js';
import { GRAPH_REPORTS_BUDGET } from '../../src/graph/types.js';

const elapsed = (t0: number): number => performance.now() - t0;
/** Takes a slot and ends its request at once. */
const take = async (limiter: RateLimiter, signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> =>
  (await limiter.acquire(signal, onWait)).release();

describe('RateLimiter', () => {
  it('defaults to Graph\'s identity-reports budget', () => {
    expect(new RateLimiter().budget).to.deep.equal({ ...GRAPH_REPORTS_BUDGET, marginMs: 200 });
  });

  it('grants the budget at once, then makes the next request wait out the window', async () => {
    const limiter = new RateLimiter({ requests: 2, perMs: 150, marginMs: 20 });
    const waits: number[] = [];
    const t0 = performance.now();
    await take(limiter, undefined, (ms) => waits.push(ms));
    await take(limiter, undefined, (ms) => waits.push(ms));
    expect(waits, 'no wait within budget').to.deep.equal([]);
    await take(limiter, undefined, (ms) => waits.push(ms));
    expect(elapsed(t0), 'the window and its margin').to.be.at.least(165);
    expect(waits).to.have.length(1);
    expect(waits[0]).to.be.within(150, 170);
  });

  it('serves background requests after every foreground one, leaving the last slot free for them', async () => {
    const limiter = new RateLimiter({ requests: 3, perMs: 80, marginMs: 0 });
    const order: string[] = [];
    const bg = (name: string) => limiter.acquire(undefined, undefined, undefined, { background: true }).then((s) => (order.push(name), s.release()));
    const fg = (name: string) => limiter.acquire().then((s) => (order.push(name), s.release()));
    await fg('f1');
    await bg('b1'); // two of three slots free: granted at once
    expect(limiter.waiting).to.equal(0);
    const b2 = bg('b2'); // one slot free: kept for a foreground request
    expect(limiter.waiting).to.equal(1);
    await fg('f2'); // takes that slot at once, ahead of the waiting background request
    const f3 = fg('f3'); // the window is full: it waits, ahead of b2
    await Promise.all([b2, f3]);
    expect(order).to.deep.equal(['f1', 'b1', 'f2', 'f3', 'b2']);
  });

  it('moves a waiting background request ahead when a foreground caller joins it', async () => {
    const limiter = new RateLimiter({ requests: 2, perMs: 60, marginMs: 0 });
    const order: string[] = [];
    await take(limiter);
    await take(limiter); // the window is full
    const first: Priority = { background: true };
    const joined: Priority = { background: true };
    const a = limiter.acquire(undefined, undefined, undefined, first).then((s) => (order.push('a'), s.release()));
    const b = limiter.acquire(undefined, undefined, undefined, joined).then((s) => (order.push('b'), s.release()));
    joined.promote!(); // a user now waits for b's response
    await Promise.all([a, b]);
    expect(order).to.deep.equal(['b', 'a']);
    expect(joined.background).to.equal(false);
  });

  it('serves waiters first come, first served and predicts each one\'s wait', async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 60, marginMs: 0 });
    await take(limiter);
    const order: string[] = [];
    const predicted: number[] = [];
    const names = ['a', 'b', 'c'];
    await Promise.all(
      names.map((n) => take(limiter, undefined, (ms) => predicted.push(ms)).then(() => order.push(n))),
    );
    expect(order).to.deep.equal(names);
    expect(predicted[0]).to.be.within(40, 60);
    expect(predicted[1]).to.be.within(100, 120);
    expect(predicted[2]).to.be.within(160, 180);
  });

  it('rejects an aborted waiter promptly and gives its place to the next', async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 200, marginMs: 0 });
    await take(limiter);
    const controller = new AbortController();
    const t0 = performance.now();
    const first = take(limiter, controller.signal).catch((e: unknown) => e);
    const second = take(limiter).then(() => elapsed(t0));
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
    const error = await take(limiter, AbortSignal.abort()).catch((e: unknown) => e);
    expect((error as ReportError).kind).to.equal('aborted');
    const t0 = performance.now();
    await take(limiter);
    expect(elapsed(t0)).to.be.below(50);
  });

  it('holds every request until a given time (after a 429)', async () => {
    const limiter = new RateLimiter({ requests: 5, perMs: 1000 });
    const t0 = performance.now();
    limiter.holdUntil(Date.now() + 80);
    const waits: number[] = [];
    await take(limiter, undefined, (ms) => waits.push(ms));
    expect(elapsed(t0)).to.be.at.least(75);
    expect(waits[0]).to.be.within(60, 80);
  });

  it('keeps a slow request in the window until its response ends, then for the window and margin', async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 100, marginMs: 10 });
    const slow = await limiter.acquire();
    const t0 = performance.now();
    const next = take(limiter).then(() => elapsed(t0));
    await new Promise((r) => setTimeout(r, 150)); // the request is still on the wire: no slot yet
    expect(limiter.waiting).to.equal(1);
    slow.release();
    expect(await next).to.be.at.least(255); // 150 in flight + 100 window + 10 margin
  });

  it('turns a pause longer than the limit into a throttled error with the time it ends, for everyone', async () => {
    const limiter = new RateLimiter({ requests: 5, perMs: 1000 });
    const until = Date.now() + 86_400_000;
    limiter.holdUntil(until);
    const error = (await take(limiter).catch((e: unknown) => e)) as ReportError;
    expect(error.kind).to.equal('throttled');
    expect(error.retryAt).to.equal(until);
    expect(error.message).to.contain('pause requests').and.contain('in 24 hours');
    expect(limiter.heldUntil).to.equal(until);
    limiter.releaseHold();
    const t0 = performance.now();
    await take(limiter);
    expect(elapsed(t0), 'released: the next request goes at once').to.be.below(50);
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
