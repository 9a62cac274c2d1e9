import { expect } from '@open-wc/testing';
import { matchLanguage } from '../../src/i18n/match.js';

describe('matchLanguage', () => {
  it('matches Traditional Chinese tags to zh-Hant', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh-hant-hk', 'ZH_tw']) expect(matchLanguage(tag), tag).to.equal('zh-Hant');
  });

  it('matches every Dutch tag to nl', () => {
    for (const tag of ['nl', 'nl-NL', 'nl-BE', 'nl-SR']) expect(matchLanguage(tag), tag).to.equal('nl');
  });

  it('falls back to English for anything else, simplified Chinese included', () => {
    for (const tag of ['en', 'en-GB', 'fr', 'de-NL', 'zh', 'zh-CN', 'zh-Hans-TW', '', 'not a tag']) expect(matchLanguage(tag), tag).to.equal('en');
    expect(matchLanguage(undefined)).to.equal('en');
  });
});
