/**
 * The shipped translations as a test reads them: straight from the XLIFF files translators edit (not
 * through the code under test), so an element's text can be compared with what it should say.
 */
export interface TranslationUnit {
  id: string;
  /** The English text; placeholders as `{0}`, `{1}`. */
  source: string;
  /** The translation, placeholders the same way; undefined when missing. */
  target?: string;
  /** The placeholder ids the source holds and the target holds. */
  sourcePlaceholders: string[];
  targetPlaceholders: string[];
}

const cache = new Map<string, Promise<TranslationUnit[]>>();

const textOf = (node: Element | null) =>
  node
    ? [...node.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : `{${(n as Element).getAttribute('id')}}`)).join('')
    : undefined;

export function translationUnits(language: string): Promise<TranslationUnit[]> {
  let units = cache.get(language);
  if (!units) {
    units = fetch(`/src/i18n/xliff/${language}.xlf`)
      .then((r) => r.text())
      .then((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        if (doc.querySelector('parsererror')) throw new Error(`${language}.xlf is not well-formed XML`);
        return [...doc.getElementsByTagName('trans-unit')].map((unit) => {
          const source = unit.getElementsByTagName('source')[0]!;
          const target = unit.getElementsByTagName('target')[0] ?? null;
          const ids = (el: Element | null) => (el ? [...el.getElementsByTagName('x')].map((x) => x.getAttribute('id')!).sort() : []);
          return { id: unit.getAttribute('id')!, source: textOf(source)!, target: textOf(target), sourcePlaceholders: ids(source), targetPlaceholders: ids(target) };
        });
      });
    cache.set(language, units);
  }
  return units;
}

/** The translation of a message without placeholders, e.g. `await translated('nl', 'Users registered')`. */
export async function translated(language: string, english: string): Promise<string> {
  const unit = (await translationUnits(language)).find((u) => u.source === english);
  if (!unit?.target) throw new Error(`${language}: no translation of "${english}"`);
  return unit.target;
}

/** Fills `{0}`, `{1}` in a unit's target, for messages with placeholders. */
export async function translatedWith(language: string, englishWithPlaceholders: string, ...values: string[]): Promise<string> {
  const unit = (await translationUnits(language)).find((u) => u.source === englishWithPlaceholders);
  if (!unit?.target) throw new Error(`${language}: no translation of "${englishWithPlaceholders}"`);
  return unit.target.replace(/\{(\d+)\}/g, (_, i: string) => values[Number(i)] ?? '');
}
