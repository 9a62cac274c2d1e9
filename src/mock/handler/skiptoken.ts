/**
 * `$skiptoken` values: an opaque encoding of the next offset, bound to the query it came from and
 * protected by a checksum, so a garbled or foreign token is a 400 rather than a silently wrong page.
 */
import { MockHttpError } from '../http-error.js';
import { hashString } from '../random.js';

const PREFIX = 'sspr1';

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
}

const invalid = () => new MockHttpError(400, 'BadRequest', 'The $skiptoken is invalid or does not belong to this query.');

/** `querySignature` identifies the filtered and ordered row set (route, $filter, $orderby). */
export function encodeSkipToken(offset: number, querySignature: string): string {
  const payload = `${PREFIX}:${offset}:${hashString(querySignature).toString(36)}`;
  return `${toBase64Url(payload)}.${hashString(payload).toString(36)}`;
}

export function decodeSkipToken(token: string, querySignature: string): number {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) throw invalid();
  let payload: string;
  try {
    payload = fromBase64Url(token.slice(0, dot));
  } catch {
    throw invalid();
  }
  if (hashString(payload).toString(36) !== token.slice(dot + 1)) throw invalid();
  const [prefix, offsetText, signature] = payload.split(':');
  const offset = Number(offsetText);
  if (prefix !== PREFIX || !Number.isSafeInteger(offset) || offset < 0) throw invalid();
  if (signature !== hashString(querySignature).toString(36)) throw invalid();
  return offset;
}

/**
 * A query string (without `?`) with `$skiptoken` set to `token`: every other parameter kept in its
 * original encoding and order, the old `$skiptoken` (any spelling) dropped. Tokens are URL-safe.
 */
export function withSkipToken(query: string, token: string): string {
  const parts = query.split('&').filter((part) => {
    if (!part) return false;
    let key = part.split('=')[0]!;
    try {
      key = decodeURIComponent(key);
    } catch {
      /* keep the raw key */
    }
    return key.trim().toLowerCase() !== '$skiptoken';
  });
  parts.push(`$skiptoken=${token}`);
  return parts.join('&');
}
