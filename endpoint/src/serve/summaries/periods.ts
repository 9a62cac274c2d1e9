/** The activity periods the endpoint serves and how far back each reaches. */

/** Periods beyond Graph's: d90, d180, d365 (the endpoint keeps history). */
export const ENDPOINT_PERIODS = ['d1', 'd7', 'd30', 'd90', 'd180', 'd365'] as const;
export type EndpointPeriod = (typeof ENDPOINT_PERIODS)[number];

const DAY_MS = 86_400_000;

/** The span of `period` in ms (dN: N days, as Graph's d1/d7/d30). */
export function periodSpanMs(period: EndpointPeriod): number {
  if (!ENDPOINT_PERIODS.includes(period)) throw new RangeError(`Unknown period '${period}'`);
  return Number(period.slice(1)) * DAY_MS;
}
