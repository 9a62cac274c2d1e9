/**
 * What the SQL query tests share: a tenant stored in the test database with, on top of the generated
 * rows, rows that make the edge cases real (LIKE's own characters, upper-case accents, nulls and missing
 * properties, non-array collections); each route's table and mapping as the migration lays them out;
 * and one query answered twice — by SQL and by the mock's engine over the same rows — as comparable
 * outcomes: the error, or the rows with the sort-key values in order.
 */
import { DOCUMENTED_QUERIES } from '../../src/graph/documented-queries.js';
import { compileFilter, type FilterPolicy } from '../../src/mock/odata/compile-filter.js';
import { parseOrderBy, sortRows, type OrderByTerm } from '../../src/mock/odata/orderby.js';
import type { EntitySchema, FieldType } from '../../src/mock/odata/schema.js';
import {
  DIRECTORY_AUDIT_SCHEMA, USER_EVENTS_SUMMARY_SCHEMA, USER_PASSWORD_RESETS_AND_CHANGES_SUMMARY_SCHEMA,
  USER_REGISTRATION_DETAILS_SCHEMA,
} from '../../src/mock/route-schemas.js';
import { createTenant, type Tenant } from '../../src/mock/tenant.js';
import type { Queryable } from '../src/store/db.js';
import { compileSqlFilter, compileSqlOrder, type SqlMapping } from '../src/serve/sql/index.js';
import { loadTenant } from './support/load-tenant.js';
import { MOCK_NOW } from './support/mock-graph.js';
import type { TestDb } from './support/test-db.js';

type Row = Record<string, unknown>;
export type RouteName = 'userRegistrationDetails' | 'userEventsSummary' | 'directoryAudits' | 'userPasswordResetsAndChangesSummary';

export interface SqlRoute {
  name: RouteName;
  table: string;
  /** Rows of the table that are served (current user versions). */
  where?: string;
  schema: EntitySchema;
  mapping: SqlMapping;
  /** The stored rows, each with `_row` (its index), which no schema names. */
  rows: Row[];
  /** Graph's documented `$filter` policy, and the endpoint's (plus date ranges on the route's date). */
  documented: FilterPolicy;
  endpoint: FilterPolicy;
  orderby: readonly string[];
  /** Every sortable path, for orders outside the documented ones. */
  sortable: string[];
}

const DATE_RANGE = ['eq', 'ge', 'gt', 'le', 'lt'];

/** Every scalar path of a schema (object properties followed), e.g. initiatedBy/user/displayName. */
export function scalarPaths(schema: EntitySchema, prefix = ''): string[] {
  return Object.entries(schema.fields).flatMap(([name, type]: [string, FieldType]) => {
    if (typeof type === 'string') return [`${prefix}${name}`];
    if ('object' in type) return scalarPaths(type.object, `${prefix}${name}/`);
    return [];
  });
}

