/**
 * One MutationObserver for the whole page that tells every localized element when any `lang` attribute
 * changes — on the element, on `<html>`, or on an ancestor inside someone else's shadow root — so a
 * change after the first render re-renders each element whose language it affects.
 */
const listeners = new Set<() => void>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

/** Calls `onChange` after any `lang` change in any root `element` sits in; returns the unsubscribe. */
export function watchLang(element: Element, onChange: () => void): () => void {
  observer ??= new MutationObserver(() => listeners.forEach((listener) => listener()));
  // A document observer does not see into shadow roots, so observe each root on the way up.
  let root: Node = element.getRootNode();
  for (;;) {
    if (!observedRoots.has(root)) {
      observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang'] });
      observedRoots.add(root);
    }
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}
