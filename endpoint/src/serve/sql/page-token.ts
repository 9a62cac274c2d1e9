/**
 * `$skiptoken` values for keyset pages: the last row's position (its order key values), bound to the
 * query it came from and protected by a checksum, so a garbled or foreign token is the mock's 400
 * rather than a wrong page. Opaque to clients, as Graph's are.
 */
import { MockHttpError } from '../../../../src/mock/http-error.js';
import { hashString } from '../../../../src/mock/random.js';

const PREFIX = 'sspr-k1';

/** The mock's answer to a bad token (src/mock/handler/skiptoken.ts), word for word. */
const invalid = () => new MockHttpError(400, 'BadRequest', 'The $skiptoken is invalid or does not belong to this query.');

const checksum = (text: string) => hashString(text).toString(36);

const isPosition = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Opaque `$skiptoken` binding the position to the query it came from (`signature`: route, $filter, $orderby). */
export function encodePageToken(signature: string, values: readonly unknown[]): string {
  const payload = JSON.stringify([PREFIX, checksum(signature), values.map((v) => v ?? null)]);
  return `${Buffer.from(payload, 'utf8').toString('base64url')}.${checksum(payload)}`;
}

/** The position in `token`; throws the mock's MockHttpError 400 (Graph's shape) for a token that is malformed or from another query. */
export function decodePageToken(token: string, signature: string, arity: number): unknown[] {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || !/^[A-Za-z0-9_-]+$/.test(token.slice(0, dot))) throw invalid();
  const payload = Buffer.from(token.slice(0, dot), 'base64url').toString('utf8');
  if (checksum(payload) !== token.slice(dot + 1)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [prefix, bound, values] = parsed as [unknown, unknown, unknown];
  if (prefix !== PREFIX || bound !== checksum(signature)) throw invalid();
  if (!Array.isArray(values) || values.length !== arity || !values.every(isPosition)) throw invalid();
  return values;
}
