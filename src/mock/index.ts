/**
 * The mock Graph endpoint: a deterministic synthetic tenant and a Graph-compatible request handler,
 * with adapters for the page (fetch interception). The Node adapter lives in ./node/listener.ts.
 */
export { createTenant, resolveTenantOptions, MIN_USERS, MAX_USERS } from './tenant.js';
export type {
  Tenant, TenantOptions, ResolvedTenantOptions, ActivityPeriod, IncludedUserRoles, IncludedUserTypes,
} from './tenant.js';
export { createMockHandler, routePathOf } from './handler.js';
export type { MockHandler, MockHandlerOptions, FaultKind, FaultPlan } from './handler.js';
export { FAULT_KINDS } from './handler/faults.js';
export {
  parseScenario, formatScenario, resolveScenario, scenarioHandlerOptions, ScenarioError, DEFAULT_SCENARIO,
} from './scenario.js';
export type { Scenario } from './scenario.js';
export { createScenarioRouter, SCENARIO_PREFIX } from './scenario-router.js';
export type { ScenarioRouter, ScenarioRouterOptions } from './scenario-router.js';
export { installFetchMock } from './browser/install-fetch-mock.js';
export type { InstallFetchMockOptions } from './browser/install-fetch-mock.js';
export { MockHttpError, ODataQueryError } from './http-error.js';
export { compileFilter, parseFilter, parseOrderBy, sortRows } from './odata/index.js';
export type { EntitySchema } from './odata/index.js';
export * from './route-schemas.js';
export { createRng } from './random.js';
export type { Rng } from './random.js';
export { payloadClient, activityPayload } from './payload-client.js';
