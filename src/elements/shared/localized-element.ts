import { LitElement } from 'lit';
import { FALLBACK_MARK, formatTag, inheritedLang } from '../../i18n/inherited-lang.js';
import { watchLang } from '../../i18n/lang-watcher.js';
import { isEnglish, matchLanguage, type Language } from '../../i18n/match.js';
import { withLocale, type LocaleScope } from '../../i18n/scope.js';
import { isReady, loadLanguage, type Part } from '../../i18n/templates.js';

/**
 * Every element's language: taken from its own `lang` or the nearest ancestor's, matched to a shipped
 * language (en, nl, zh-Hant), loaded before the first render in it, and applied to the whole update
 * (render, chart options, announcements made while updating). A `lang` change anywhere above re-renders.
 * Where the text falls back to English on a page in another language, the rendered parts carry
 * `lang="en"` so screen readers pronounce them right.
 *
 * @attr {string} lang - Language of the text, numbers and dates: `en`, `nl` (`nl-*`) or `zh-Hant` (`zh-TW`, `zh-HK`, `zh-Hant-*`); others read English. Without it, the nearest ancestor's `lang`; a change re-renders at once.
 */
export abstract class SsprLocalizedElement extends LitElement {
  /** Which parts of the translations this element's text is in (each part is its own small chunk). */
  protected static translationParts: readonly Part[] = ['core', 'errors'];

  #unwatch?: () => void;
  #renderedTag?: string;

  /** The locale numbers and dates are formatted in (the reader's tag, even where the text is English). */
  protected get locale(): string {
    return formatTag(inheritedLang(this));
  }

  /** The language the text is in now: the matched one once its translations have loaded. */
  protected get language(): Language {
    const language = matchLanguage(inheritedLang(this));
    return isReady(language, this.#parts) ? language : 'en';
  }

  /** The scope to run code in that produces text outside an update (event handlers, exports). */
  protected get localeScope(): LocaleScope {
    return { language: this.language, format: this.locale };
  }

  /** Runs `fn` in this element's language: for text made outside an update. */
  protected inLanguage<T>(fn: () => T): T {
    return withLocale(this.localeScope, fn);
  }

  // `lang` is a native attribute, not a Lit property: watch the element's own at once (the observer
  // below reports ancestors' changes a microtask later).
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // moved under another lang since the last render
    if (this.hasUpdated && inheritedLang(this) !== this.#renderedTag) this.requestUpdate();
    this.#unwatch = watchLang(this, () => {
      if (inheritedLang(this) !== this.#renderedTag) this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
  }

  // Waits for the language's translations before rendering, so the text never flashes English first;
  // if the language changes again while they load, waits for the new one's too.
  protected override async scheduleUpdate(): Promise<unknown> {
    for (let language = matchLanguage(inheritedLang(this)); !isReady(language, this.#parts); language = matchLanguage(inheritedLang(this))) {
      if (!(await loadLanguage(language, this.#parts))) break; // it failed: render in English, marked so
    }
    return super.scheduleUpdate();
  }

  get #parts(): readonly Part[] {
    return (this.constructor as typeof SsprLocalizedElement).translationParts;
  }

  protected override performUpdate(): void {
    this.#renderedTag = inheritedLang(this);
    withLocale(this.localeScope, () => super.performUpdate());
    this.#markFallback();
  }

  // Shadow content inherits the host's `lang`; English text on a non-English page says so itself.
  #markFallback(): void {
    const mark = this.language === 'en' && !isEnglish(this.#renderedTag ?? 'en');
    for (const child of this.renderRoot.children) {
      if (child instanceof HTMLStyleElement || child.hasAttribute(FALLBACK_MARK) === mark) continue;
      if (mark) {
        child.setAttribute('lang', 'en');
        child.setAttribute(FALLBACK_MARK, '');
      } else {
        child.removeAttribute('lang');
        child.removeAttribute(FALLBACK_MARK);
      }
    }
  }
}
