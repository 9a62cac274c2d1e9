/**
 * `Retry-After` → milliseconds. Graph sends seconds, sometimes fractional (`2.128` in its docs);
 * RFC 9110 also allows an HTTP-date. Anything else is ignored (undefined) so the caller backs off.
 */

const SECONDS = /^(\d+)(?:\.(\d+))?$/;
// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 §5.6.7).
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  const secs = SECONDS.exec(text);
  if (secs) return secondsToMs(secs[1], secs[2] ?? '');
  const date = parseImfFixdate(text);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** Exact decimal arithmetic (1.1 s must be 1100 ms, not 1100.0000000000002), rounded up to whole ms. */
function secondsToMs(whole: string, fraction: string): number {
  const ms = Number(whole) * 1000 + Number((fraction + '000').slice(0, 3));
  return /[1-9]/.test(fraction.slice(3)) ? ms + 1 : ms;
}

function parseImfFixdate(text: string): number | undefined {
  const m = IMF_FIXDATE.exec(text);
  if (!m) return undefined;
  const [, day, dd, mon, yyyy, hh, mi, ss] = m;
  const month = MONTHS.indexOf(mon);
  const t = Date.UTC(Number(yyyy), month, Number(dd), Number(hh), Number(mi), Number(ss));
  const d = new Date(t);
  // Reject impossible dates that Date.UTC would roll over (31 Feb, 25:00, a wrong weekday).
  const valid =
    d.getUTCDate() === Number(dd) && d.getUTCMonth() === month && d.getUTCHours() === Number(hh) &&
    d.getUTCMinutes() === Number(mi) && d.getUTCSeconds() === Number(ss) && DAYS[d.getUTCDay()] === day;
  return valid ? t : undefined;
}
