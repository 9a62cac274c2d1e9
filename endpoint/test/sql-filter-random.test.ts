import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createRng, type Rng } from '../../src/mock/random.js';
import { resolvePath, type EntitySchema, type FieldType, type ScalarType } from '../../src/mock/odata/schema.js';
import { loadFixture, viaMock, viaSql, type SqlFixture, type SqlRoute } from './sql-fixture.js';
import { openTestDb, type TestDb } from './support/test-db.js';

let db: TestDb;
let fx: SqlFixture;
before(async () => {
  db = await openTestDb();
  fx = await loadFixture(db, { users: 200, seed: 5 });
});
after(() => db.close());

/** A scalar a random filter can compare, with values seen in the data to compare it with. */
interface Leaf {
  path: string;
  type: ScalarType;
  values: unknown[];
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const OPS: Record<ScalarType, string[]> = {
  string: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  number: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  date: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  boolean: ['eq', 'ne'],
};

function leaves(type: FieldType, prefix: string, sample: unknown[]): Leaf[] {
  if (typeof type === 'string') return [{ path: prefix, type, values: [...new Set(sample.filter((v) => v != null))].slice(0, 40) }];
  if ('collection' in type) return [];
  return Object.entries(type.object.fields).flatMap(([name, t]) =>
    leaves(t, prefix ? `${prefix}/${name}` : name, sample.map((v) => (v == null || typeof v !== 'object' ? undefined : (v as Record<string, unknown>)[name]))));
}

/** Collections of the schema with their element's leaves (the element itself is `x`). */
function collections(schema: EntitySchema, rows: unknown[]) {
  return Object.entries(schema.fields).flatMap(([name, t]) => {
    if (typeof t === 'string' || !('collection' in t)) return [];
    const elements = rows.flatMap((r) => {
      const c = (r as Record<string, unknown>)[name];
      return Array.isArray(c) ? c : [];
    });
    const element: FieldType = typeof t.collection === 'string' ? t.collection : { object: t.collection };
    return [{ name, leaves: leaves(element, 'x', elements) }];
  });
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function literal(rng: Rng, leaf: Leaf): string {
  const v = leaf.values.length && rng.chance(0.85) ? rng.pick(leaf.values) : undefined;
  switch (leaf.type) {
    case 'string': {
      const s = typeof v === 'string' ? v : rng.pick(['', 'm', 'Z', 'o\'b', '%', '_x']);
      return quote(rng.chance(0.3) ? s.toUpperCase() : rng.chance(0.3) ? s.slice(0, rng.int(0, s.length)) : s);
    }
    case 'number':
      return String(typeof v === 'number' ? v + rng.pick([0, 0, 1, -1, 0.5]) : rng.int(-1, 5));
    case 'boolean':
      return rng.chance(0.5) ? 'true' : 'false';
    case 'date': {
      const s = typeof v === 'string' ? v : '2026-11-20T00:00:00Z';
      const text = rng.chance(0.3) ? `${s.slice(0, 10)}T${rng.pick(['00:00:00Z', '12:30:00+01:00', s.slice(11, 19) + 'Z'])}` : s;
      return DATETIME.test(text) && rng.chance(0.7) ? text : quote(text);
    }
  }
}

function comparison(rng: Rng, leaf: Leaf): string {
  if (rng.chance(0.08)) return `${leaf.path} ${rng.pick(['eq', 'ne'])} null`;
  if (leaf.type === 'string' && rng.chance(0.25)) {
    const s = String(leaf.values.length ? rng.pick(leaf.values) : 'a');
    const prefix = s.slice(0, rng.int(0, Math.min(4, s.length)));
    return `startswith(${leaf.path}, ${quote(rng.chance(0.4) ? prefix.toUpperCase() : prefix)})`;
  }
  if (leaf.type === 'boolean' && rng.chance(0.3)) return leaf.path;
  const op = rng.pick(OPS[leaf.type]);
  return rng.chance(0.15) ? `${literal(rng, leaf)} ${op} ${leaf.path}` : `${leaf.path} ${op} ${literal(rng, leaf)}`;
}

function expression(rng: Rng, route: SqlRoute, depth: number, inLambda?: Leaf[]): string {
  const roll = rng.next();
  if (depth < 3 && roll < 0.3) {
    return `(${expression(rng, route, depth + 1, inLambda)}) ${rng.pick(['and', 'or'])} ${expression(rng, route, depth + 1, inLambda)}`;
  }
  if (depth < 3 && roll < 0.38) return `not ${rng.chance(0.5) ? '' : ' '}(${expression(rng, route, depth + 1, inLambda)})`;
  if (depth < 3 && roll < 0.42) return `(${expression(rng, route, depth + 1, inLambda)}) ${rng.pick(['eq', 'ne'])} ${rng.pick(['true', 'false', 'null'])}`;
  const colls = collections(route.schema, route.rows);
  if (!inLambda && colls.length && roll < 0.55) {
    const c = rng.pick(colls);
    if (rng.chance(0.1)) return `${c.name}/any()`;
    return `${c.name}/${rng.pick(['any', 'all'])}(x: ${expression(rng, route, depth + 1, c.leaves)})`;
  }
  const pool = inLambda && rng.chance(0.7) ? inLambda : leaves({ object: route.schema }, '', route.rows);
  return comparison(rng, rng.pick(pool));
}

test('random filters over every route agree with the mock, row for row and error for error', async () => {
  const rng = createRng(20261130);
  let informative = 0;
  let total = 0;
  for (const route of Object.values(fx.routes)) {
    for (let i = 0; i < 160; i++) {
      const filter = expression(rng, route, 0);
      const policy = i % 4 === 3 ? route.endpoint : null;
      const expected = viaMock(route, { filter, policy });
      assert.deepEqual(await viaSql(db, route, { filter, policy }), expected, `${route.name} ${filter}${policy ? ' (endpoint policy)' : ''}`);
      total++;
      if ('rows' in expected && expected.rows.length > 0 && expected.rows.length < route.rows.length) informative++;
    }
  }
  // most random filters keep some rows and drop others: the comparison is not between empty answers
  assert.ok(informative > total * 0.4, `${informative} of ${total} filters kept some but not all rows`);
});

test('the generator reads paths the schema knows', () => {
  for (const route of Object.values(fx.routes)) {
    for (const leaf of leaves({ object: route.schema }, '', route.rows)) resolvePath({ object: route.schema }, leaf.path.split('/'));
  }
});
