/**
 * `Retry-After` → milliseconds. Graph sends seconds, sometimes fractional (`2.128` in its docs);
 * RFC 9110 also allows an HTTP-date. Anything else is ignored (undefined) so the caller backs off.
 */

const SECONDS = /^(\d+)(?:\.(\d+))?$/;

export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  const secs = SECONDS.exec(text);
  if (secs) {
    // exact decimal arithmetic (1.1 s is 1100 ms, not 1100.0000000000002), rounded up to whole ms
    const fraction = secs[2] ?? '';
    return Number(secs[1]) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0')) + (/[1-9]/.test(fraction.slice(3)) ? 1 : 0);
  }
  // An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") reads back exactly as written; a 31 February or a
  // wrong weekday would not, so they are refused rather than rolled over.
  const date = Date.parse(text);
  return Number.isNaN(date) || new Date(date).toUTCString() !== text ? undefined : Math.max(0, date - now);
}
