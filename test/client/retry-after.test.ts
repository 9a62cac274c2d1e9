import { expect } from '@open-wc/testing';
import { parseRetryAfter } from '../../src/client/retry-after.js';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 6, 16, 12, 0, 0); // Wed, 16 Jul 2025 12:00:00 GMT

  it('reads integer seconds', () => {
    expect(parseRetryAfter('10', now)).to.equal(10_000);
    expect(parseRetryAfter('0', now)).to.equal(0);
    expect(parseRetryAfter(' 3 ', now)).to.equal(3000);
  });

  it('reads fractional seconds exactly, rounding up to whole ms', () => {
    expect(parseRetryAfter('2.128', now)).to.equal(2128); // Graph's documented example
    expect(parseRetryAfter('1.1', now)).to.equal(1100);
    expect(parseRetryAfter('0.05', now)).to.equal(50);
    expect(parseRetryAfter('0.0001', now)).to.equal(1);
  });

  it('reads an IMF-fixdate relative to now', () => {
    expect(parseRetryAfter('Wed, 16 Jul 2025 12:00:05 GMT', now)).to.equal(5000);
  });

  it('treats a date in the past as 0', () => {
    expect(parseRetryAfter('Wed, 16 Jul 2025 11:59:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).to.equal(0);
  });

  it('defaults now to the clock', () => {
    const soon = new Date(Date.now() + 60_000).toUTCString();
    const ms = parseRetryAfter(soon)!;
    expect(ms).to.be.within(58_000, 60_000);
  });

  it('rejects garbage and impossible dates', () => {
    for (const value of [null, undefined, '', 'soon', '-1', '1e3', '1.', '.5', '0x10', '5 s',
      'Thu, 31 Feb 2025 00:00:00 GMT', // no such day
      'Mon, 16 Jul 2025 12:00:05 GMT', // wrong weekday
      'Wed, 16 Jul 2025 25:00:00 GMT',
      '2025-07-16T12:00:05Z']) {
      expect(parseRetryAfter(value, now), String(value)).to.equal(undefined);
    }
  });
});
