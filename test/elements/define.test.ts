import { expect } from '@open-wc/testing';
import { claimTag, defineElement } from '../../src/elements/shared/define.js';
import { VERSION } from '../../src/version.js';

let n = 0;
const freshTag = () => `sspr-define-test-${n++}`;

describe('defining the elements', () => {
  it('knows its own version (the one in package.json)', async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(VERSION).to.equal(pkg.version);
  });

  it('defines a free tag, and leaves a tag this version defined alone without a word', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const tag = freshTag();
      class Mine extends HTMLElement {}
      defineElement(tag, Mine);
      expect(customElements.get(tag)).to.equal(Mine);
      class Again extends HTMLElement {}
      expect(() => defineElement(tag, Again)).not.to.throw();
      expect(customElements.get(tag)).to.equal(Mine);
      expect(warnings).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });

  it('warns once when another version (or another script) already defined a tag', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const tag = freshTag();
      class Older extends HTMLElement {}
      (Older as unknown as Record<symbol, string>)[Symbol.for('sspr-insights.version')] = '0.0.1';
      customElements.define(tag, Older);
      class Ours extends HTMLElement {}
      expect(claimTag(tag, Ours)).to.equal(false);
      expect(customElements.get(tag)).to.equal(Older);
      expect(warnings).to.deep.equal([`sspr-insights ${VERSION}: <${tag}> is already defined by sspr-insights 0.0.1; the page keeps that definition. Load one copy of sspr-insights per page.`]);
      const other = freshTag();
      customElements.define(other, class extends HTMLElement {});
      expect(claimTag(other, Ours)).to.equal(false);
      expect(warnings, 'only once').to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