/** Rows that the generator never makes but Graph could send, and characters a query must escape. */
function withEdgeRows(tenant: Tenant) {
  const users: Row[] = tenant.users.map((u) => ({ ...u }));
  const template = users[10]!;
  const user = (patch: Row, drop: string[] = []) => {
    const u: Row = { ...template, ...patch };
    for (const name of drop) delete u[name];
    users.push(u);
  };
  user({ id: 'edge-u1', userDisplayName: '100% Jane_Doe\\ Back', userPrincipalName: 'jane_doe%100\\x@contoso.example', isPasswordlessCapable: 'true' });
  user({ id: 'edge-u2', userDisplayName: 'ÅSA ÖBERG', userPrincipalName: 'ASA.OBERG@CONTOSO.EXAMPLE', isAdmin: true });
  user({ id: 'edge-u3', userDisplayName: 'åsa öberg', userPrincipalName: 'asa.oberg2@contoso.example' });
  user({ id: 'edge-u4', userDisplayName: null, userPreferredMethodForSecondaryAuthentication: null, methodsRegistered: null });
  user({ id: 'edge-u5', methodsRegistered: ['email', null, 'MOBILEPHONE'] }, ['userDisplayName', 'systemPreferredAuthenticationMethods', 'lastUpdatedDateTime']);
  user({ id: 'edge-u6', userDisplayName: "O'Brien_%", isMfaCapable: null, methodsRegistered: [] }, ['isSsprEnabled']);
  user({ id: 'edge-u7', userDisplayName: 'Ωmega Σίσυφος', userPrincipalName: 'omega.sisyphus@contoso.example', lastUpdatedDateTime: '2026-11-29T23:59:59.9990000Z' });

  const events: Row[] = tenant.events.map((e) => ({ ...e }));
  const event = events[3]!;
  events.push({ ...event, failureReason: null, userDisplayName: null });
  events.push({ ...event, userDisplayName: '100% Jane_Doe\\ Back', userPrincipalName: 'jane_doe%100\\x@contoso.example', isSuccess: null });
  const { authMethod: _dropped, ...noMethod } = event;
  events.push(noMethod);

  const audits: Row[] = tenant.audits.map((a) => ({ ...a }));
  const audit = audits[5]!;
  audits.push({ ...audit, id: 'edge-a1', initiatedBy: { user: null, app: { appId: 'app-1', displayName: 'Sync Agent', servicePrincipalId: 'sp-1', servicePrincipalName: null } } });
  audits.push({ ...audit, id: 'edge-a2', targetResources: null, initiatedBy: {} });
  audits.push({ ...audit, id: 'edge-a3', targetResources: [null, { id: 't-3', displayName: 'ÅSA ÖBERG', type: 'User', userPrincipalName: null }] });
  audits.push({ ...audit, id: 'edge-a4', targetResources: { id: 'not-an-array' }, additionalDetails: 'nope', initiatedBy: null });

  const days: Row[] = tenant.resetsAndChanges().map((d) => ({ ...d }));
  days[2] = { ...days[2]!, passwordResetsByAdminCount: null };
  days[4] = { ...days[4]!, changePasswordSelfServiceCount: 2.5 };

  const index = (rows: Row[]) => rows.map((r, i) => ({ ...r, _row: i }));
  return { users: index(users), events: index(events), audits: index(audits), days: index(days) };
}

export interface SqlFixture {
  tenant: Tenant;
  routes: Record<RouteName, SqlRoute>;
}

/** Loads a tenant of a few hundred users (plus the edge rows) into `db`. */
export async function loadFixture(db: Queryable, options: { users?: number; seed?: number } = {}): Promise<SqlFixture> {
  const tenant = createTenant({ users: options.users ?? 400, events: 500, seed: options.seed ?? 11, now: MOCK_NOW });
  const rows = withEdgeRows(tenant);
  const days = rows.days;
  await loadTenant(db, {
    ...tenant,
    users: rows.users,
    events: rows.events,
    audits: rows.audits,
    resetsAndChanges: () => days,
  } as unknown as Tenant);
  const route = (name: RouteName, table: string, schema: EntitySchema, mapping: SqlMapping, stored: Row[], date: string, where?: string): SqlRoute => {
    const queries = DOCUMENTED_QUERIES[name];
    return {
      name, table, where, schema, mapping, rows: stored,
      documented: queries.filter,
      endpoint: { ...queries.filter, [date]: DATE_RANGE },
      orderby: queries.orderby,
      sortable: scalarPaths(schema),
    };
  };
  return {
    tenant,
    routes: {
      userRegistrationDetails: route('userRegistrationDetails', 'user_versions', USER_REGISTRATION_DETAILS_SCHEMA,
        { doc: 'doc', key: 'user_id' }, rows.users, 'lastUpdatedDateTime', 'valid_to IS NULL'),
      userEventsSummary: route('userEventsSummary', 'events', USER_EVENTS_SUMMARY_SCHEMA,
        { doc: 'doc', key: 'event_key', columns: { eventDateTime: 'event_at' } }, rows.events, 'eventDateTime'),
      directoryAudits: route('directoryAudits', 'audits', DIRECTORY_AUDIT_SCHEMA,
        { doc: 'doc', key: 'audit_id', columns: { activityDateTime: 'activity_at' } }, rows.audits, 'activityDateTime'),
      userPasswordResetsAndChangesSummary: route('userPasswordResetsAndChangesSummary', 'daily_resets', USER_PASSWORD_RESETS_AND_CHANGES_SUMMARY_SCHEMA,
        { doc: 'doc', key: 'day' }, rows.days, 'aggregatedDateTime'),
    },
  };
}

