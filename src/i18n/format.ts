import { currentScope } from './scope.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a count with grouping for the language, e.g. 23,123 or 23.123. */
export function formatCount(value: number, lang = currentScope().format): string {
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
export function formatShare(count: number, total: number, lang = currentScope().format): string {
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
export function formatDateTime(time: number, lang = currentScope().format): string {
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

/**
 * Picks the message for `count`'s plural category in the text's language (`Intl.PluralRules`): `one`
 * where the language has it (English, Dutch), `other` always (Chinese has only that).
 */
export function plural(count: number, forms: { one?: () => string; other: () => string }): string {
  const category = new Intl.PluralRules(currentScope().language).select(count);
  return (category === 'one' ? forms.one : undefined)?.() ?? forms.other();
}

/**
 * "a, b or c" / "a, b en c" / "a、b 或 c" in the text's language (`Intl.ListFormat`); `short` lists
 * filters as "a, b, c" (Chinese "a、b和c").
 */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' | 'short' = 'conjunction'): string {
  const options: Intl.ListFormatOptions = type === 'short' ? { type: 'conjunction', style: 'narrow' } : { type, style: 'long' };
  return new Intl.ListFormat(currentScope().language, options).format(items);
}

/** "in 5 minutes", "over 2 uur", "2 小時後" (`Intl.RelativeTimeFormat`, minutes below 90, then hours). */
export function formatFromNow(time: number, now = Date.now()): string {
  const minutes = Math.max(1, Math.round((time - now) / 60_000));
  const format = new Intl.RelativeTimeFormat(currentScope().language, { numeric: 'always' });
  return minutes < 90 ? format.format(minutes, 'minute') : format.format(Math.round(minutes / 60), 'hour');
}

/** "12 seconds" / "12 seconden" / "12 秒" (`Intl.NumberFormat` units), never less than one. */
export function formatSeconds(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new Intl.NumberFormat(currentScope().language, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(seconds);
}

/** "+18 %", "−5 %", "0 %": a change as a signed whole percentage. */
export function formatChange(ratio: number, lang = currentScope().format): string {
  return safeNumberFormat(lang, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(ratio);
}

/** "1 hour", "24 hours", "30 minutes" (`Intl.NumberFormat` units): a rule's time window. */
export function formatDuration(ms: number): string {
  const hours = ms / 3_600_000;
  const [value, unit] = hours >= 1 && Number.isInteger(hours) ? [hours, 'hour'] : [Math.round(ms / 60_000), 'minute'];
  return new Intl.NumberFormat(currentScope().language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** "Dec 2, 2026": a day. */
export function formatDay(time: number, lang = currentScope().format): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
  }
}
