/** Marks an element whose `lang="en"` we set because its text fell back to English; lookups skip it. */
export const FALLBACK_MARK = 'data-sspr-lang-fallback';

/**
 * The language an element is read in: its own `lang`, else the nearest ancestor's (crossing shadow
 * roots, so an element inside a dashboard follows the page), else the browser's.
 */
export function inheritedLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && !node.hasAttribute(FALLBACK_MARK)) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

/** `tag` if `Intl` accepts it, else `en`: an invalid `lang` attribute must not break rendering. */
export function formatTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
