import type { Language } from './match.js';

/** The language text is written in and the locale numbers and dates are formatted for. */
export interface LocaleScope {
  language: Language;
  /** A valid BCP 47 tag for `Intl` (the reader's own tag, e.g. `nl-BE`, even where the text is English). */
  format: string;
}

const ENGLISH: LocaleScope = { language: 'en', format: 'en' };
let current: LocaleScope = ENGLISH;

/**
 * Runs `fn` with `scope` as the language of every message and format inside it. Elements wrap their
 * whole update in one, so two elements on a page can speak different languages; anything outside a scope
 * is English.
 */
export function withLocale<T>(scope: LocaleScope, fn: () => T): T {
  const previous = current;
  current = scope;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** The scope in effect. */
export const currentScope = (): LocaleScope => current;

/** Runs `fn` in English, for developer-facing text such as `Error.message`. */
export const inEnglish = <T>(fn: () => T): T => withLocale(ENGLISH, fn);
