/**
 * Dispatches requests under mock prefixes to handlers — shared by the Node listener and the in-page
 * fetch mock. `/mock/<segment>/…` gets the scenario the segment describes (from the built-in defaults);
 * any other prefix (`/graph/`) gets the default scenario. Tenants are cached by (seed, users, events, now),
 * handlers by the raw segment, so fault counters persist for one scenario id and differ between ids.
 */
import { createMockHandler, type MockHandler } from './handler.js';
import { MockHttpError } from './http-error.js';
import { errorResponse, requestContext } from './handler/responses.js';
import { parseScenario, resolveScenario, scenarioHandlerOptions, type Scenario } from './scenario.js';
import { createTenant, type Tenant } from './tenant.js';

export interface ScenarioRouterOptions {
  /** The scenario behind prefixes other than `/mock/` (default: seed 1, 2,000 users, no faults). */
  defaultScenario?: Partial<Scenario>;
  /** Path prefixes to answer (default ['/graph/', '/mock/']). */
  prefixes?: string[];
}

export interface ScenarioRouter {
  /** True when `path` (a pathname, query allowed) is under one of the prefixes. */
  handles(path: string): boolean;
  handle(request: Request): Promise<Response>;
}

export const SCENARIO_PREFIX = '/mock/';
const DEFAULT_KEY = '\u0000default';

/** Map with least-recently-used eviction. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string, build: () => V): V {
    let value = this.map.get(key);
    if (value !== undefined) this.map.delete(key);
    else value = build();
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
    return value;
  }
}

export function createScenarioRouter(options: ScenarioRouterOptions = {}): ScenarioRouter {
  const prefixes = options.prefixes ?? ['/graph/', SCENARIO_PREFIX];
  const tenants = new Lru<Tenant>(4);
  const handlers = new Lru<MockHandler>(128);

  const handlerFor = (key: string, scenario: Scenario): MockHandler =>
    handlers.get(key, () => {
      const tenant = tenants.get(`${scenario.seed}:${scenario.users}:${scenario.events ?? ''}:${scenario.now ?? ''}`, () =>
        createTenant({ seed: scenario.seed, users: scenario.users, events: scenario.events, ...(scenario.now !== undefined ? { now: new Date(scenario.now) } : {}) }),
      );
      return createMockHandler({ tenant, ...scenarioHandlerOptions(scenario) });
    });

  return {
    handles: (path) => prefixes.some((p) => path.startsWith(p)),
    async handle(request) {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(SCENARIO_PREFIX) || !prefixes.includes(SCENARIO_PREFIX)) {
        return handlerFor(DEFAULT_KEY, resolveScenario(options.defaultScenario))(request);
      }
      const segment = pathname.slice(SCENARIO_PREFIX.length).split('/')[0] ?? '';
      // `/mock/v1.0/…` has no scenario segment: built-in defaults.
      const raw = /^(v1\.0|beta)$/i.test(segment) ? '' : segment;
      try {
        const scenario = resolveScenario(parseScenario(raw));
        return await handlerFor(`mock:${raw}`, scenario)(request);
      } catch (error) {
        if (error instanceof MockHttpError) return errorResponse(error, requestContext(request));
        throw error;
      }
    },
  };
}
