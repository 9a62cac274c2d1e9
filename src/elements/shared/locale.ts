/**
 * The language an element formats numbers and dates in: its own `lang`, else the nearest ancestor's
 * (crossing shadow roots, so an element inside a dashboard follows the page), else the browser's.
 */
export function inheritedLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a count with grouping for the language, e.g. 23,123 or 23.123. */
export function formatCount(value: number, lang: string): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = safeNumberFormat(lang);
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

function safeNumberFormat(lang: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(lang, options);
  } catch {
    return new Intl.NumberFormat('en', options); // an invalid lang attribute must not break rendering
  }
}

/**
 * A share as a percentage: whole percent from 10 %, one decimal below; never "0 %" for a non-zero
 * count nor "100 %" for a count below the total; "—" when there is no total to divide by.
 */
export function formatShare(count: number, total: number, lang: string): string {
  if (!(total > 0) || !Number.isFinite(count)) return '—';
  const ratio = count / total;
  if (count > 0 && ratio < 0.001) return `<${safeNumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(0.001)}`;
  const digits = ratio < 0.1 ? 1 : 0;
  const format = safeNumberFormat(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 });
  if (count < total && ratio >= 0.995) return `>${format.format(0.99)}`;
  return format.format(ratio);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the reader's language ("Nov 22, 2026, 4:03 AM"); empty for no date. */
export function formatDateTime(time: number, lang: string): string {
  if (!Number.isFinite(time)) return '';
  let format = dateFormats.get(lang);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
    try {
      format = new Intl.DateTimeFormat(lang, options);
    } catch {
      format = new Intl.DateTimeFormat('en', options); // an invalid lang attribute must not break rendering
    }
    dateFormats.set(lang, format);
  }
  return format.format(time);
}
