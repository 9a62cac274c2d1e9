import { VERSION } from '../../version.js';

/** Where each copy of the library marks its classes; `Symbol.for` so that two copies see one key. */
const VERSION_KEY = Symbol.for('sspr-insights.version');
let warned = false;

type Marked = CustomElementConstructor & { [VERSION_KEY]?: string };

/**
 * True when `tag` is still free, so the caller defines it. A page that loads the library twice (two
 * bundles, a micro-frontend and its host) does not throw: the first definition stays, and if it came
 * from another version the console says so, once, since that one's behaviour is what the page gets.
 */
export function claimTag(tag: string, constructor: CustomElementConstructor): boolean {
  const existing = customElements.get(tag) as Marked | undefined;
  if (!existing) {
    (constructor as Marked)[VERSION_KEY] = VERSION;
    return true;
  }
  const theirs = existing[VERSION_KEY];
  if (existing !== constructor && theirs !== VERSION && !warned) {
    warned = true;
    const by = theirs ? `sspr-insights ${theirs}` : 'another script';
    console.warn(`sspr-insights ${VERSION}: <${tag}> is already defined by ${by}; the page keeps that definition. Load one copy of sspr-insights per page.`);
  }
  return false;
}

/** Defines `tag` unless it is already defined (see `claimTag`). */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (claimTag(tag, constructor)) customElements.define(tag, constructor);
}
