/** Shared fixtures for the mock tests: one small fixed tenant and a `get` that parses the answer. */
import { createMockHandler, type MockHandler, type MockHandlerOptions } from '../../src/mock/handler.js';
import { createTenant, type Tenant } from '../../src/mock/tenant.js';

export const NOW = new Date('2025-07-20T12:00:00Z');
export const BASE = 'http://mock.test/graph/';

let shared: Tenant | undefined;
/** 400 users, 600 events: big enough for every filter form to match something. */
export function tenant(): Tenant {
  return (shared ??= createTenant({ seed: 7, users: 400, events: 600, now: NOW }));
}

export function handler(options: MockHandlerOptions = {}): MockHandler {
  return createMockHandler({ tenant: tenant(), ...options });
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** GETs `path` (relative to BASE unless absolute) and parses the JSON body when it parses. */
export async function get<T = Record<string, unknown>>(
  h: MockHandler,
  path: string,
  init: RequestInit = {},
): Promise<Answer<T>> {
  const response = await h(new Request(/^https?:/.test(path) ? path : BASE + path, init));
  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    body = undefined as T;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** `$filter=` with the expression URL-encoded the way the client encodes it. */
export const filter = (expression: string) => `$filter=${encodeURIComponent(expression)}`;

export interface ErrorShape {
  error: { code: string; message: string; innerError: Record<string, string> };
}
