const DAY_MS = 86_400_000;
const utcDay = (ms: number) => new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);

/** The first and last UTC days (`YYYY-MM-DD`) of a period of `spanMs` that ends today. */
export function periodDays(spanMs: number, now: Date): [first: string, last: string] {
  const days = Math.max(1, Math.round(spanMs / DAY_MS));
  return [utcDay(now.getTime() - (days - 1) * DAY_MS), utcDay(now.getTime())];
}
