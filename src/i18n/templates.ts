import type { LocaleModule } from '@lit/localize';
import type { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { Language } from './match.js';
import { PARTS, type Part } from './generated/parts.js';

export type { Part };
type Templates = LocaleModule['templates'];

// One merged table per language, filled part by part as elements that need them appear.
const merged = new Map<Language, Templates>();
const loadedParts = new Set<string>();
const loading = new Map<string, Promise<void>>();

// @lit/localize's lookup (ids hashed from the source text), loaded with the first translation: a page in
// English never needs it.
let lookup: typeof runtimeMsg | undefined;
let lookupLoading: Promise<void> | undefined;
export const lookUp = (): typeof runtimeMsg | undefined => lookup;

/** The translations loaded so far for a language; undefined for English (the source). */
export const templatesFor = (language: Language): Templates | undefined => merged.get(language);

/** Whether `language` can be rendered now without waiting for any of `parts`. */
export const isReady = (language: Language, parts: readonly Part[]): boolean =>
  language === 'en' || (lookup !== undefined && parts.every((part) => loadedParts.has(`${language}/${part}`)));

// Parts that failed to load: not asked for again for a minute (every render would otherwise wait on it).
const failedAt = new Map<string, number>();
const RETRY_AFTER_MS = 60_000;

/**
 * Loads the parts of a language's translations an element needs, each once; concurrent callers share
 * the request. Resolves true when all are in. A part that fails to load is left out, so its text stays
 * English (and the element says so with `lang="en"`); it is asked for again a minute later.
 */
export function loadLanguage(language: Language, parts: readonly Part[]): Promise<boolean> {
  if (language === 'en') return Promise.resolve(true);
  return Promise.all(parts.map((part) => loadPart(language, part))).then(() => isReady(language, parts));
}

function loadPart(language: Language, part: Part): Promise<void> {
  const key = `${language}/${part}`;
  if (loadedParts.has(key)) return Promise.resolve();
  if (Date.now() - (failedAt.get(key) ?? -Infinity) < RETRY_AFTER_MS) return Promise.resolve();
  let pending = loading.get(key);
  if (!pending) {
    lookupLoading ??= import('@lit/localize/internal/runtime-msg.js').then(
      (module) => void (lookup = module.runtimeMsg),
      (error: unknown) => {
        lookupLoading = undefined; // try again with the next part
        throw error;
      },
    );
    pending = Promise.all([PARTS[language]![part](), lookupLoading])
      .then(([module]) => {
        merged.set(language, { ...merged.get(language), ...module.templates });
        loadedParts.add(key);
      })
      .catch((error: unknown) => {
        failedAt.set(key, Date.now());
        console.warn(`sspr-insights: the ${key} translations could not be loaded`, error);
      })
      .finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}
