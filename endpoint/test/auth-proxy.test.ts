import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuthConfig } from '../src/config.js';
import { createAuthenticator } from '../src/serve/auth/create-authenticator.js';
import { noSignIn } from '../src/serve/auth/no-sign-in.js';
import { createProxyIdentity } from '../src/serve/auth/proxy-identity.js';
import { ViewerAuthError, type ViewerRequest } from '../src/serve/auth/viewer.js';

type ProxyConfig = Extract<AuthConfig, { mode: 'proxy' }>;
const ROLE = 'SSPR.Insights.Read';
const GROUP = 'helpdesk';
const config: ProxyConfig = {
  mode: 'proxy',
  trustedProxies: ['127.0.0.1', '10.20.0.0/16', 'fd00:1::/64'],
  userHeader: 'x-forwarded-user',
  rolesHeader: 'x-forwarded-roles',
  groupsHeader: 'x-forwarded-groups',
  requiredRole: ROLE,
};
const proxy = createProxyIdentity(config);
const from = (remoteAddress: string, headers: ViewerRequest['headers']): ViewerRequest => ({ remoteAddress, headers });
const signedIn = { 'x-forwarded-user': 'alice@contoso.example', 'x-forwarded-roles': ROLE };

async function refused(promise: Promise<unknown>, status: 401 | 403, message: RegExp, reason?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ViewerAuthError, `a ViewerAuthError, not ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.code, status === 401 ? 'InvalidAuthenticationToken' : 'Authorization_RequestDenied');
    assert.equal(error.challenge, status === 401 ? 'Proxy realm="sspr-insights"' : undefined);
    assert.match(error.message, message);
    if (reason) assert.match(error.reason ?? '', reason);
    return true;
  });
}
const NOT_VIA_PROXY = /^This endpoint only accepts requests through its sign-in proxy\.$/;

test('a trusted proxy naming a user with the role signs the viewer in', async () => {
  assert.equal(proxy.mode, 'proxy');
  const viewer = await proxy.authenticate(from('127.0.0.1', { ...signedIn, 'x-forwarded-groups': 'a, b' }));
  assert.deepEqual(viewer, { id: 'alice@contoso.example', name: 'alice@contoso.example', roles: [ROLE], groups: ['a', 'b'], via: 'proxy' });
});

test('trusted addresses: CIDR ranges, IPv4-mapped IPv6, IPv6 ranges', async () => {
  for (const address of ['10.20.0.1', '10.20.255.254', '::ffff:127.0.0.1', '::ffff:10.20.3.4', 'fd00:1::5']) {
    assert.equal((await proxy.authenticate(from(address, signedIn))).id, 'alice@contoso.example', address);
  }
});

test('headers from anywhere else are not believed', async () => {
  for (const address of ['10.21.0.1', '::ffff:10.21.0.1', '127.0.0.2', '::1', 'fd00:2::5', '', 'not-an-address']) {
    await refused(proxy.authenticate(from(address, signedIn)), 401, NOT_VIA_PROXY, /is not in SSPR_TRUSTED_PROXIES/);
  }
});

test('a trusted proxy that names no user (or two) is refused', async () => {
  const noUser = /^The sign-in proxy did not say who is signed in\.$/;
  await refused(proxy.authenticate(from('127.0.0.1', { 'x-forwarded-roles': ROLE })), 401, noUser, /no x-forwarded-user header from proxy 127\.0\.0\.1/);
  await refused(proxy.authenticate(from('127.0.0.1', { 'x-forwarded-user': '  ', 'x-forwarded-roles': ROLE })), 401, noUser);
  await refused(proxy.authenticate(from('127.0.0.1', { 'x-forwarded-user': ['alice', 'mallory'], 'x-forwarded-roles': ROLE })), 401, noUser, /conflicting/);
  // a repeated header over real HTTP: Node joins it into one value
  await refused(proxy.authenticate(from('127.0.0.1', { 'x-forwarded-user': 'mallory, alice', 'x-forwarded-roles': ROLE })), 401, noUser, /conflicting/);
});

test('a missing role is a 403 naming it; the required group is an alternative', async () => {
  await refused(
    proxy.authenticate(from('127.0.0.1', { 'x-forwarded-user': 'bob', 'x-forwarded-roles': 'SSPR.Insights.ReadAll, Other', 'x-forwarded-groups': GROUP })),
    403,
    /^Your account has no access to this reporting endpoint: it needs the role 'SSPR\.Insights\.Read'\. Ask an administrator to grant it to you\.$/,
    /viewer bob has roles \[SSPR\.Insights\.ReadAll, Other\] and groups \[helpdesk\]/,
  );
  const grouped = createProxyIdentity({ ...config, requiredGroup: GROUP });
  assert.equal((await grouped.authenticate(from('127.0.0.1', { 'x-forwarded-user': 'bob', 'x-forwarded-groups': `staff;${GROUP}` }))).id, 'bob');
  await refused(grouped.authenticate(from('127.0.0.1', { 'x-forwarded-user': 'bob', 'x-forwarded-groups': 'staff' })), 403, /it needs the role 'SSPR\.Insights\.Read' or membership of the group 'helpdesk'/);
});

test('lists: commas, semicolons, spaces and repeated headers', async () => {
  const viewer = await proxy.authenticate(
    from('127.0.0.1', { 'x-forwarded-user': ['carol', ' carol '], 'x-forwarded-roles': ['Other;  Another', `x, ${ROLE}`], 'x-forwarded-groups': 'g1 g2,,g3' }),
  );
  assert.equal(viewer.id, 'carol');
  assert.deepEqual(viewer.roles, ['Other', 'Another', 'x', ROLE]);
  assert.deepEqual(viewer.groups, ['g1', 'g2', 'g3']);
});

test('without sign-in everyone is let in, known by address; the factory picks by mode', async () => {
  assert.deepEqual(await noSignIn().authenticate(from('127.0.0.1', {})), { id: '127.0.0.1', roles: [], groups: [], via: 'none' });
  assert.equal(createAuthenticator({ mode: 'none' }).mode, 'none');
  assert.equal(createAuthenticator(config).mode, 'proxy');
  const entra = createAuthenticator({ mode: 'entra', tenantId: '8f2b6c1e-4d3a-4b7e-9c55-0a1b2c3d4e5f', audiences: ['api://x'], authority: 'http://127.0.0.1:1', requiredRole: ROLE });
  assert.equal(entra.mode, 'entra');
  await assert.rejects(entra.authenticate(from('127.0.0.1', {})), (e: unknown) => e instanceof ViewerAuthError && e.status === 401);
});
