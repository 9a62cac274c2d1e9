import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

type Styles = Readonly<Record<string, string | undefined>>;

/**
 * `<div ${cssProps({height: '120px', '--_y': '8px'})}>`: sets style properties through CSSOM
 * (`style.setProperty`), also on first render. Lit's styleMap writes its first value as a `style`
 * attribute, which a Content-Security-Policy without `'unsafe-inline'` in `style-src` blocks.
 */
class CssPropsDirective extends Directive {
  #previous = new Map<string, string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() goes on an element: <div ${cssProps({...})}>');
  }

  render(_styles: Styles) {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Styles]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.#previous.keys()) {
      if (styles[name] === undefined) {
        style.removeProperty(name);
        this.#previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined || this.#previous.get(name) === value) continue;
      style.setProperty(name, value);
      this.#previous.set(name, value);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
