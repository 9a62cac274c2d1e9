import { expect } from '@open-wc/testing';
import { ReportError } from '../../src/client/errors.js';

let counter = 0;

/** A fresh id per test: the mock keeps fault counters per id, and the limiter keys per endpoint. */
export function uniqueId(label = 't'): string {
  return `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

/** `/mock/<k=v;…;id=…>` for the dev server's mock Graph endpoint. */
export function mockEndpoint(scenario: Record<string, string | number> = {}): string {
  const parts = Object.entries(scenario).map(([k, v]) => `${k}=${v}`);
  return `/mock/${[...parts, `id=${uniqueId()}`].join(';')}`;
}

export interface RecordedCall {
  url: string;
  headers: Headers;
  init: RequestInit;
  /** Filled in when the response arrives. */
  response?: Response;
  receivedAt?: number;
}

/** A fetch that records each call and then calls the real fetch (so requests still hit the mock). */
export function recordingFetch(): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetchAndRecord = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: RecordedCall = { url: String(input), headers: new Headers(init.headers), init };
    calls.push(call);
    return globalThis.fetch(input, init).then((response) => {
      call.response = response;
      call.receivedAt = Date.now();
      return response;
    });
  };
  return { fetch: fetchAndRecord, calls };
}

/** Awaits a promise that must reject with a ReportError, and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<ReportError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) expect.fail(`expected a ReportError, got ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
  expect(outcome.error).to.be.instanceOf(ReportError);
  return outcome.error as ReportError;
}

export const since = (t0: number): number => performance.now() - t0;

export const USERS_ROUTE = 'v1.0/reports/authenticationMethods/userRegistrationDetails';
/** Takes `$top` (users do not: Graph documents no `$top` there), so tests can vary the URL with it. */
export const EVENTS_ROUTE = 'beta/reports/authenticationMethods/userEventsSummary';
