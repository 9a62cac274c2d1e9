import { expect } from '@open-wc/testing';
import { backoffDelay } from '../../src/client/backoff.js';

describe('backoffDelay', () => {
  const opts = { baseMs: 500, maxMs: 30_000 };

  it('doubles the ceiling per attempt (random → 1 gives the ceiling)', () => {
    const top = (a: number): number => backoffDelay(a, opts, () => 0.999999);
    expect([0, 1, 2, 3].map(top)).to.deep.equal([499, 999, 1999, 3999]);
  });

  it('caps the ceiling at maxMs', () => {
    expect(backoffDelay(10, opts, () => 0.999999)).to.equal(29_999);
    expect(backoffDelay(1000, opts, () => 0.5)).to.equal(15_000); // 2^1000 must not overflow the cap
  });

  it('applies full jitter: anywhere from 0 to the ceiling', () => {
    expect(backoffDelay(3, opts, () => 0)).to.equal(0);
    expect(backoffDelay(3, opts, () => 0.25)).to.equal(1000);
    for (let i = 0; i < 50; i++) expect(backoffDelay(2, opts)).to.be.within(0, 1999);
  });
});
