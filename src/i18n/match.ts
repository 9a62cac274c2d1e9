/** The languages the elements are translated into; English is built in, the others load on first use. */
export const LANGUAGES = ['en', 'nl', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The shipped language for a BCP 47 tag: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant-*` → zh-Hant, `nl-*` →
 * nl, anything else (including simplified Chinese, which we do not ship) → en.
 */
export function matchLanguage(tag: string | null | undefined): Language {
  const parts = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (parts[0] === 'nl') return 'nl';
  // an explicit script wins over the region: zh-Hans-TW is simplified Chinese
  if (parts[0] === 'zh' && !parts.includes('hans') && parts.slice(1).some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-Hant';
  return 'en';
}

/** Whether a tag names English, so text rendered in English needs no `lang="en"` marking. */
export const isEnglish = (tag: string): boolean => /^en(?:$|[-_])/i.test(tag.trim());
