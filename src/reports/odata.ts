/**
 * The one place OData `$filter` text is built. Values are always rendered as literals (strings quoted
 * with embedded quotes doubled), field names are checked against a strict pattern, and the result is a
 * branded `ODataFilter`, so nothing typed into a search box can break out of a literal or change a query.
 */

export type ODataValue = string | number | boolean | Date | null;

/** A `$filter` expression built by this module (never from raw text). */
export class ODataFilter {
  /** @internal use the builders below */
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Checks a property path such as `initiatedBy/user/userPrincipalName`. */
export function field(name: string): string {
  if (!FIELD.test(name)) throw new TypeError(`Not an OData property path: ${JSON.stringify(name)}`);
  return name;
}

/** Renders a value as an OData literal. */
export function literal(value: ODataValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Not a finite number: ${value}`);
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('Invalid date');
    return value.toISOString(); // DateTimeOffset literals are unquoted
  }
  // Lone surrogates (half an emoji pasted into a box) would make URL encoding throw: repair them.
  const text = value.toWellFormed();
  return `'${text.replaceAll("'", "''")}'`;
}

type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const compare = (op: Comparison) => (name: string, value: ODataValue) =>
  new ODataFilter(`${field(name)} ${op} ${literal(value)}`);

export const eq = compare('eq');
export const ne = compare('ne');
export const gt = compare('gt');
export const ge = compare('ge');
export const lt = compare('lt');
export const le = compare('le');

/** `startswith(name,'value')` — Graph matches it case-insensitively on names and UPNs. */
export function startsWith(name: string, value: string): ODataFilter {
  return new ODataFilter(`startswith(${field(name)},${literal(value)})`);
}

/**
 * `collection/any(x:x eq 'value')`, or with a member path `collection/any(x:x/displayName eq 'value')`.
 * `op` may be 'startswith' for `any(x:startswith(x/displayName,'value'))`.
 */
export function any(collection: string, op: Comparison | 'startswith', value: ODataValue, member?: string): ODataFilter {
  const v = 'x';
  const target = member ? `${v}/${field(member)}` : v;
  const body = op === 'startswith' ? `startswith(${target},${literal(value as string)})` : `${target} ${op} ${literal(value)}`;
  return new ODataFilter(`${field(collection)}/any(${v}:${body})`);
}

type Part = ODataFilter | undefined | null | false;

function join(op: 'and' | 'or', parts: Part[]): ODataFilter | undefined {
  const present = parts.filter((p): p is ODataFilter => p instanceof ODataFilter);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return new ODataFilter(present.map((p) => `(${p.text})`).join(` ${op} `));
}

/** Joins the given filters with `and`; missing parts are skipped; undefined when none remain. */
export const and = (...parts: Part[]) => join('and', parts);
/** Joins the given filters with `or`; missing parts are skipped; undefined when none remain. */
export const or = (...parts: Part[]) => join('or', parts);

export interface QueryOptions {
  filter?: ODataFilter;
  /** e.g. [['eventDateTime', 'desc']] */
  orderBy?: [field: string, direction: 'asc' | 'desc'][];
  top?: number;
  select?: string[];
}

/** Builds `?$filter=…&$orderby=…&$top=…` (empty string when nothing is set). */
export function queryString({ filter, orderBy, top, select }: QueryOptions): string {
  const params: string[] = [];
  if (filter) params.push(`$filter=${encodeURIComponent(filter.text)}`);
  if (orderBy?.length) params.push(`$orderby=${encodeURIComponent(orderBy.map(([f, d]) => `${field(f)} ${d}`).join(','))}`);
  if (top !== undefined) {
    if (!Number.isInteger(top) || top < 1) throw new TypeError(`$top must be a positive integer, got ${top}`);
    params.push(`$top=${top}`);
  }
  if (select?.length) params.push(`$select=${select.map(field).join(',')}`);
  return params.length ? `?${params.join('&')}` : '';
}
