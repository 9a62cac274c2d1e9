/**
 * How long a sync takes under Graph's report budget, from its request count. The client's limiter
 * (src/client/rate-limiter.ts) lets a request go when the fifth-last one ended a window (plus its
 * margin) ago, and the sync sends one request at a time, so every group of five waits for the group
 * before it: q = ⌊(N − 1) / 5⌋ full windows, each also holding that group's first request's latency,
 * then the last group's requests back to back.
 */
import { GRAPH_REPORTS_BUDGET } from '../../src/graph/types.js';
import { RateLimiter } from '../../src/client/rate-limiter.js';

export interface BudgetEstimate {
  requests: number;
  /** Full windows waited for: ⌊(N − 1) / budget⌋. */
  windows: number;
  /** Graph's own floor: windows × 10 s, as if requests took no time. */
  graphFloorMs: number;
  /** This client's pacing: windows × (10 s + margin + latency) + the last group's requests. */
  clientMs: number;
  perMs: number;
  marginMs: number;
}

/** `latencyMs`: a request's mean time on the wire; `workMs`: a request and storing its page, when nothing waits. */
export function budgetedSyncTime(requests: number, latencyMs: number, workMs: number): BudgetEstimate {
  const { requests: perWindow, perMs, marginMs } = new RateLimiter(GRAPH_REPORTS_BUDGET).budget;
  const windows = Math.max(0, Math.floor((requests - 1) / perWindow));
  const tail = requests - windows * perWindow; // the last group: 1..5 requests
  return {
    requests,
    windows,
    graphFloorMs: windows * perMs,
    clientMs: windows * (perMs + marginMs + latencyMs) + tail * workMs,
    perMs,
    marginMs,
  };
}
