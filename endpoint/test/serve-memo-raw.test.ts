/** The two things that keep a request cheap under load: the last-sync memo and rows passed through as text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoLastSynced } from '../src/serve/last-synced-memo.js';
import { RawRows, serializeBody } from '../src/serve/raw-rows.js';
import { throttledWarning } from '../src/serve/throttled-warning.js';

test('the last sync times are read once per TTL, shared by concurrent requests, and kept while the store fails', async () => {
  let clock = 0;
  let reads = 0;
  let failing = false;
  const read = async () => {
    reads++;
    if (failing) throw new Error('Connection terminated unexpectedly');
    return { userRegistrationDetails: `t${reads}` };
  };
  const memo = memoLastSynced(read, 5000, () => clock);
  const [a, b] = await Promise.all([memo(), memo()]);
  assert.deepEqual([a, b, reads], [{ userRegistrationDetails: 't1' }, { userRegistrationDetails: 't1' }, 1]);
  clock = 4999;
  assert.deepEqual(await memo(), { userRegistrationDetails: 't1' });
  clock = 5000;
  assert.deepEqual(await memo(), { userRegistrationDetails: 't2' }, 'read again after the TTL');
  failing = true;
  clock = 20_000;
  assert.deepEqual(await memo(), { userRegistrationDetails: 't2' }, 'the last value while the store fails');
  const fresh = memoLastSynced(read, 5000, () => clock);
  await assert.rejects(fresh(), /Connection terminated/, 'no value yet: the error goes to the request');
});

test('rows passed through as text make the same JSON as the parsed rows', () => {
  const rows = ['{"id": "a", "n": 1}', '{"id": "b\\"q", "list": [1, 2]}'];
  const body = { '@odata.context': 'ctx', '@odata.nextLink': 'next', value: new RawRows(rows), '@sspr.periods': ['d1'] };
  const text = serializeBody(body);
  assert.deepEqual(JSON.parse(text), { '@odata.context': 'ctx', '@odata.nextLink': 'next', value: [{ id: 'a', n: 1 }, { id: 'b"q', list: [1, 2] }], '@sspr.periods': ['d1'] });
  assert.deepEqual(JSON.parse(serializeBody({ value: new RawRows([]) })), { value: [] });
  assert.deepEqual(JSON.parse(JSON.stringify(body)), JSON.parse(text), 'and JSON.stringify agrees (toJSON)');
  assert.equal(serializeBody({ value: [1] }), '{"value":[1]}');
});

test('a warning that comes with every request is said once per period, with the count held back', () => {
  let clock = 0;
  const said: number[] = [];
  const warn = throttledWarning(10_000, () => clock);
  for (let i = 0; i < 500; i++) {
    warn((heldBack) => said.push(heldBack));
    clock += 50; // a request every 50 ms for 25 s
  }
  assert.deepEqual(said, [0, 199, 199]);
});