/** A query's answer as both back ends are compared: the 400, or the rows (as a set) with their sort keys in order. */
export type Outcome = { error: string } | { rows: number[]; keys: string[] };

export interface Query {
  filter?: string;
  orderby?: string;
  /** Default: the route's documented policy. `null`: none (anything the schema allows). */
  policy?: FilterPolicy | null;
  /** Default: the route's documented `$orderby` list. */
  allowed?: readonly string[];
}

const errorText = (e: unknown): string => {
  if (!(e instanceof Error) || !('status' in e)) throw e;
  const { status, code } = e as Error & { status: number; code: string };
  return `${e.name} ${status} ${code}: ${e.message}`;
};

/** The value sortRows orders `row` by on `term` (the mock's own rule, restated as the oracle). */
function mockKey(term: OrderByTerm, row: Row): string | number | null {
  const v = term.get(row);
  if (v == null) return null;
  switch (term.type) {
    case 'string': return String(v).toLowerCase();
    case 'date': { const t = Date.parse(String(v)); return Number.isNaN(t) ? null : t; }
    case 'boolean': return v ? 1 : 0;
    case 'number': return typeof v === 'number' ? v : null;
  }
}

function outcomeOf(rows: Row[], terms: OrderByTerm[]): Outcome {
  return {
    rows: rows.map((r) => r._row as number).sort((a, b) => a - b),
    keys: rows.map((r) => JSON.stringify(terms.map((t) => mockKey(t, r)))),
  };
}

const policyOf = (route: SqlRoute, q: Query) => (q.policy === null ? undefined : q.policy ?? route.documented);

export function viaMock(route: SqlRoute, q: Query): Outcome {
  try {
    const filter = q.filter !== undefined ? compileFilter<Row>(q.filter, route.schema, policyOf(route, q)) : undefined;
    const terms = q.orderby !== undefined ? parseOrderBy(q.orderby, route.schema, q.allowed ?? route.orderby) : [];
    const kept = filter ? route.rows.filter(filter) : route.rows;
    return outcomeOf(sortRows(kept, terms), terms);
  } catch (e) {
    return { error: errorText(e) };
  }
}

/** The statement serving `q` (conditions AND-ed), or the compile error. */
export function sqlFor(route: SqlRoute, q: Query, extra: (params: unknown[], order: ReturnType<typeof compileSqlOrder>) => string[] = () => []) {
  const params: unknown[] = [];
  const conditions = route.where ? [route.where] : [];
  if (q.filter !== undefined) conditions.push(`(${compileSqlFilter(q.filter, route.schema, policyOf(route, q), route.mapping, params)})`);
  const order = compileSqlOrder(q.orderby, route.schema, q.allowed ?? route.orderby, route.mapping);
  conditions.push(...extra(params, order));
  const keys = order.keys.map((k, i) => `, ${k} AS k${i}`).join('');
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return { sql: `SELECT ${route.mapping.doc} AS doc${keys} FROM ${route.table}${where} ORDER BY ${order.orderBy}`, params, order };
}

export async function viaSql(db: Queryable, route: SqlRoute, q: Query): Promise<Outcome> {
  let statement: ReturnType<typeof sqlFor>;
  try {
    statement = sqlFor(route, q);
  } catch (e) {
    return { error: errorText(e) };
  }
  const { rows } = await db.query<{ doc: Row }>(statement.sql, statement.params);
  const terms = q.orderby !== undefined ? parseOrderBy(q.orderby, route.schema, q.allowed ?? route.orderby) : [];
  return outcomeOf(rows.map((r) => r.doc), terms);
}
