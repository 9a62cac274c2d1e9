import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeSkipToken, encodeSkipToken } from '../../src/mock/handler/skiptoken.js';
import { MockHttpError } from '../../src/mock/http-error.js';
import { hashString } from '../../src/mock/random.js';
import { decodePageToken, encodePageToken } from '../src/serve/sql/index.js';

const SIGNATURE = 'userRegistrationDetails\u0000isMfaCapable eq true\u0000userDisplayName desc';

/** The mock's own answer to a bad `$skiptoken`: the endpoint must give the same. */
function mockRefusal(): MockHttpError {
  try {
    decodeSkipToken('garbage', SIGNATURE);
  } catch (e) {
    return e as MockHttpError;
  }
  throw new Error('the mock accepted a garbage token');
}

function assertRefused(token: string, signature = SIGNATURE, arity = 2): void {
  const expected = mockRefusal();
  assert.throws(() => decodePageToken(token, signature, arity), (e: unknown) => {
    assert.ok(e instanceof MockHttpError, String(e));
    assert.deepEqual([e.status, e.code, e.message], [expected.status, expected.code, expected.message]);
    return true;
  }, `token ${JSON.stringify(token)}`);
}

test('a page token carries the position back exactly: unicode, quotes, nulls, numbers, booleans', () => {
  const positions: unknown[][] = [
    ["siobhán o'brien", 'a1b2'],
    [null, 'u-1'],
    ['2026-11-20 10:00:00.123457+00', 'SSPR_5b0f…'],
    ['Ωmega "σ" \\ % _ 😀', '1'],
    [true, 3],
    [false, -2.5],
  ];
  for (const values of positions) {
    const token = encodePageToken(SIGNATURE, values);
    assert.match(token, /^[A-Za-z0-9_-]+\.[0-9a-z]+$/, 'URL-safe without encoding');
    assert.deepEqual(decodePageToken(token, SIGNATURE, values.length), values);
  }
  assert.deepEqual(decodePageToken(encodePageToken(SIGNATURE, [undefined, 'k']), SIGNATURE, 2), [null, 'k']);
});

test('a token from another query, of another arity, garbled or forged is the mock\'s 400', () => {
  const token = encodePageToken(SIGNATURE, ['zoë', 'u1']);
  assertRefused(token, `${SIGNATURE} `);
  assertRefused(token, 'directoryAudits\u0000\u0000');
  assertRefused(token, SIGNATURE, 3);
  assertRefused(token, SIGNATURE, 1);
  for (const bad of ['', '.', 'abc', 'abc.', '.abc', 'a.b', `${token}x`, `x${token}`, token.replace('.', '.0'), token.toUpperCase(), `${token.slice(0, 5)}*${token.slice(6)}`]) {
    assertRefused(bad);
  }
  // a payload with a matching checksum but the wrong shape
  const forge = (payload: unknown) => {
    const text = JSON.stringify(payload);
    return `${Buffer.from(text).toString('base64url')}.${hashString(text).toString(36)}`;
  };
  const bound = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as unknown[];
  assert.deepEqual(decodePageToken(forge(bound), SIGNATURE, 2), ['zoë', 'u1'], 'the forging helper is right');
  assertRefused(forge({ not: 'an array' }));
  assertRefused(forge([bound[0], bound[1], [{ object: 1 }, 'u1']]));
  assertRefused(forge([bound[0], bound[1], 'u1']));
  assertRefused(forge(['sspr1', bound[1], bound[2]]));
  // the mock's offset tokens are not positions
  assertRefused(encodeSkipToken(100, SIGNATURE));
});
