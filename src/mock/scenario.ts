/**
 * Scenario path segments: `/mock/<segment>/v1.0/…` configures a mock endpoint from its URL, e.g.
 * `/mock/users=50;fault=429;times=1;retry-after=0.05;id=t1/beta/…`. Keys: seed, users, events, latency
 * (ms), page (page size), fault, times, after, route, retry-after, id (free text that only isolates fault
 * counters), now (the tenant's clock: epoch ms or ISO, so two processes can build the same tenant). Percent-encoding is decoded first (leniently); bad keys or values throw ScenarioError (→ 400).
 */
import type { MockHandlerOptions } from './handler.js';
import { FAULT_KINDS, type FaultKind } from './handler/faults.js';
import { MockHttpError } from './http-error.js';
import { MAX_USERS, MIN_USERS } from './tenant.js';

export interface Scenario {
  seed: number;
  users: number;
  /** Event count (default: derived from users). */
  events?: number;
  /** Latency in ms. */
  latency: number;
  /** Page size cap. */
  page?: number;
  fault?: FaultKind;
  times?: number;
  after?: number;
  route?: string;
  /** Retry-After for 429/503: seconds (`0.05`) or `date+N`. */
  retryAfter?: string;
  id?: string;
  /** The tenant's "now" (epoch ms): events and audits lie in the 30 days before it (default: when the tenant is built). */
  now?: number;
}

export const DEFAULT_SCENARIO: Readonly<Scenario> = { seed: 1, users: 2000, latency: 0 };

export class ScenarioError extends MockHttpError {
  constructor(message: string) {
    super(400, 'BadRequest', `Invalid mock scenario: ${message}`);
    this.name = 'ScenarioError';
  }
}

type Key = keyof Scenario;

function integer(min: number, max: number) {
  return (text: string, key: string): number => {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new ScenarioError(`${key} must be an integer in ${min}..${max}, got '${text}'`);
    return n;
  };
}

const RETRY_AFTER = /^(?:\d+(?:\.\d+)?|date\+\d+(?:\.\d+)?)$/i;

/** Segment key → [Scenario property, parser]. */
const KEYS: Record<string, [Key, (text: string, key: string) => Scenario[Key]]> = {
  seed: ['seed', integer(0, 0xffffffff)],
  users: ['users', integer(MIN_USERS, MAX_USERS)],
  events: ['events', integer(0, 5_000_000)],
  latency: ['latency', integer(0, 60_000)],
  page: ['page', integer(1, 1000)],
  fault: ['fault', (text) => {
    if (!(FAULT_KINDS as readonly string[]).includes(text)) {
      throw new ScenarioError(`fault must be one of ${FAULT_KINDS.join(', ')}, got '${text}'`);
    }
    return text as FaultKind;
  }],
  times: ['times', integer(0, 1_000_000_000)],
  after: ['after', integer(0, 1_000_000_000)],
  route: ['route', (text) => {
    if (!text) throw new ScenarioError('route must not be empty');
    return text;
  }],
  'retry-after': ['retryAfter', (text) => {
    if (!RETRY_AFTER.test(text)) throw new ScenarioError(`retry-after must be seconds or date+N, got '${text}'`);
    return text;
  }],
  id: ['id', (text) => text],
  now: ['now', (text, key) => {
    const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
    if (!Number.isSafeInteger(ms)) throw new ScenarioError(`${key} must be epoch milliseconds or an ISO date-time, got '${text}'`);
    return ms;
  }],
};

const ORDER = Object.keys(KEYS);

function lenientDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses a segment into the keys it sets (missing keys stay undefined). */
export function parseScenario(segment: string): Partial<Scenario> {
  const scenario: Partial<Record<Key, unknown>> = {};
  for (const piece of lenientDecode(segment).split(';')) {
    if (!piece.trim()) continue;
    const eq = piece.indexOf('=');
    if (eq < 0) throw new ScenarioError(`expected key=value, got '${piece}'`);
    const key = piece.slice(0, eq).trim().toLowerCase();
    const value = piece.slice(eq + 1).trim();
    const entry = KEYS[key];
    if (!entry) throw new ScenarioError(`unknown key '${key}' (known: ${ORDER.join(', ')})`);
    const [prop, parse] = entry;
    if (prop in scenario) throw new ScenarioError(`key '${key}' is given more than once`);
    scenario[prop] = parse(value, key);
  }
  return scenario as Partial<Scenario>;
}

/** Formats a scenario as a path segment (keys in a fixed order, values percent-encoded). */
export function formatScenario(scenario: Partial<Scenario>): string {
  return ORDER.flatMap((key) => {
    const value = scenario[KEYS[key]![0]];
    return value === undefined || value === '' ? [] : [`${key}=${encodeURIComponent(String(value))}`];
  }).join(';');
}

/** The scenario with defaults filled in. */
export function resolveScenario(scenario: Partial<Scenario> = {}): Scenario {
  return { ...DEFAULT_SCENARIO, ...Object.fromEntries(Object.entries(scenario).filter(([, v]) => v !== undefined)) };
}

/** Handler options for a scenario (the tenant is passed separately so it can be shared). */
export function scenarioHandlerOptions(s: Scenario): Omit<MockHandlerOptions, 'tenant' | 'tenantOptions'> {
  return {
    latencyMs: s.latency,
    pageSize: s.page,
    faults: s.fault ? { kind: s.fault, times: s.times, after: s.after, route: s.route, retryAfter: s.retryAfter } : undefined,
  };
}
