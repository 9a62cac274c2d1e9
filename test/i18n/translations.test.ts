import { expect } from '@open-wc/testing';
import { translationUnits } from '../helpers/xliff.js';

// `npm run localize:check` also fails on messages the XLIFF files do not hold yet; this checks, in the
// browser, that what they hold is complete and keeps every placeholder.
describe('the shipped translations', () => {
  for (const language of ['nl', 'zh-Hant']) {
    it(`${language}: every message has a translation with the same placeholders`, async () => {
      const units = await translationUnits(language);
      expect(units.length).to.be.greaterThan(250);
      const missing = units.filter((u) => !u.target?.trim()).map((u) => `${u.id} "${u.source}"`);
      expect(missing, `untranslated in ${language}`).to.deep.equal([]);
      const mismatched = units.filter((u) => u.sourcePlaceholders.join() !== u.targetPlaceholders.join()).map((u) => u.id);
      expect(mismatched, `placeholders changed in ${language}`).to.deep.equal([]);
    });

    it(`${language}: a translation differs from the English except for names that stay English`, async () => {
      const units = await translationUnits(language);
      const same = units.filter((u) => u.target === u.source && /[a-z]{3,} [a-z]{3,}/.test(u.source)).map((u) => u.source);
      // product names and methods that Microsoft leaves in English in every language
      const names = ['User principal name', 'Windows Hello for Business', 'Microsoft Authenticator passwordless', 'Passkey in Microsoft Authenticator', 'Passkey in Windows Hello'];
      expect(same.filter((s) => !names.includes(s))).to.deep.equal([]);
    });
  }
});
