/**
 * Registers a tag unless it is already defined, so a page that loads the library twice (two bundles,
 * a micro-frontend and its host) does not throw.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
