import { expect } from '@open-wc/testing';
import { formatCount, formatDateTime, formatShare } from '../../src/i18n/format.js';

describe('number and share formatting', () => {
  it('rounds shares to whole percent from 10 %, one decimal below', () => {
    expect(formatShare(4234, 23123, 'en-US')).to.equal('18%');
    expect(formatShare(323, 23123, 'en-US')).to.equal('1.4%');
    expect(formatShare(1, 2, 'en-US')).to.equal('50%');
  });

  it('never says 0 % for some users nor 100 % for fewer than all', () => {
    expect(formatShare(1, 500_000, 'en-US')).to.equal('<0.1%');
    expect(formatShare(0, 500_000, 'en-US')).to.equal('0%');
    expect(formatShare(499_999, 500_000, 'en-US')).to.equal('>99%');
    expect(formatShare(500_000, 500_000, 'en-US')).to.equal('100%');
  });

  it('shows the real share above 100 % (Graph’s own example has one) and a dash without a total', () => {
    expect(formatShare(23423, 23123, 'en-US')).to.equal('101%');
    expect(formatShare(5, 0, 'en-US')).to.equal('—');
    expect(formatShare(Number.NaN, 10, 'en-US')).to.equal('—');
  });

  it('follows the language, and survives an invalid one', () => {
    expect(formatCount(23423, 'de-DE')).to.equal('23.423');
    expect(formatShare(4234, 23123, 'fr-FR')).to.match(/^18\s?%$/);
    expect(formatCount(1234, 'not a language!')).to.equal('1,234');
    expect(formatDateTime(Date.UTC(2026, 0, 2, 3, 4), 'not a language!')).to.be.a('string').and.not.equal('');
    expect(formatDateTime(Number.NaN, 'en-US')).to.equal('');
  });
});
