import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import '../../src/elements/index.js';

interface Doc {
  name: string;
  privacy?: string;
  description?: string;
  kind?: string;
  static?: boolean;
}
interface Declaration extends Doc {
  tagName?: string;
  customElement?: boolean;
  members?: Doc[];
  attributes?: Doc[];
  events?: Doc[];
  cssProperties?: Doc[];
  cssParts?: Doc[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}

const manifest: { modules: Module[] } = await (await fetch('/custom-elements.json')).json();
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ module: m, d })));
const TAGS = ['sspr-tiles', 'sspr-period-select', 'sspr-registrations-chart', 'sspr-resets-chart', 'sspr-methods-chart', 'sspr-trend-chart', 'sspr-audit-table', 'sspr-insights', 'sspr-dashboard'];

/** Every `--sspr-*` custom property an element's styles read. */
function cssPropertiesUsed(tag: string): string[] {
  const ctor = customElements.get(tag) as unknown as { elementStyles: CSSResultOrNative[] };
  const text = ctor.elementStyles.map((s) => ('cssText' in s ? s.cssText : [...(s as CSSStyleSheet).cssRules].map((r) => r.cssText).join('\n'))).join('\n');
  return [...new Set(text.match(/--sspr-[a-z0-9-]+/g) ?? [])].sort();
}

describe('custom-elements.json', () => {
  it('documents the nine elements, each defined under its tag', () => {
    expect(elements.map((e) => e.d.tagName).sort()).to.deep.equal([...TAGS].sort());
    const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
    expect(definitions.map((d) => d.name).sort()).to.deep.equal([...TAGS].sort());
    for (const definition of definitions) {
      const element = elements.find((e) => e.d.tagName === definition.name)!;
      expect(definition.declaration.name, definition.name).to.equal(element.d.name);
      expect(definition.declaration.module, definition.name).to.equal(element.module.path);
    }
  });

  it('names the files the package ships (dist/…js, built from a src/…ts that exists)', async () => {
    for (const module of manifest.modules) {
      expect(module.path).to.match(/^dist\/.+\.js$/);
      const source = `/${module.path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')}`;
      expect((await fetch(source, { method: 'HEAD' })).status, source).to.equal(200);
    }
  });

  it('lists only public API, each item described', () => {
    for (const { d } of elements) {
      for (const member of d.members ?? []) {
        expect(member.privacy ?? 'public', `${d.tagName}.${member.name}`).to.equal('public');
        expect(member.name, d.tagName).not.to.match(/^#/);
        expect(member.description ?? '', `${d.tagName}.${member.name}`).not.to.match(/@internal/);
        if (!member.static) expect(member.description, `${d.tagName}.${member.name} has a description`).to.be.a('string').and.not.empty;
      }
      for (const item of [...(d.attributes ?? []), ...(d.events ?? []), ...(d.cssParts ?? []), ...(d.cssProperties ?? [])]) {
        expect(item.description, `${d.tagName}: ${item.name} has a description`).to.be.a('string').and.not.empty;
      }
    }
  });

  it('documents every --sspr- custom property each element reads', () => {
    for (const tag of TAGS) {
      const documented = new Set(elements.find((e) => e.d.tagName === tag)!.d.cssProperties?.map((p) => p.name));
      const missing = cssPropertiesUsed(tag).filter((name) => !documented.has(name));
      expect(missing, `${tag} reads these without documenting them`).to.deep.equal([]);
    }
  });
});
